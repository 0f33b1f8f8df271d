// SessionWindowAggregate: aggregation grouped by a session window (Spark's MergingSessionsExec with
// SessionWindowStateStoreRestoreExec / SessionWindowStateStoreSaveExec). Each row arrives with its
// own session [time, time + gap); rows and stored sessions of one key whose ranges overlap or touch
// merge into one session, across micro-batches. Sessions and their buffers live in the operator's
// StateStore; finish() emits every session (complete mode, batch queries) or the sessions the
// watermark closed (append mode), which are then evicted.
#pragma once

#include <vector>

#include "exec/physical_operator.h"
#include "expr/expression.h"

namespace runnel::exec {

class SessionWindowAggregate final : public PhysicalOperator {
 public:
  // `keys` are all grouping keys; keys[session_key] is the session window struct column.
  // `outputs` are over [keys..., aggregates...], as HashAggregate's.
  SessionWindowAggregate(int op_id, std::vector<expr::ExprPtr> keys, int session_key,
                         std::vector<expr::ExprPtr> aggregates, std::vector<expr::ExprPtr> outputs,
                         types::Schema output)
      : op_id_(op_id),
        keys_(std::move(keys)),
        session_key_(session_key),
        aggregates_(std::move(aggregates)),
        outputs_(std::move(outputs)),
        output_(std::move(output)) {}
  std::string name() const override { return "SessionWindowAggregate"; }
  const types::Schema& output() const override { return output_; }
  bool isStateful() const override { return true; }
  std::unique_ptr<OperatorState> makeState(ExecContext& ctx) const override;
  void push(size_t input, const types::Batch& chunk, ExecContext& ctx, OperatorState* state,
            const Emit& emit) const override;
  void finish(ExecContext& ctx, OperatorState* state, const Emit& emit) const override;

 private:
  // Append mode with a watermark: late rows are dropped and closed sessions emitted and evicted.
  // Complete mode keeps every session (SessionWindowStateStoreSaveExec ignores the watermark).
  bool usesWatermark(const ExecContext& ctx) const;

  int op_id_;
  std::vector<expr::ExprPtr> keys_;
  int session_key_;
  std::vector<expr::ExprPtr> aggregates_;
  std::vector<expr::ExprPtr> outputs_;
  types::Schema output_;
};

}  // namespace runnel::exec
