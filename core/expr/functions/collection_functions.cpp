// Collection constructors (Spark's complexTypeCreator.scala: CreateArray). `array(a, b, ...)`
// widens its arguments to one element type, as Spark's FunctionArgumentConversion does.
#include <fmt/format.h>

#include "expr/functions/simple_function.h"
#include "expr/type_coercion.h"

namespace runnel::expr {

using types::Column;
using types::ColumnPtr;
using types::DataTypePtr;
using types::TypeId;

namespace {

DataTypePtr arrayResult(const Expr& call, std::vector<DataTypePtr>& t) {
  DataTypePtr element = types::nullType();
  for (const auto& x : t) {
    DataTypePtr next = findWiderType(element, x);
    if (!next) {
      std::string list;
      for (const auto& y : t)
        list += (list.empty() ? "" : ", ") + toSQLType(*y);
      throwDataTypeMismatch(
          call, "DATA_DIFF_TYPES",
          fmt::format("Input to `array` should all be the same type, but it's [{}].", list));
    }
    element = next;
  }
  for (auto& x : t)
    x = element;
  if (element->id == TypeId::Null) element = types::stringType();  // array() is array<string>
  return types::arrayType(element);
}

ColumnPtr arrayKernel(const Expr& call, const std::vector<ColumnPtr>& args, size_t rows,
                      const EvalContext&) {
  auto out = Column::make(call.type);
  out->reserve(rows);
  Column& elements = *out->children[0];
  for (size_t r = 0; r < rows; ++r) {
    for (const auto& a : args)
      appendRow(elements, *a, r);
    out->closeArrayRow();
  }
  return out;
}

}  // namespace

void registerCollectionFunctions(FunctionRegistry& r) {
  FunctionDef d;
  d.name = "array";
  d.min_args = 0;
  d.max_args = -1;
  d.result_type = arrayResult;
  d.eval = arrayKernel;
  d.nullable_result = false;
  d.doc = "an array of the arguments, widened to one element type";
  r.add(std::move(d));
}

}  // namespace runnel::expr
