// Explode: Spark's GenerateExec for explode / explode_outer / posexplode over an array column. One
// output row per element; null or empty arrays give no row (a null row with _outer).
#pragma once

#include <vector>

#include "exec/physical_operator.h"
#include "expr/expression.h"

namespace runnel::exec {

class Explode final : public PhysicalOperator {
 public:
  Explode(expr::ExprPtr array_expr, std::vector<expr::ExprPtr> passthrough, bool outer,
          bool position, types::Schema output)
      : array_expr_(std::move(array_expr)),
        passthrough_(std::move(passthrough)),
        outer_(outer),
        position_(position),
        output_(std::move(output)) {}
  std::string name() const override { return "Generate"; }
  const types::Schema& output() const override { return output_; }
  void push(size_t input, const types::Batch& chunk, ExecContext& ctx, OperatorState* state,
            const Emit& emit) const override;

 private:
  expr::ExprPtr array_expr_;  // the generator's argument (array-typed)
  std::vector<expr::ExprPtr> passthrough_;
  bool outer_;
  bool position_;
  types::Schema output_;
};

}  // namespace runnel::exec
