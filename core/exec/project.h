// Project: evaluates one expression per output column (Spark's ProjectExec).
#pragma once

#include <vector>

#include "exec/physical_operator.h"
#include "expr/expression.h"

namespace runnel::exec {

class Project final : public PhysicalOperator {
 public:
  Project(std::vector<expr::ExprPtr> exprs, types::Schema output)
      : exprs_(std::move(exprs)), output_(std::move(output)) {}
  std::string name() const override { return "Project"; }
  const types::Schema& output() const override { return output_; }
  void push(size_t input, const types::Batch& chunk, ExecContext& ctx, OperatorState* state,
            const Emit& emit) const override;

 private:
  std::vector<expr::ExprPtr> exprs_;
  types::Schema output_;
};

}  // namespace runnel::exec
