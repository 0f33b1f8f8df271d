// Deduplicate and EventTimeWatermark.
#include "exec/deduplicate.h"

#include <cstdint>
#include <cstring>
#include <map>

#include "exec/group_key_table.h"
#include "exec/watermark_predicate.h"
#include "expr/evaluator.h"
#include "plan/event_time.h"

namespace runnel::exec {

namespace {

constexpr int64_t kNeverExpires = INT64_MAX;

// Each seen key with the time (microseconds) at or below which the watermark evicts it: the key's
// event time (dropDuplicates), its first event time + delay (within watermark), or never.
class SeenKeys final : public StateData {
 public:
  int64_t numRows() const override { return static_cast<int64_t>(keys.size()); }
  int64_t memoryUsedBytes() const override {
    int64_t n = 0;
    for (const auto& [k, v] : keys)
      n += static_cast<int64_t>(k.size() + 40);
    return n;
  }
  std::string serialize() const override {
    std::string out;
    for (const auto& [k, evict_at] : keys) {
      uint32_t len = static_cast<uint32_t>(k.size());
      out.append(reinterpret_cast<const char*>(&len), 4);
      out.append(k);
      out.append(reinterpret_cast<const char*>(&evict_at), 8);
    }
    return out;
  }
  void deserialize(const std::string& bytes) override {
    size_t at = 0;
    while (at + 4 <= bytes.size()) {
      uint32_t len;
      std::memcpy(&len, bytes.data() + at, 4);
      int64_t evict_at;
      std::memcpy(&evict_at, bytes.data() + at + 4 + len, 8);
      keys.emplace(bytes.substr(at + 4, len), evict_at);
      at += 4 + len + 8;
    }
  }
  std::map<std::string, int64_t> keys;
};

struct DedupState final : OperatorState {
  SeenKeys local;
  SeenKeys* seen = nullptr;
};

}  // namespace

DedupWatermark dedupWatermarkOf(const plan::LogicalPlan& node) {
  DedupWatermark w;
  const plan::LogicalPlan& child = *node.children[0];
  w.late_column = plan::eventTimeColumnIndex(child);
  w.key = plan::eventTimeKey(node);
  w.within = node.within_watermark;
  if (w.late_column >= 0) {
    auto cols = plan::eventTimeColumns(child);
    w.delay_ms = cols[child.output[static_cast<size_t>(w.late_column)].name];
  }
  return w;
}

std::unique_ptr<OperatorState> Deduplicate::makeState(ExecContext& ctx) const {
  auto s = std::make_unique<DedupState>();
  if (ctx.streaming && ctx.state_stores != nullptr) {
    s->seen = &ctx.state_stores->get<SeenKeys>(op_id_, [] { return std::make_unique<SeenKeys>(); });
  } else {
    s->seen = &s->local;
  }
  return s;
}

bool Deduplicate::usesWatermark(const ExecContext& ctx) const {
  return ctx.streaming && ctx.watermark_ms.has_value();
}

void Deduplicate::push(size_t, const types::Batch& chunk, ExecContext& ctx, OperatorState* raw,
                       const Emit& emit) const {
  auto& s = *static_cast<DedupState*>(raw);
  std::vector<types::ColumnPtr> keys;
  for (const auto& k : keys_)
    keys.push_back(expr::evaluate(*k, chunk, ctx.eval));
  const bool watermarked = usesWatermark(ctx);
  const types::Column* event_time = nullptr;
  if (watermarked && watermark_.late_column >= 0)
    event_time = chunk.columns[static_cast<size_t>(watermark_.late_column)].get();
  std::vector<uint32_t> keep;
  std::string key;
  int64_t late = 0;
  for (size_t r = 0; r < chunk.num_rows; ++r) {
    if (event_time != nullptr && atOrBelowWatermark(*event_time, r, *ctx.watermark_ms)) {
      ++late;
      continue;
    }
    key.clear();
    for (const auto& k : keys)
      encodeKeyValue(*k, r, key);
    int64_t evict_at = kNeverExpires;
    if (watermark_.within && event_time != nullptr && !event_time->isNull(r)) {
      evict_at = event_time->ints[r] + watermark_.delay_ms * 1000;
    } else if (watermark_.key >= 0) {
      const types::Column& k = *keys[static_cast<size_t>(watermark_.key)];
      if (!k.isNull(r)) evict_at = eventTimeMicros(k, r);
    }
    if (s.seen->keys.emplace(key, evict_at).second) keep.push_back(static_cast<uint32_t>(r));
  }
  if (ctx.streaming && ctx.state_stores != nullptr) {
    StateMetrics& m = ctx.state_stores->metrics(op_id_);
    m.rows_updated += static_cast<int64_t>(keep.size());
    m.rows_dropped_by_watermark += late;
  }
  if (keep.size() == chunk.num_rows)
    emit(chunk);
  else if (!keep.empty())
    emit(chunk.gather(keep));
}

void Deduplicate::finish(ExecContext& ctx, OperatorState* raw, const Emit&) const {
  if (!usesWatermark(ctx) || (watermark_.key < 0 && !watermark_.within)) return;
  auto& s = *static_cast<DedupState*>(raw);
  const int64_t watermark_micros = *ctx.watermark_ms * 1000;
  int64_t removed = 0;
  for (auto it = s.seen->keys.begin(); it != s.seen->keys.end();) {
    if (it->second <= watermark_micros) {
      it = s.seen->keys.erase(it);
      ++removed;
    } else {
      ++it;
    }
  }
  if (ctx.streaming && ctx.state_stores != nullptr)
    ctx.state_stores->metrics(op_id_).rows_removed += removed;
}

void EventTimeWatermark::push(size_t, const types::Batch& chunk, ExecContext& ctx, OperatorState*,
                              const Emit& emit) const {
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
