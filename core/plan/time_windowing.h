// TimeWindowing and SessionWindowing (Spark's ResolveTimeWindows.scala): a groupBy key
// window(time, ...) becomes a `window` column computed below the aggregation, one row per window
// that contains the row; session_window(time, gap) becomes a `session_window` column [time,
// time + gap) that the aggregation merges into sessions.
#pragma once

#include <vector>

#include "plan/logical_plan.h"

namespace runnel::plan {

// If a key of `keys` (unresolved, over `child`) is a window(...) or session_window(...) call,
// returns `child` with the `window` or `session_window` column added and rewrites that key to read
// it; otherwise returns `child` unchanged.
PlanPtr timeWindowing(const PlanPtr& child, std::vector<expr::ExprPtr>& keys);

// The index of the grouping key of Aggregate `aggregate` that reads a session_window column made by
// SessionWindowing, or -1: such an aggregation merges sessions (SessionWindowAggregate).
int sessionWindowKey(const LogicalPlan& aggregate);

}  // namespace runnel::plan
