// Event-time columns: Spark marks the attribute a watermark was defined on with metadata
// (EventTimeWatermark.delayKey) and that metadata follows the attribute through projections, time
// windows and grouping keys. Runnel's plans carry no attribute metadata, so the same facts are
// derived from the plan here, by output column name, for the checker and the physical planner.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "plan/logical_plan.h"

namespace runnel::plan {

// The columns of `p`'s output that carry a watermark, with its delay in milliseconds.
std::map<std::string, int64_t> eventTimeColumns(const LogicalPlan& p);

// Aggregate or Deduplicate: the index of the first grouping key that is an event-time column of the
// child (a watermarked timestamp or a window over one), or -1. Its watermark predicate evicts
// state.
int eventTimeKey(const LogicalPlan& node);

// The index of the first event-time column in `p`'s output, or -1 (late rows are judged by it).
int eventTimeColumnIndex(const LogicalPlan& p);

}  // namespace runnel::plan
