// Explode: the elements of an array column are already one contiguous child column, so without
// _outer the generated column is that child as is (no copy); passthrough columns are gathered by
// parent row.
#include "exec/explode.h"

#include "expr/evaluator.h"

namespace runnel::exec {

void Explode::push(size_t, const types::Batch& chunk, ExecContext& ctx, OperatorState*,
                   const Emit& emit) const {
  types::ColumnPtr arrays = expr::evaluate(*array_expr_, chunk, ctx.eval);
  const types::Column& elements = *arrays->children[0];
  const size_t n = arrays->size;
  const uint32_t first = n == 0 ? 0 : arrays->offsets[0];
  const uint32_t last = n == 0 ? 0 : arrays->offsets[n];

  bool needs_null_rows = false;
  if (outer_) {
    for (size_t r = 0; r < n; ++r) {
      if (arrays->isNull(r) || arrays->arrayLength(r) == 0) needs_null_rows = true;
    }
  }
  // parent[i]: the input row of output row i; element[i]: the element index or -1 for a null row.
  std::vector<uint32_t> parent;
  std::vector<int64_t> element;
  const bool need_parent = !passthrough_.empty() || position_ || needs_null_rows;
  if (need_parent) {
    parent.reserve(last - first);
    for (size_t r = 0; r < n; ++r) {
      size_t len = arrays->isNull(r) ? 0 : arrays->arrayLength(r);
      if (len == 0 && needs_null_rows) {
        parent.push_back(static_cast<uint32_t>(r));
        element.push_back(-1);
      }
      for (size_t k = 0; k < len; ++k) {
        parent.push_back(static_cast<uint32_t>(r));
        element.push_back(arrays->offsets[r] + static_cast<int64_t>(k));
      }
    }
  }
  types::Batch out;
  out.schema = output_;
  out.num_rows = need_parent ? parent.size() : last - first;
  for (const auto& p : passthrough_) {
    out.columns.push_back(chunk.columns[static_cast<size_t>(p->ordinal)]->gather(parent));
  }
  if (position_) {
    auto pos = types::Column::make(types::intType());
    pos->reserve(parent.size());
    for (size_t i = 0; i < parent.size(); ++i) {
      if (element[i] < 0)
        pos->appendNull();
      else
        pos->appendInt(element[i] - arrays->offsets[parent[i]]);
    }
    out.columns.push_back(pos);
  }
  if (!needs_null_rows && first == 0 && last == elements.size) {
    out.columns.push_back(arrays->children[0]);
  } else if (!needs_null_rows) {
    out.columns.push_back(elements.slice(first, last - first));
  } else {
    std::vector<uint32_t> rows;
    auto col = types::Column::make(elements.type);
    for (int64_t e : element) {
      if (e < 0)
        col->appendNull();
      else
        col->appendFrom(elements, static_cast<size_t>(e));
    }
    out.columns.push_back(col);
  }
  if (out.num_rows > 0) emit(out);
}

}  // namespace runnel::exec
