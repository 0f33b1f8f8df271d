// ColumnOrigin: which output columns of a plan come from a given node below it. Spark resolves
// df["key"] by attribute id and col("a.key") by the SubqueryAlias qualifier; Runnel follows the
// plan from that node up through the operators that pass columns on unchanged.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "plan/logical_plan.h"

namespace runnel::plan {

// Ordinals in `input`'s output of the columns named `name` that `origin` outputs (empty when
// `origin` is not below `input` or the column was not passed on; two in a self-join).
std::vector<size_t> originOrdinals(const LogicalPlan& input, const LogicalPlan& origin,
                                   const std::string& name);

// Ordinals in `input`'s output of the columns named `name` under a DataFrame aliased `qualifier`.
std::vector<size_t> qualifiedOrdinals(const LogicalPlan& input, const std::string& qualifier,
                                      const std::string& name);

// Ordinals in `input`'s output of every column of the DataFrame aliased `qualifier` ("a.*").
std::vector<size_t> aliasOrdinals(const LogicalPlan& input, const std::string& qualifier);

// The alias (qualifier) output column `ordinal` of `plan` carries, "" when none.
std::string qualifierOf(const LogicalPlan& plan, size_t ordinal);

// Dataset.join's rule for a trivially true equality: in a self-join (`plan` a Join),
// df.key == df.key compares the left side's column with the right side's.
bool isSelfJoinEquality(const expr::Expr& e, const LogicalPlan* plan);

// A column reference resolved to an input ordinal, with the struct fields still to extract
// (col("a.s.f") on a DataFrame aliased "a").
struct ColumnMatch {
  size_t ordinal = 0;
  std::vector<std::string> fields;
};

// Spark's attribute resolution of `ref` (its unquoted name is `name`) against `input`, produced by
// `plan` when known: by origin, then by name, then by qualifier. Throws AMBIGUOUS_REFERENCE (or
// AMBIGUOUS_COLUMN_REFERENCE in a self-join) when several columns match; nothing when none does.
// `join_side` (0 or 1) picks one side of a Join plan for a column both sides hold.
std::optional<ColumnMatch> lookupColumn(const expr::Expr& ref, const std::string& name,
                                        const types::Schema& input, const LogicalPlan* plan,
                                        int join_side = -1);

}  // namespace runnel::plan
