// Sort: buffers the micro-batch's rows and emits them ordered (Spark's SortExec). On a stream Spark
// allows it only over an aggregate in complete mode, so the buffered rows are one batch's output.
#pragma once

#include <vector>

#include "exec/physical_operator.h"
#include "expr/expression.h"

namespace runnel::exec {

class Sort final : public PhysicalOperator {
 public:
  Sort(std::vector<expr::ExprPtr> orders, types::Schema output)
      : orders_(std::move(orders)), output_(std::move(output)) {}
  std::string name() const override { return "Sort"; }
  const types::Schema& output() const override { return output_; }
  std::unique_ptr<OperatorState> makeState(ExecContext& ctx) const override;
  void push(size_t input, const types::Batch& chunk, ExecContext& ctx, OperatorState* state,
            const Emit& emit) const override;
  void finish(ExecContext& ctx, OperatorState* state, const Emit& emit) const override;

 private:
  std::vector<expr::ExprPtr> orders_;  // SortOrder expressions
  types::Schema output_;
};

// Limit: at most `n` rows. On a stream in append mode the count survives batches (Spark's
// StreamingGlobalLimitExec keeps it in a state store); in complete mode each batch is limited.
class Limit final : public PhysicalOperator {
 public:
  Limit(int op_id, int64_t n, types::Schema output)
      : op_id_(op_id), n_(n), output_(std::move(output)) {}
  std::string name() const override { return "GlobalLimit"; }
  const types::Schema& output() const override { return output_; }
  bool isStateful() const override { return true; }
  std::unique_ptr<OperatorState> makeState(ExecContext& ctx) const override;
  void push(size_t input, const types::Batch& chunk, ExecContext& ctx, OperatorState* state,
            const Emit& emit) const override;

 private:
  int op_id_;
  int64_t n_;
  types::Schema output_;
};

}  // namespace runnel::exec
