// Conditional functions (Spark's nullExpressions.scala: Coalesce, Nvl/IfNull, NullIf).
// when/otherwise is ExprKind::CaseWhen, evaluated by the evaluator.
#include <fmt/format.h>

#include "expr/functions/simple_function.h"
#include "expr/type_coercion.h"

namespace runnel::expr {

using types::Column;
using types::ColumnPtr;
using types::DataTypePtr;
using types::TypeId;

namespace {

// All arguments widened to one type (Spark's FunctionArgumentConversion for coalesce).
TypeRule commonType(std::string function) {
  return [function](const Expr& call, std::vector<DataTypePtr>& t) {
    DataTypePtr wider = types::nullType();
    for (const auto& x : t) {
      DataTypePtr next = findWiderType(wider, x);
      if (!next) {
        std::string list;
        for (const auto& y : t)
          list += (list.empty() ? "" : ", ") + toSQLType(*y);
        throwDataTypeMismatch(
            call, "DATA_DIFF_TYPES",
            fmt::format("Input to `{}` should all be the same type, but it's [{}].", function,
                        list));
      }
      wider = next;
    }
    for (auto& x : t)
      x = wider;
    return wider;
  };
}

ColumnPtr coalesceKernel(const Expr& call, const std::vector<ColumnPtr>& args, size_t rows,
                         const EvalContext&) {
  // The first argument without nulls ends the search for every row.
  if (!args.empty() && args[0]->type->id != TypeId::Null && !args[0]->hasNulls()) return args[0];
  auto out = Column::make(call.type);
  out->reserve(rows);
  for (size_t r = 0; r < rows; ++r) {
    const Column* pick = nullptr;
    for (const auto& c : args) {
      if (c->type->id != TypeId::Null && !c->isNull(r)) {
        pick = c.get();
        break;
      }
    }
    if (pick)
      appendRow(*out, *pick, r);
    else
      out->appendNull();
  }
  return out;
}

// nullif(a, b): null when a = b, else a.
ColumnPtr nullifKernel(const Expr& call, const std::vector<ColumnPtr>& args, size_t rows,
                       const EvalContext&) {
  const Column& a = *args[0];
  const Column& b = *args[1];
  auto out = Column::make(call.type);
  out->reserve(rows);
  bool void_b = b.type->id == TypeId::Null;
  for (size_t r = 0; r < rows; ++r) {
    bool equal = !void_b && a.type->id != TypeId::Null && !a.isNull(r) && !b.isNull(r) &&
                 a.valueAt(r) == b.valueAt(r);
    if (equal)
      out->appendNull();
    else
      appendRow(*out, a, r);
  }
  return out;
}

void add(FunctionRegistry& r, std::string name, std::vector<std::string> aliases, int min_args,
         int max_args, ScalarKernel eval) {
  FunctionDef d;
  d.name = name;
  d.aliases = std::move(aliases);
  d.min_args = min_args;
  d.max_args = max_args;
  d.result_type = commonType(name);
  d.eval = std::move(eval);
  d.nullable_result = true;
  r.add(std::move(d));
}

}  // namespace

void registerConditionalFunctions(FunctionRegistry& r) {
  add(r, "coalesce", {}, 1, -1, coalesceKernel);
  add(r, "nvl", {"ifnull"}, 2, 2, coalesceKernel);
  add(r, "nullif", {}, 2, 2, nullifKernel);
}

}  // namespace runnel::expr
