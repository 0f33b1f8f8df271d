// Deduplicate and EventTimeWatermark.
#include "exec/deduplicate.h"

#include <cstring>
#include <set>

#include "exec/group_key_table.h"
#include "expr/evaluator.h"

namespace runnel::exec {

namespace {

class SeenKeys final : public StateData {
 public:
  int64_t numRows() const override { return static_cast<int64_t>(keys.size()); }
  int64_t memoryUsedBytes() const override {
    int64_t n = 0;
    for (const auto& k : keys) n += static_cast<int64_t>(k.size() + 32);
    return n;
  }
  std::string serialize() const override {
    std::string out;
    for (const auto& k : keys) {
      uint32_t len = static_cast<uint32_t>(k.size());
      out.append(reinterpret_cast<const char*>(&len), 4);
      out.append(k);
    }
    return out;
  }
  void deserialize(const std::string& bytes) override {
    size_t at = 0;
    while (at + 4 <= bytes.size()) {
      uint32_t len;
      std::memcpy(&len, bytes.data() + at, 4);
      keys.insert(bytes.substr(at + 4, len));
      at += 4 + len;
    }
  }
  std::set<std::string> keys;
};

struct DedupState final : OperatorState {
  SeenKeys local;
  SeenKeys* seen = nullptr;
};

}  // namespace

std::unique_ptr<OperatorState> Deduplicate::makeState(ExecContext& ctx) const {
  auto s = std::make_unique<DedupState>();
  if (ctx.streaming && ctx.state_stores != nullptr) {
    s->seen = &ctx.state_stores->get<SeenKeys>(op_id_, [] { return std::make_unique<SeenKeys>(); });
  } else {
    s->seen = &s->local;
  }
  return s;
}

void Deduplicate::push(size_t, const types::Batch& chunk, ExecContext& ctx, OperatorState* raw,
                       const Emit& emit) const {
  auto& s = *static_cast<DedupState*>(raw);
  std::vector<types::ColumnPtr> keys;
  for (const auto& k : keys_) keys.push_back(expr::evaluate(*k, chunk, ctx.eval));
  std::vector<uint32_t> keep;
  std::string key;
  for (size_t r = 0; r < chunk.num_rows; ++r) {
    key.clear();
    for (const auto& k : keys) encodeKeyValue(*k, r, key);
    if (s.seen->keys.insert(key).second) keep.push_back(static_cast<uint32_t>(r));
  }
  if (ctx.streaming && ctx.state_stores != nullptr)
    ctx.state_stores->metrics(op_id_).rows_updated += static_cast<int64_t>(keep.size());
  if (keep.size() == chunk.num_rows) emit(chunk);
  else if (!keep.empty()) emit(chunk.gather(keep));
}

void EventTimeWatermark::push(size_t, const types::Batch& chunk, ExecContext& ctx,
                              OperatorState*, const Emit& emit) const {
  const types::Column& c = *chunk.columns[static_cast<size_t>(column_)];
  EventTimeStats& stats = ctx.event_time[op_id_];
  for (size_t r = 0; r < chunk.num_rows; ++r) {
    if (c.isNull(r)) continue;
    int64_t ms = c.ints[r] / 1000;
    stats.max_ms = std::max(stats.max_ms, ms);
    stats.min_ms = std::min(stats.min_ms, ms);
    stats.sum_ms += static_cast<double>(ms);
    ++stats.count;
  }
  emit(chunk);
}

}  // namespace runnel::exec
