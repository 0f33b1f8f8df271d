// JoinedRows: key encoding, condition masks and gathering joined rows column by column.
#include "exec/joined_rows.h"

#include "exec/group_key_table.h"
#include "expr/evaluator.h"

namespace runnel::exec {

namespace {

// Column `c` gathered at `rows`, where kNoRow becomes a null.
types::ColumnPtr gatherOrNull(const types::Column& c, const std::vector<uint32_t>& rows) {
  bool any_missing = false;
  for (uint32_t r : rows)
    any_missing = any_missing || r == kNoRow;
  if (!any_missing) return c.gather(rows);
  auto out = types::Column::make(c.type);
  out->reserve(rows.size());
  for (uint32_t r : rows) {
    if (r == kNoRow)
      out->appendNull();
    else
      out->appendFrom(c, r);
  }
  return out;
}

}  // namespace

std::vector<std::optional<std::string>> joinKeys(const std::vector<expr::ExprPtr>& keys,
                                                 const types::Batch& rows,
                                                 const expr::EvalContext& ctx) {
  std::vector<types::ColumnPtr> cols;
  for (const auto& k : keys)
    cols.push_back(expr::evaluate(*k, rows, ctx));
  std::vector<std::optional<std::string>> out(rows.num_rows);
  for (size_t r = 0; r < rows.num_rows; ++r) {
    std::string key;
    bool null_key = false;
    for (const auto& c : cols) {
      null_key = null_key || c->isNull(r);
      encodeKeyValue(*c, r, key);
    }
    if (!null_key) out[r] = std::move(key);
  }
  return out;
}

std::vector<uint8_t> conditionMask(const expr::ExprPtr& condition, const types::Batch& rows,
                                   const expr::EvalContext& ctx) {
  std::vector<uint8_t> mask(rows.num_rows, 1);
  if (!condition || rows.num_rows == 0) return mask;
  types::ColumnPtr c = expr::evaluate(*condition, rows, ctx);
  for (size_t r = 0; r < rows.num_rows; ++r) {
    mask[r] = c->type->id == types::TypeId::Boolean && !c->isNull(r) && c->ints[r] != 0;
  }
  return mask;
}

types::Batch joinedRows(const types::Schema& output, const types::Batch& left,
                        const types::Batch& right, const std::vector<uint32_t>& li,
                        const std::vector<uint32_t>& ri) {
  types::Batch out;
  out.schema = output;
  out.num_rows = li.size();
  for (const auto& c : left.columns)
    out.columns.push_back(gatherOrNull(*c, li));
  for (size_t i = 0; out.columns.size() < output.size(); ++i)
    out.columns.push_back(gatherOrNull(*right.columns[i], ri));
  return out;
}

}  // namespace runnel::exec
