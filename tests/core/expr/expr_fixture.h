// Test fixture for expressions: resolves trees the way the Analyzer does (ColumnRefs by name
// against a schema, then resolveNode bottom-up), builds one-column-per-field batches and renders
// results.
#pragma once

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "expr/cast_to_string.h"
#include "expr/evaluator.h"
#include "expr/type_coercion.h"
#include "types/batch.h"

namespace runnel::expr::testing {

struct TestColumn {
  std::string name;
  types::DataTypePtr type;
  std::vector<types::Value> values;
};

inline types::Batch makeBatch(const std::vector<TestColumn>& cols) {
  types::Batch b;
  for (const auto& c : cols) {
    b.schema.fields.push_back({c.name, c.type, true});
    auto col = types::Column::make(c.type);
    for (const auto& v : c.values)
      col->appendValue(v);
    b.num_rows = c.values.size();
    b.columns.push_back(col);
  }
  return b;
}

inline ExprPtr resolve(const ExprPtr& e, const types::Schema& schema) {
  if (e->kind == ExprKind::ColumnRef) {
    auto idx = schema.indexOf(e->name);
    if (!idx) throw Error(ErrorClass::AnalysisException, "unresolved column " + e->name);
    auto out = std::make_shared<Expr>(*e);
    out->ordinal = static_cast<int>(*idx);
    out->type = schema[*idx].type;
    out->nullable = schema[*idx].nullable;
    out->resolved = true;
    return out;
  }
  std::vector<ExprPtr> args;
  for (const auto& a : e->args) {
    // functions.count turns `*` into lit(1).
    args.push_back(a->kind == ExprKind::Star ? resolveNode(lit(types::Value::int32(1)))
                                             : resolve(a, schema));
  }
  return resolveNode(withArgs(e, std::move(args)));
}

inline std::string cell(const types::Column& c, size_t row) {
  if (c.type->id == types::TypeId::Null || c.isNull(row)) return "NULL";
  std::string out;
  appendCellString(out, c, row, types::TimeZone::utc());
  return out;
}

inline std::vector<std::string> cells(const types::Column& c) {
  std::vector<std::string> out;
  for (size_t r = 0; r < c.size; ++r)
    out.push_back(cell(c, r));
  return out;
}

// Resolves `e` against `b` and evaluates it; the rendered cells.
inline std::vector<std::string> run(const ExprPtr& e, const types::Batch& b,
                                    const EvalContext& ctx = {}) {
  ExprPtr resolved = resolve(e, b.schema);
  types::ColumnPtr out = evaluate(*resolved, b, ctx);
  EXPECT_EQ(out->size, b.num_rows);
  return cells(*out);
}

// The message of the runnel::Error `f` throws ("" when it throws none).
template <typename F>
std::string errorOf(F f) {
  try {
    f();
  } catch (const Error& e) {
    return e.message();
  }
  return "";
}

inline types::Value S(const char* s) {
  return types::Value::string(s);
}
inline types::Value I(int32_t v) {
  return types::Value::int32(v);
}
inline types::Value L(int64_t v) {
  return types::Value::int64(v);
}
inline types::Value D(double v) {
  return types::Value::float64(v);
}
inline types::Value B(bool v) {
  return types::Value::boolean(v);
}
inline types::Value N(types::DataTypePtr t = types::nullType()) {
  return types::Value::null(t);
}

}  // namespace runnel::expr::testing
