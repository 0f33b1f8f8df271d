// Deduplicate: keeps the first row of each key across all batches (Spark's StreamingDeduplicateExec);
// keys are kept in the operator's StateStore. With a watermark on an event-time key, keys at or below the
// watermark are dropped as late and evicted.
#pragma once

#include <vector>

#include "exec/physical_operator.h"
#include "expr/expression.h"

namespace runnel::exec {

class Deduplicate final : public PhysicalOperator {
 public:
  Deduplicate(int op_id, std::vector<expr::ExprPtr> keys, types::Schema output)
      : op_id_(op_id), keys_(std::move(keys)), output_(std::move(output)) {}
  std::string name() const override { return "Deduplicate"; }
  const types::Schema& output() const override { return output_; }
  bool isStateful() const override { return true; }
  std::unique_ptr<OperatorState> makeState(ExecContext& ctx) const override;
  void push(size_t input, const types::Batch& chunk, ExecContext& ctx, OperatorState* state,
            const Emit& emit) const override;

 private:
  int op_id_;
  std::vector<expr::ExprPtr> keys_;
  types::Schema output_;
};

// EventTimeWatermark: passes rows through and records the event-time statistics the watermark is
// computed from after the batch (Spark's EventTimeWatermarkExec).
class EventTimeWatermark final : public PhysicalOperator {
 public:
  EventTimeWatermark(int op_id, int column, types::Schema output)
      : op_id_(op_id), column_(column), output_(std::move(output)) {}
  std::string name() const override { return "EventTimeWatermark"; }
  const types::Schema& output() const override { return output_; }
  void push(size_t input, const types::Batch& chunk, ExecContext& ctx, OperatorState* state,
            const Emit& emit) const override;

 private:
  int op_id_;
  int column_;
  types::Schema output_;
};

}  // namespace runnel::exec
