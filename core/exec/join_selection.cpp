// JoinSelection: splits the resolved condition into equi-join keys and filters, and finds the
// watermarked columns a stream-stream join evicts by.
#include "exec/join_selection.h"

#include "exec/hash_join.h"
#include "exec/stream_stream_join.h"
#include "plan/streaming_join_helper.h"

namespace runnel::exec {

std::unique_ptr<PhysicalOperator> planJoin(int op_id, const plan::PlanPtr& join) {
  const plan::LogicalPlan& left = *join->children[0];
  const plan::LogicalPlan& right = *join->children[1];
  plan::JoinConditionParts parts = plan::splitJoinCondition(join->condition, left.output.size());
  if (!(left.streaming && right.streaming)) {
    JoinSpec spec{join->join_type, parts.left_keys, parts.right_keys,
                  join->condition, left.output,     right.output};
    return std::make_unique<HashJoin>(std::move(spec), join->output);
  }
  if (parts.left_keys.empty()) {
    throw Error(
        ErrorClass::AnalysisException,
        "Stream-stream join without equality predicate is not supported;\n" + join->treeString());
  }
  if (join->join_type != "inner" && join->join_type != "left_outer" &&
      join->join_type != "right_outer" && join->join_type != "full_outer") {
    throw Error(ErrorClass::NotImplementedError, "Runnel does not support " +
                                                     plan::joinTypeName(join->join_type) +
                                                     " stream-stream joins yet");
  }
  StreamJoinSpec spec;
  spec.join_type = join->join_type;
  spec.keys[0] = parts.left_keys;
  spec.keys[1] = parts.right_keys;
  spec.side_only[0] = parts.left_only;
  spec.side_only[1] = parts.right_only;
  spec.both_sides = parts.both_sides;
  spec.sides[0] = left.output;
  spec.sides[1] = right.output;
  spec.join = join;
  std::set<int> watermarked[2] = {plan::watermarkedOrdinals(left),
                                  plan::watermarkedOrdinals(right)};
  for (int side = 0; side < 2; ++side) {
    if (!watermarked[side].empty()) spec.event_time[side] = *watermarked[side].begin();
  }
  // findJoinKeyOrdinalForWatermark: the first key that is a watermarked column on either side.
  for (size_t k = 0; k < parts.left_keys.size() && spec.watermark_key < 0; ++k) {
    for (int side = 0; side < 2; ++side) {
      const expr::Expr& key = *spec.keys[side][k];
      if (key.kind == expr::ExprKind::ColumnRef && watermarked[side].count(key.ordinal))
        spec.watermark_key = static_cast<int>(k);
    }
  }
  return std::make_unique<StreamStreamJoin>(op_id, std::move(spec), join->output);
}

}  // namespace runnel::exec
