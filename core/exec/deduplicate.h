// Deduplicate: keeps the first row of each key across all batches (Spark's
// StreamingDeduplicateExec); keys are kept in the operator's StateStore. With a watermark, rows at
// or below it are dropped as late and keys are evicted once the watermark passes them
// (StreamingDeduplicateWithinWatermarkExec: once it reaches their first event time + delay).
#pragma once

#include <vector>

#include "exec/physical_operator.h"
#include "expr/expression.h"
#include "plan/logical_plan.h"

namespace runnel::exec {

// How a Deduplicate uses the watermark. `late_column`: the input's event-time column, whose rows at
// or below the watermark are dropped as late. `key`: the key that is that column (dropDuplicates),
// whose keys are evicted once at or below the watermark. `within`: dropDuplicatesWithinWatermark,
// where a key instead expires when the watermark reaches its first event time + `delay_ms`.
struct DedupWatermark {
  int late_column = -1;
  int key = -1;
  bool within = false;
  int64_t delay_ms = 0;
};

// The watermark use of a Deduplicate node, from the event-time columns of its input.
DedupWatermark dedupWatermarkOf(const plan::LogicalPlan& node);

class Deduplicate final : public PhysicalOperator {
 public:
  Deduplicate(int op_id, std::vector<expr::ExprPtr> keys, types::Schema output,
              DedupWatermark watermark = {})
      : op_id_(op_id), keys_(std::move(keys)), output_(std::move(output)), watermark_(watermark) {}
  std::string name() const override { return "Deduplicate"; }
  const types::Schema& output() const override { return output_; }
  bool isStateful() const override { return true; }
  std::unique_ptr<OperatorState> makeState(ExecContext& ctx) const override;
  void push(size_t input, const types::Batch& chunk, ExecContext& ctx, OperatorState* state,
            const Emit& emit) const override;
  // Evicts the keys the watermark expired (StreamingDeduplicateExec's
  // removeKeysOlderThanWatermark).
  void finish(ExecContext& ctx, OperatorState* state, const Emit& emit) const override;

 private:
  bool usesWatermark(const ExecContext& ctx) const;

  int op_id_;
  std::vector<expr::ExprPtr> keys_;
  types::Schema output_;
  DedupWatermark watermark_;
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
