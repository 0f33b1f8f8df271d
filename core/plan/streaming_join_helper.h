// StreamingJoinHelper: what a join condition says about event time (Spark's StreamingJoinHelper and
// StreamingSymmetricHashJoinHelper): equi-join keys, watermarked columns, and state value
// watermarks derived from range conditions such as `leftTime < rightTime - interval 5 seconds`.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "exec/exec_context.h"
#include "plan/logical_plan.h"

namespace runnel::plan {

// A join condition resolved over [left columns..., right columns...], split as Spark splits it.
struct JoinConditionParts {
  std::vector<expr::ExprPtr> left_keys;   // over the left schema
  std::vector<expr::ExprPtr> right_keys;  // over the right schema
  expr::ExprPtr left_only;                // over the left schema; null when none
  expr::ExprPtr right_only;               // over the right schema
  expr::ExprPtr both_sides;               // over the joined schema; the non-equi rest
};
JoinConditionParts splitJoinCondition(const expr::ExprPtr& condition, size_t left_width);

// Spark's JoinType names ("Inner", "LeftOuter"...) for "inner", "left_outer"...
std::string joinTypeName(const std::string& join_type);

// Output ordinals of `p` that carry an event-time watermark (Spark's delayKey metadata): set by
// withWatermark and kept through projections (plain references and aliases), filters and joins.
std::set<int> watermarkedOrdinals(const LogicalPlan& p);

// StreamingJoinHelper.isWatermarkInJoinKeys: an equi-join key that is a watermarked column.
bool isWatermarkInJoinKeys(const LogicalPlan& join);

// StreamingJoinHelper.getStateValueWatermark: the event time (ms) at or below which rows of one
// side can no longer match a future row of the other side, given the other side's watermark.
// `this_side` and `other_side` are ordinal sets in the joined schema; `watermarked` the watermarked
// ordinals.
std::optional<int64_t> stateValueWatermark(const std::set<int>& this_side,
                                           const std::set<int>& other_side,
                                           const std::set<int>& watermarked,
                                           const expr::ExprPtr& condition,
                                           int64_t event_watermark_ms);

// stateValueWatermark for the left (or right) side of a Join node.
std::optional<int64_t> stateValueWatermarkOf(const LogicalPlan& join, bool left_side,
                                             int64_t event_watermark_ms);

// UnsupportedOperationChecker's rules for a streaming Join node (throws AnalysisException).
void checkStreamingJoin(const LogicalPlan& join, exec::OutputMode mode);

}  // namespace runnel::plan
