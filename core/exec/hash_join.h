// HashJoin: joins batch relations and a stream with a static relation (Spark's ShuffledHashJoinExec
// / BroadcastHashJoinExec in a micro-batch): stateless, each batch joins only its own rows. Both
// inputs are buffered and joined in finish(), so neither side's arrival order matters.
#pragma once

#include <string>
#include <vector>

#include "exec/physical_operator.h"
#include "expr/expression.h"

namespace runnel::exec {

struct JoinSpec {
  std::string join_type;  // inner, cross, left_outer, right_outer, full_outer, left_semi, left_anti
  std::vector<expr::ExprPtr> left_keys;  // equi-join keys over each side's rows
  std::vector<expr::ExprPtr> right_keys;
  expr::ExprPtr condition;  // the whole condition over [left..., right...]; null for none
  types::Schema left;
  types::Schema right;
};

class HashJoin final : public PhysicalOperator {
 public:
  HashJoin(JoinSpec spec, types::Schema output);
  std::string name() const override { return "HashJoin"; }
  const types::Schema& output() const override { return output_; }
  std::unique_ptr<OperatorState> makeState(ExecContext& ctx) const override;
  void push(size_t input, const types::Batch& chunk, ExecContext& ctx, OperatorState* state,
            const Emit& emit) const override;
  void finish(ExecContext& ctx, OperatorState* state, const Emit& emit) const override;

 private:
  JoinSpec spec_;
  types::Schema joined_;  // [left..., right...] with the join's nullability
  types::Schema output_;
};

}  // namespace runnel::exec
