// Sort and Limit. Sort compares typed column values directly (nulls first for ascending, as Spark).
#include "exec/sort.h"

#include <algorithm>

#include "expr/evaluator.h"

namespace runnel::exec {

namespace {

struct SortState final : OperatorState {
  std::vector<types::Batch> chunks;
};

int compareRows(const types::Column& c, size_t a, size_t b) {
  bool na = c.isNull(a), nb = c.isNull(b);
  if (na || nb) return na == nb ? 0 : (na ? -1 : 1);
  switch (c.type->id) {
    case types::TypeId::Double: {
      double x = c.doubles[a], y = c.doubles[b];
      if (x != x || y != y) return (x != x) == (y != y) ? 0 : (x != x ? 1 : -1);  // NaN largest
      return x < y ? -1 : (x > y ? 1 : 0);
    }
    case types::TypeId::String: {
      int r = c.stringAt(a).compare(c.stringAt(b));
      return r < 0 ? -1 : (r > 0 ? 1 : 0);
    }
    case types::TypeId::Array:
    case types::TypeId::Struct:
    case types::TypeId::Null:
      return 0;
    default:
      return c.ints[a] < c.ints[b] ? -1 : (c.ints[a] > c.ints[b] ? 1 : 0);
  }
}

struct LimitState final : OperatorState {
  int64_t* emitted = nullptr;
  int64_t local = 0;
};

class LimitCount final : public StateData {
 public:
  int64_t numRows() const override { return 1; }
  int64_t memoryUsedBytes() const override { return 8; }
  std::string serialize() const override { return std::to_string(emitted); }
  void deserialize(const std::string& bytes) override { emitted = std::stoll(bytes); }
  int64_t emitted = 0;
};

}  // namespace

std::unique_ptr<OperatorState> Sort::makeState(ExecContext&) const {
  return std::make_unique<SortState>();
}

void Sort::push(size_t, const types::Batch& chunk, ExecContext&, OperatorState* state,
                const Emit&) const {
  static_cast<SortState*>(state)->chunks.push_back(chunk);
}

void Sort::finish(ExecContext& ctx, OperatorState* state, const Emit& emit) const {
  auto& s = *static_cast<SortState*>(state);
  if (s.chunks.empty()) return;
  types::Batch all = types::concatBatches(output_, s.chunks);
  std::vector<types::ColumnPtr> keys;
  for (const auto& o : orders_)
    keys.push_back(expr::evaluate(*o->args[0], all, ctx.eval));
  std::vector<uint32_t> rows(all.num_rows);
  for (uint32_t i = 0; i < rows.size(); ++i)
    rows[i] = i;
  std::stable_sort(rows.begin(), rows.end(), [&](uint32_t a, uint32_t b) {
    for (size_t k = 0; k < orders_.size(); ++k) {
      const auto& o = *orders_[k];
      const auto& c = *keys[k];
      bool na = c.isNull(a), nb = c.isNull(b);
      if (na != nb) return o.nulls_first ? na : nb;
      int r = compareRows(c, a, b);
      if (r != 0) return o.ascending ? r < 0 : r > 0;
    }
    return false;
  });
  emitChunked(all.gather(rows), ctx.chunk_capacity, emit);
}

std::unique_ptr<OperatorState> Limit::makeState(ExecContext& ctx) const {
  auto s = std::make_unique<LimitState>();
  if (ctx.streaming && ctx.output_mode == OutputMode::Append && ctx.state_stores != nullptr) {
    s->emitted =
        &ctx.state_stores->get<LimitCount>(op_id_, [] { return std::make_unique<LimitCount>(); })
             .emitted;
  } else {
    s->emitted = &s->local;
  }
  return s;
}

void Limit::push(size_t, const types::Batch& chunk, ExecContext&, OperatorState* state,
                 const Emit& emit) const {
  auto& s = *static_cast<LimitState*>(state);
  int64_t room = n_ - *s.emitted;
  if (room <= 0) return;
  size_t take = std::min<size_t>(chunk.num_rows, static_cast<size_t>(room));
  *s.emitted += static_cast<int64_t>(take);
  if (take > 0) emit(chunk.slice(0, take));
}

}  // namespace runnel::exec
