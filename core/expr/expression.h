// Expression: Spark's Catalyst expression tree, immutable and shared. The same nodes are built
// unresolved by the API / PySpark / SQL front ends and rebuilt resolved (types, ordinals) by the
// Analyzer.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "runnel/error.h"
#include "types/data_type.h"
#include "types/value.h"

namespace runnel::plan {
struct LogicalPlan;
}

namespace runnel::expr {

enum class ExprKind {
  ColumnRef,  // `name` (maybe "a.b"); resolved: `ordinal` into the input schema
  Literal,    // `literal`
  Alias,      // args[0] AS `name` (explode with two names: `names`)
  Star,       // `*` in select / count(*); `name` holds a qualifier for "t.*"
  Call,  // function or operator `name` over `args` ("+", "=", "and", "not", "split", "count"...)
  Cast,  // args[0] cast to `type`
  CaseWhen,   // args: cond1, value1, cond2, value2, ... [, else]; `has_else`
  SortOrder,  // args[0] with `ascending` and `nulls_first`
  GetField,   // args[0].`name` on a struct (window.start)
};

struct Expr;
using ExprPtr = std::shared_ptr<const Expr>;

struct Expr {
  ExprKind kind = ExprKind::Literal;
  std::string name;
  std::vector<std::string> names;  // multi-name alias
  std::vector<ExprPtr> args;
  types::Value literal;
  types::DataTypePtr type;  // Cast: target type; once resolved: the result type
  bool nullable = true;
  bool resolved = false;
  bool distinct = false;  // count(DISTINCT x)
  bool has_else = false;
  bool ascending = true;
  bool nulls_first = true;
  bool try_mode = false;       // try_cast / try_divide: errors become null
  bool implicit_cast = false;  // Cast added by type coercion: invisible in column names
  int ordinal = -1;            // resolved ColumnRef: index into the input batch
  SourcePosition pos;          // where the user wrote it (0 when built from C++)
  // ColumnRef taken from a DataFrame (df["key"], df.key): that DataFrame's plan, so a join can tell
  // its sides' same-named columns apart (Spark's attribute ids; plan ids in Spark Connect). Weak:
  // a column does not keep a plan alive, and a plan that is gone is in no query.
  std::weak_ptr<const plan::LogicalPlan> origin;
};

// Builders, in the vocabulary of pyspark.sql.functions.
ExprPtr col(std::string name, SourcePosition pos = {});
ExprPtr lit(types::Value v);
ExprPtr star(std::string qualifier = "");
ExprPtr call(std::string function, std::vector<ExprPtr> args, SourcePosition pos = {});
ExprPtr alias(ExprPtr child, std::string name);
ExprPtr multiAlias(ExprPtr child, std::vector<std::string> names);
ExprPtr cast(ExprPtr child, types::DataTypePtr to, bool try_mode = false);
ExprPtr caseWhen(std::vector<ExprPtr> branches, bool has_else);
ExprPtr sortOrder(ExprPtr child, bool ascending, bool nulls_first);
ExprPtr getField(ExprPtr child, std::string field);

// Copies `e` with new children (the Analyzer's transformUp).
ExprPtr withArgs(const ExprPtr& e, std::vector<ExprPtr> args);

// Spark's toPrettySQL: the auto-generated column name ("split(value,  , -1)", "(v + 1)",
// "count(1)").
std::string prettyName(const Expr& e);
// The output column name of a select item: alias name, column name, or prettyName.
std::string outputName(const Expr& e);

// True when the tree contains an aggregate / generator call (uses the FunctionRegistry).
bool containsAggregate(const Expr& e);
bool containsGenerator(const Expr& e);

}  // namespace runnel::expr
