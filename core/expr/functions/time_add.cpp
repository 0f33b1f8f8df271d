// time_add(timestamp, micros): Spark's TimeAdd, what `ts + interval ...` and `ts - interval ...`
// resolve to. Runnel has no interval type, so the Analyzer folds the interval literal into signed
// microseconds (days are 24 h: the session time zone is UTC).
#include "expr/functions/simple_function.h"
#include "expr/functions/sub_families.h"
#include "expr/type_coercion.h"

namespace runnel::expr {

namespace {

types::ColumnPtr timeAdd(const Expr&, const std::vector<types::ColumnPtr>& args, size_t rows,
                         const EvalContext&) {
  const types::Column& ts = *args[0];
  const types::Column& delta = *args[1];
  auto out = makeFixed(types::timestampType(), rows, unionNulls({&ts, &delta}, rows));
  for (size_t r = 0; r < rows; ++r) {
    if (!isNullIn(out->nulls, r)) out->ints[r] = ts.ints[r] + delta.ints[r];
  }
  return out;
}

}  // namespace

void registerTimeAddFunctions(FunctionRegistry& r) {
  FunctionDef d;
  d.name = "time_add";
  d.min_args = 2;
  d.max_args = 2;
  d.result_type = [](const Expr& call, std::vector<types::DataTypePtr>& t) {
    expectInputTypes(call, t, {InputType::Timestamp, InputType::BigInt});
    return types::timestampType();
  };
  d.eval = timeAdd;
  d.nullable_result = true;
  r.add(std::move(d));
}

}  // namespace runnel::expr
