// Filter: keeps the rows whose condition is true (null drops the row), Spark's FilterExec.
#pragma once

#include "exec/physical_operator.h"
#include "expr/expression.h"

namespace runnel::exec {

class Filter final : public PhysicalOperator {
 public:
  Filter(expr::ExprPtr condition, types::Schema output)
      : condition_(std::move(condition)), output_(std::move(output)) {}
  std::string name() const override { return "Filter"; }
  const types::Schema& output() const override { return output_; }
  void push(size_t input, const types::Batch& chunk, ExecContext& ctx, OperatorState* state,
            const Emit& emit) const override;

 private:
  expr::ExprPtr condition_;
  types::Schema output_;
};

}  // namespace runnel::exec
