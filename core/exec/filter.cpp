// Filter: builds a selection and gathers once; when every row passes, the chunk passes through.
#include "exec/filter.h"

#include "expr/evaluator.h"

namespace runnel::exec {

void Filter::push(size_t, const types::Batch& chunk, ExecContext& ctx, OperatorState*,
                  const Emit& emit) const {
  types::ColumnPtr keep = expr::evaluate(*condition_, chunk, ctx.eval);
  std::vector<uint32_t> selection;
  selection.reserve(chunk.num_rows);
  for (size_t r = 0; r < chunk.num_rows; ++r) {
    if (!keep->isNull(r) && keep->ints[r] != 0) selection.push_back(static_cast<uint32_t>(r));
  }
  if (selection.size() == chunk.num_rows) {
    emit(chunk);
  } else if (!selection.empty()) {
    emit(chunk.gather(selection));
  }
}

}  // namespace runnel::exec
