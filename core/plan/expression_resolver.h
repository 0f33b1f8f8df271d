// ExpressionResolver: binds an unresolved expression to an input schema (Spark's ResolveReferences,
// ResolveFunctions and implicit type coercion), with Spark's error messages.
#pragma once

#include <string>

#include "expr/expression.h"
#include "types/schema.h"

namespace runnel::plan {

struct LogicalPlan;

struct ResolveOptions {
  bool allow_aggregates = false;  // only inside Aggregate outputs
  bool allow_generators = false;  // only at the top of a select item
  std::string plan_string;        // appended to unresolved-column errors, as Spark appends the plan
  // The plan whose output is the input schema: resolves columns by origin (df["key"]) and by
  // qualifier (col("a.key")). Without it, columns resolve by name only.
  const LogicalPlan* input_plan = nullptr;
};

expr::ExprPtr resolveExpression(const expr::ExprPtr& e, const types::Schema& input,
                                const ResolveOptions& options);

// Spark's [UNRESOLVED_COLUMN.WITH_SUGGESTION] error for `name` against `input`.
Error unresolvedColumnError(const std::string& name, const types::Schema& input,
                            const std::string& plan_string, SourcePosition pos);

// Structural equality of resolved expressions (Spark's semanticEquals, without canonicalisation).
bool semanticEquals(const expr::Expr& a, const expr::Expr& b);

// A resolved ColumnRef to field `ordinal` of `input`.
expr::ExprPtr boundReference(const types::Schema& input, size_t ordinal);

}  // namespace runnel::plan
