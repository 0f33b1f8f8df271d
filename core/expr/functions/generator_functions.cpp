// Generators (Spark's generators.scala: Explode, PosExplode and their _outer forms). The kernel
// only evaluates the array; the Generate operator (core/exec) expands rows. Output names: `col` /
// `pos`, `col`.
#include "expr/functions/simple_function.h"
#include "expr/type_coercion.h"

namespace runnel::expr {

using types::ColumnPtr;
using types::DataTypePtr;
using types::TypeId;

namespace {

DataTypePtr elementType(const Expr& call, std::vector<DataTypePtr>& t) {
  if (t[0]->id == TypeId::Array) return t[0]->element;
  throwDataTypeMismatch(call, "UNEXPECTED_INPUT_TYPE",
                        "The first parameter requires the (\"ARRAY\" or \"MAP\") type, however " +
                            toSQLExpr(*call.args[0]) + " has the type " + toSQLType(*t[0]) + ".");
}

ColumnPtr passArray(const Expr&, const std::vector<ColumnPtr>& args, size_t, const EvalContext&) {
  return args[0];
}

}  // namespace

void registerGeneratorFunctions(FunctionRegistry& r) {
  for (const char* name : {"explode", "explode_outer", "posexplode", "posexplode_outer"}) {
    FunctionDef d;
    d.name = name;
    d.kind = FunctionKind::Generator;
    d.min_args = d.max_args = 1;
    d.result_type = elementType;
    d.eval = passArray;
    d.doc = "one output row per array element; the kernel returns the array column";
    r.add(std::move(d));
  }
}

}  // namespace runnel::expr
