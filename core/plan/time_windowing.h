// TimeWindowing (Spark's ResolveTimeWindows.scala): a groupBy key window(time, ...) becomes a
// `window` column computed below the aggregation, one row per window that contains the row.
#pragma once

#include <vector>

#include "plan/logical_plan.h"

namespace runnel::plan {

// If a key of `keys` (unresolved, over `child`) is a window(...) call, returns `child` with the
// `window` column added and rewrites that key to read it; otherwise returns `child` unchanged.
PlanPtr timeWindowing(const PlanPtr& child, std::vector<expr::ExprPtr>& keys);

}  // namespace runnel::plan
