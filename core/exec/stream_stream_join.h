// StreamStreamJoin: Spark's StreamingSymmetricHashJoinExec. Each side's rows are kept in state; a
// new row joins the other side's state (which holds that side's new rows too once it is processed),
// and rows are evicted once the watermark proves no future row can match them: by a watermarked
// join key, or by a state value watermark solved from a range condition
// (StreamingSymmetricHashJoinHelper).
#pragma once

#include <string>
#include <vector>

#include "exec/physical_operator.h"
#include "expr/expression.h"
#include "plan/logical_plan.h"

namespace runnel::exec {

struct StreamJoinSpec {
  std::string join_type;               // inner, left_outer, right_outer, full_outer
  std::vector<expr::ExprPtr> keys[2];  // equi-join keys over each side (0 left, 1 right)
  expr::ExprPtr side_only[2];          // pre-join filters over each side
  expr::ExprPtr both_sides;            // post-join filter over [left..., right...]
  types::Schema sides[2];
  int event_time[2] = {-1, -1};  // each side's watermarked column, -1 for none
  int watermark_key = -1;        // index of a watermarked equi-join key, -1 for none
  plan::PlanPtr join;            // the Join node: range conditions are solved from it per batch
};

class StreamStreamJoin final : public PhysicalOperator {
 public:
  StreamStreamJoin(int op_id, StreamJoinSpec spec, types::Schema output)
      : op_id_(op_id), spec_(std::move(spec)), output_(std::move(output)) {}
  std::string name() const override { return "StreamingSymmetricHashJoin"; }
  const types::Schema& output() const override { return output_; }
  bool isStateful() const override { return true; }
  std::unique_ptr<OperatorState> makeState(ExecContext& ctx) const override;
  void push(size_t input, const types::Batch& chunk, ExecContext& ctx, OperatorState* state,
            const Emit& emit) const override;
  void finish(ExecContext& ctx, OperatorState* state, const Emit& emit) const override;

 private:
  int op_id_;
  StreamJoinSpec spec_;
  types::Schema output_;
};

}  // namespace runnel::exec
