// FunctionRegistry: one entry per function (name, aliases, kind, arity, doc, typing and kernel), as
// Spark's FunctionRegistry / Arrow's compute registry. The Analyzer, the evaluator and the editor's
// completion all read it. Families register themselves from core/expr/functions/*.cpp.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "expr/eval_context.h"
#include "expr/expression.h"
#include "types/column.h"

namespace runnel::expr {

enum class FunctionKind { Scalar, Generator, Aggregate };

// A resolved call's arguments, evaluated over the same rows.
using ScalarKernel = std::function<types::ColumnPtr(
    const Expr& call, const std::vector<types::ColumnPtr>& args, size_t rows, const EvalContext&)>;

// Given the resolved argument types, returns the result type or throws AnalysisException with
// Spark's message. It may also ask for implicit casts by rewriting `arg_types` in place (the
// Analyzer then wraps those arguments in Cast).
using TypeRule =
    std::function<types::DataTypePtr(const Expr& call, std::vector<types::DataTypePtr>& arg_types)>;

// Custom column naming (operators print infix: "(a + b)"); default is "name(arg, arg)".
using NameRule = std::function<std::string(const Expr& call, const std::vector<std::string>& args)>;

struct FunctionDef {
  std::string name;
  std::vector<std::string> aliases;
  FunctionKind kind = FunctionKind::Scalar;
  int min_args = 0;
  int max_args = 0;  // -1: variadic
  std::string doc;
  TypeRule result_type;
  ScalarKernel eval;     // Scalar and Generator (a generator's kernel returns its array/map column)
  NameRule pretty_name;  // optional
  bool nullable_result = true;
};

class FunctionRegistry {
 public:
  // The registry with every built-in family registered.
  static const FunctionRegistry& builtin();

  void add(FunctionDef def);
  const FunctionDef* find(const std::string& name) const;  // case-insensitive, aliases too
  std::vector<std::string> names() const;

 private:
  std::vector<std::unique_ptr<FunctionDef>> defs_;
  std::map<std::string, const FunctionDef*> by_name_;  // lower-case name -> def
};

// Each family adds its functions (core/expr/functions/<family>.cpp).
void registerArithmeticFunctions(FunctionRegistry& r);
void registerPredicateFunctions(FunctionRegistry& r);
void registerStringFunctions(FunctionRegistry& r);
void registerConditionalFunctions(FunctionRegistry& r);
void registerGeneratorFunctions(FunctionRegistry& r);
void registerAggregateFunctions(FunctionRegistry& r);
void registerDatetimeFunctions(FunctionRegistry& r);
void registerCollectionFunctions(FunctionRegistry& r);

}  // namespace runnel::expr
