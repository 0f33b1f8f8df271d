// Aggregate functions (Spark's expressions/aggregate/): result types and names only; HashAggregate
// (core/exec) computes them. count and approx_count_distinct are never null.
#include "expr/functions/simple_function.h"
#include "expr/type_coercion.h"

namespace runnel::expr {

using types::DataTypePtr;
using types::TypeId;

namespace {

void add(FunctionRegistry& r, std::string name, std::vector<std::string> aliases, int min_args,
         int max_args, TypeRule rule, bool nullable) {
  FunctionDef d;
  d.name = std::move(name);
  d.aliases = std::move(aliases);
  d.kind = FunctionKind::Aggregate;
  d.min_args = min_args;
  d.max_args = max_args;
  d.result_type = std::move(rule);
  d.nullable_result = nullable;
  r.add(std::move(d));
}

DataTypePtr sumType(const Expr& call, std::vector<DataTypePtr>& t) {
  expectInputTypes(call, t, {InputType::Numeric});
  return t[0]->isIntegral() ? types::bigintType() : types::doubleType();
}

DataTypePtr avgType(const Expr& call, std::vector<DataTypePtr>& t) {
  expectInputTypes(call, t, {InputType::Numeric});
  return types::doubleType();
}

DataTypePtr sameAsInput(const Expr& call, std::vector<DataTypePtr>& t) {
  if (t.size() > 1) {  // first/last(x, ignoreNulls)
    std::vector<DataTypePtr> flag = {t[1]};
    expectInputTypes(call, flag, {InputType::Boolean});
    t[1] = flag[0];
  }
  return t[0];
}

DataTypePtr bigintResult(const Expr&, std::vector<DataTypePtr>&) {
  return types::bigintType();
}

DataTypePtr collectType(const Expr&, std::vector<DataTypePtr>& t) {
  return types::arrayType(t[0], false);
}

}  // namespace

void registerAggregateFunctions(FunctionRegistry& r) {
  add(r, "count", {}, 0, -1, bigintResult, false);
  add(r, "sum", {}, 1, 1, sumType, true);
  add(r, "avg", {"mean"}, 1, 1, avgType, true);
  add(r, "min", {}, 1, 1, sameAsInput, true);
  add(r, "max", {}, 1, 1, sameAsInput, true);
  add(r, "first", {"first_value"}, 1, 2, sameAsInput, true);
  add(r, "last", {"last_value"}, 1, 2, sameAsInput, true);
  add(r, "collect_list", {"array_agg"}, 1, 1, collectType, false);
  add(r, "collect_set", {}, 1, 1, collectType, false);
  add(r, "approx_count_distinct", {}, 1, 2, bigintResult, false);
}

}  // namespace runnel::expr
