// HashAggregate: streaming and batch aggregation (Spark's HashAggregateExec +
// StateStoreRestore/SaveExec). Groups and their accumulators live in the operator's StateStore
// between micro-batches; finish() emits what the output mode asks for: every group (complete), the
// groups this batch changed (update), or the groups the watermark closed (append). With an
// event-time key, rows at or below the watermark are dropped as late and, in append and update
// mode, groups at or below it are evicted.
#pragma once

#include <vector>

#include "exec/physical_operator.h"
#include "expr/expression.h"

namespace runnel::exec {

class HashAggregate final : public PhysicalOperator {
 public:
  HashAggregate(int op_id, std::vector<expr::ExprPtr> keys, std::vector<expr::ExprPtr> aggregates,
                std::vector<expr::ExprPtr> outputs, types::Schema output, int window_key = -1)
      : op_id_(op_id),
        keys_(std::move(keys)),
        aggregates_(std::move(aggregates)),
        outputs_(std::move(outputs)),
        output_(std::move(output)),
        window_key_(window_key) {}
  std::string name() const override { return "HashAggregate"; }
  const types::Schema& output() const override { return output_; }
  bool isStateful() const override { return true; }
  std::unique_ptr<OperatorState> makeState(ExecContext& ctx) const override;
  void push(size_t input, const types::Batch& chunk, ExecContext& ctx, OperatorState* state,
            const Emit& emit) const override;
  void finish(ExecContext& ctx, OperatorState* state, const Emit& emit) const override;
  // Whether this micro-batch applies the watermark (Spark's shouldRunAnotherBatch also asks this).
  bool usesWatermark(const ExecContext& ctx) const;

 private:
  int op_id_;
  std::vector<expr::ExprPtr> keys_;
  std::vector<expr::ExprPtr> aggregates_;
  std::vector<expr::ExprPtr> outputs_;  // over [keys..., aggregates...]
  types::Schema output_;
  // Index of the grouping key that is an event-time column (a window over a watermarked column, or
  // the column itself), or -1: its watermark predicate drops late rows and evicts closed groups.
  int window_key_;
};

}  // namespace runnel::exec
