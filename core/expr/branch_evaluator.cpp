// Lazy branches over a batch: each branch is evaluated on the gathered rows that reach it, and the
// pieces are scattered back in row order.
#include "expr/branch_evaluator.h"

#include "expr/evaluator.h"
#include "expr/functions/simple_function.h"

namespace runnel::expr {

using types::Batch;
using types::Column;
using types::ColumnPtr;

namespace {

// Evaluates `e` on `rows` of `input` (all rows when `rows` covers the batch in order).
ColumnPtr evaluateOn(const Expr& e, const Batch& input, const std::vector<uint32_t>& rows,
                     const EvalContext& ctx) {
  if (rows.size() == input.num_rows) return evaluate(e, input, ctx);
  return evaluate(e, input.gather(rows), ctx);
}

bool isTrue(const Column& c, size_t i) {
  return c.type->id == types::TypeId::Boolean && !c.isNull(i) && c.ints[i] != 0;
}

}  // namespace

ColumnPtr evaluateCaseWhen(const Expr& e, const Batch& input, const EvalContext& ctx) {
  size_t n = input.num_rows;
  size_t branches = e.has_else ? e.args.size() - 1 : e.args.size();
  // For each row: which value produced it (-1: null) and its index within that value's column.
  std::vector<int32_t> source(n, -1);
  std::vector<uint32_t> index(n, 0);
  std::vector<ColumnPtr> values;
  std::vector<uint32_t> remaining(n);
  for (size_t r = 0; r < n; ++r)
    remaining[r] = static_cast<uint32_t>(r);
  auto takeValue = [&](const Expr& value, const std::vector<uint32_t>& rows) {
    if (rows.empty()) return;
    ColumnPtr col = evaluateOn(value, input, rows, ctx);
    for (size_t k = 0; k < rows.size(); ++k) {
      source[rows[k]] = static_cast<int32_t>(values.size());
      index[rows[k]] = static_cast<uint32_t>(k);
    }
    values.push_back(std::move(col));
  };
  for (size_t b = 0; b + 1 < branches && !remaining.empty(); b += 2) {
    ColumnPtr cond = evaluateOn(*e.args[b], input, remaining, ctx);
    std::vector<uint32_t> taken, rest;
    for (size_t k = 0; k < remaining.size(); ++k) {
      (isTrue(*cond, k) ? taken : rest).push_back(remaining[k]);
    }
    // Every row takes the first branch: its column is the answer.
    if (values.empty() && taken.size() == n) {
      return castColumn(evaluate(*e.args[b + 1], input, ctx), e.type, ctx);
    }
    takeValue(*e.args[b + 1], taken);
    remaining = std::move(rest);
  }
  if (e.has_else) {
    if (values.empty() && remaining.size() == n) {
      return castColumn(evaluate(*e.args.back(), input, ctx), e.type, ctx);
    }
    takeValue(*e.args.back(), remaining);
  }
  auto out = Column::make(e.type);
  out->reserve(n);
  for (size_t r = 0; r < n; ++r) {
    if (source[r] < 0)
      out->appendNull();
    else
      appendRow(*out, *values[static_cast<size_t>(source[r])], index[r]);
  }
  return out;
}

ColumnPtr evaluateLogic(const Expr& e, const Batch& input, const EvalContext& ctx) {
  bool is_and = e.name == "and" || e.name == "AND";
  ColumnPtr left = evaluate(*e.args[0], input, ctx);
  size_t n = input.num_rows;
  // Rows the left side decides alone: false for AND, true for OR.
  std::vector<uint32_t> undecided;
  for (size_t r = 0; r < n; ++r) {
    bool decided = left->type->id == types::TypeId::Boolean && !left->isNull(r) &&
                   (left->ints[r] != 0) != is_and;
    if (!decided) undecided.push_back(static_cast<uint32_t>(r));
  }
  auto out = makeFixed(types::booleanType(), n, {});
  for (size_t r = 0; r < n; ++r)
    out->ints[r] = !is_and;
  if (undecided.empty()) return out;
  ColumnPtr right = evaluateOn(*e.args[1], input, undecided, ctx);
  for (size_t k = 0; k < undecided.size(); ++k) {
    size_t r = undecided[k];
    bool ln = left->type->id != types::TypeId::Boolean || left->isNull(r);
    bool rn = right->type->id != types::TypeId::Boolean || right->isNull(k);
    bool rv = !rn && right->ints[k] != 0;
    if (!rn && rv != is_and)
      out->ints[r] = rv;  // the right side decides
    else if (ln || rn)
      setNull(*out, r);
    else
      out->ints[r] = is_and;
  }
  return out;
}

}  // namespace runnel::expr
