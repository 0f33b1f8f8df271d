// Project: column references pass the input column through without a copy.
#include "exec/project.h"

#include "expr/evaluator.h"

namespace runnel::exec {

void Project::push(size_t, const types::Batch& chunk, ExecContext& ctx, OperatorState*,
                   const Emit& emit) const {
  types::Batch out;
  out.schema = output_;
  out.num_rows = chunk.num_rows;
  out.columns.reserve(exprs_.size());
  for (const auto& e : exprs_) {
    if (e->kind == expr::ExprKind::ColumnRef) {
      out.columns.push_back(chunk.columns[static_cast<size_t>(e->ordinal)]);
    } else {
      out.columns.push_back(expr::evaluate(*e, chunk, ctx.eval));
    }
  }
  emit(out);
}

}  // namespace runnel::exec
