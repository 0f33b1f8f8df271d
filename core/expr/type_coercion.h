// Type coercion and input checks of one expression node: Spark 4.0's AnsiTypeCoercion (implicit
// casts, wider types) and Expression.checkInputDataTypes, with Spark's DATATYPE_MISMATCH messages.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "expr/expression.h"
#include "expr/function_registry.h"

namespace runnel::expr {

// A Cast added by coercion (Spark's Cast without USER_SPECIFIED_CAST): invisible in column names.
ExprPtr implicitCast(ExprPtr child, types::DataTypePtr to);

// Types one node whose children are already resolved (the Analyzer resolves ColumnRefs itself and
// calls this bottom-up): Literal, Alias, Cast, CaseWhen, GetField, SortOrder and Call (the
// registry's TypeRule; arguments it retypes are wrapped in implicit casts). Returns a resolved copy
// with `type`, `nullable` (and `ordinal` for GetField); throws AnalysisException with Spark's text.
ExprPtr resolveNode(const ExprPtr& e);

// Spark's `nullable` of a resolved call of `def` (most scalars: null in, null out).
bool callNullable(const FunctionDef& def, const Expr& e);

// --- building blocks for TypeRules ---

// Spark's findWiderTypeForTwo under ANSI rules (string promotes to bigint / double / the other
// type); nullptr when the two types have no common type.
types::DataTypePtr findWiderType(const types::DataTypePtr& a, const types::DataTypePtr& b);
// Cast.canAnsiCast for the types Runnel has.
bool canCast(const types::DataType& from, const types::DataType& to);

// The abstract input types of Spark's ExpectsInputTypes.
enum class InputType {
  Any,
  String,
  Int,
  BigInt,
  Double,
  Boolean,
  Timestamp,
  Numeric,
  Integral,
  Array
};

// Spark's ImplicitCastInputTypes: retypes castable arguments in place, otherwise throws
// DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE. `expected` shorter than the arguments repeats its last
// entry.
void expectInputTypes(const Expr& call, std::vector<types::DataTypePtr>& arg_types,
                      const std::vector<InputType>& expected);

// `[DATATYPE_MISMATCH.<subclass>] Cannot resolve "<expr>" due to data type mismatch: <detail>
// SQLSTATE: 42K09` as an AnalysisException at the expression's position.
[[noreturn]] void throwDataTypeMismatch(const Expr& e, std::string_view subclass,
                                        std::string_view detail);

// QueryErrorsBase helpers: `"INT"`, `"(v + 1)"`, "first"/"second"/"3th"... (Spark's ordinalNumber).
std::string toSQLType(const types::DataType& t);
std::string toSQLExpr(const Expr& e);
std::string ordinalNumber(size_t index);

}  // namespace runnel::expr
