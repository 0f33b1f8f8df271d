// HashAggregate: keys and aggregate arguments are evaluated per chunk, rows are mapped to group ids
// by the GroupKeyTable, and each accumulator updates a whole chunk at once.
#include "exec/hash_aggregate.h"

#include <set>

#include <nlohmann/json.hpp>

#include "exec/aggregate_function.h"
#include "exec/group_key_table.h"
#include "exec/watermark_predicate.h"
#include "expr/evaluator.h"

namespace runnel::exec {

namespace {

class AggregationState final : public StateData {
 public:
  AggregationState(const std::vector<expr::ExprPtr>& keys,
                   const std::vector<expr::ExprPtr>& aggregates) {
    std::vector<types::DataTypePtr> key_types;
    for (const auto& k : keys)
      key_types.push_back(k->type);
    table = GroupKeyTable(key_types);
    for (const auto& a : aggregates)
      accumulators.push_back(makeAccumulator(*a));
  }
  int64_t numRows() const override { return static_cast<int64_t>(table.size() - evicted); }
  int64_t memoryUsedBytes() const override { return table.memoryBytes(); }

  std::string serialize() const override {
    nlohmann::json groups = nlohmann::json::array();
    for (uint32_t g = 0; g < table.size(); ++g) {
      if (!live.empty() && !live[g]) continue;
      std::string_view key = table.encodedKey(g);
      nlohmann::json accs = nlohmann::json::array();
      for (const auto& a : accumulators)
        accs.push_back(a->save(g));
      groups.push_back({nlohmann::json::binary({key.begin(), key.end()}), accs});
    }
    auto bytes = nlohmann::json::to_cbor(groups);
    return std::string(bytes.begin(), bytes.end());
  }

  void deserialize(const std::string& bytes) override {
    auto groups = nlohmann::json::from_cbor(bytes);
    for (const auto& entry : groups) {
      const auto& key = entry[0].get_binary();
      uint32_t g = table.insertEncoded(
          std::string_view(reinterpret_cast<const char*>(key.data()), key.size()));
      for (auto& a : accumulators)
        a->resize(table.size());
      for (size_t i = 0; i < accumulators.size(); ++i)
        accumulators[i]->load(g, entry[1][i]);
    }
  }

  bool isLive(uint32_t g) const { return live.empty() || live[g] != 0; }
  void evict(uint32_t g) {
    if (live.empty()) live.assign(table.size(), 1);
    live[g] = 0;
    ++evicted;
  }
  void grew() {
    for (auto& a : accumulators)
      a->resize(table.size());
    if (!live.empty()) live.resize(table.size(), 1);
  }

  GroupKeyTable table;
  std::vector<std::unique_ptr<Accumulator>> accumulators;
  std::vector<uint8_t> live;  // empty = all live; else 0 for evicted groups
  size_t evicted = 0;
};

struct AggregateBatchState final : OperatorState {
  std::unique_ptr<AggregationState> owned;  // batch queries: state for this run only
  AggregationState* state = nullptr;
  // Groups updated in this micro-batch, one bit each: setting a bit is an unconditional store to a
  // few KiB that stay in L1, where a per-group "last batch" check missed the cache and
  // mispredicted.
  std::vector<uint64_t> touched;
  std::vector<uint32_t> group_ids;
  std::vector<uint32_t> inserted;
  std::set<std::string> late_keys;  // distinct keys dropped as late in this micro-batch
};

}  // namespace

std::unique_ptr<OperatorState> HashAggregate::makeState(ExecContext& ctx) const {
  auto s = std::make_unique<AggregateBatchState>();
  auto make = [&] { return std::make_unique<AggregationState>(keys_, aggregates_); };
  if (ctx.streaming && ctx.state_stores != nullptr) {
    s->state = &ctx.state_stores->get<AggregationState>(op_id_, make);
  } else {
    s->owned = make();
    s->state = s->owned.get();
  }
  return s;
}

bool HashAggregate::usesWatermark(const ExecContext& ctx) const {
  // StateStoreSaveExec applies the watermark in append and update mode, never in complete mode.
  return ctx.streaming && window_key_ >= 0 && ctx.watermark_ms.has_value() &&
         ctx.output_mode != OutputMode::Complete;
}

void HashAggregate::push(size_t, const types::Batch& chunk, ExecContext& ctx, OperatorState* raw,
                         const Emit&) const {
  auto& s = static_cast<AggregateBatchState&>(*raw);
  AggregationState& st = *s.state;
  std::vector<types::ColumnPtr> keys;
  for (const auto& k : keys_)
    keys.push_back(expr::evaluate(*k, chunk, ctx.eval));
  const types::Batch* input = &chunk;
  types::Batch kept;
  if (usesWatermark(ctx)) {
    // Late rows (event time at or below the watermark) never reach the state.
    const types::Column& et = *keys[static_cast<size_t>(window_key_)];
    std::vector<uint32_t> keep = rowsAboveWatermark(et, chunk.num_rows, *ctx.watermark_ms);
    if (keep.size() < chunk.num_rows) {
      std::string key;
      for (size_t r = 0, j = 0; r < chunk.num_rows; ++r) {
        if (j < keep.size() && keep[j] == r) {
          ++j;
          continue;
        }
        key.clear();
        for (const auto& k : keys)
          encodeKeyValue(*k, r, key);
        s.late_keys.insert(key);
      }
      if (keep.empty()) return;
      kept = chunk.gather(keep);
      input = &kept;
      for (auto& k : keys)
        k = k->gather(keep);
    }
  }
  s.inserted.clear();
  st.table.findOrInsert(keys, input->num_rows, s.group_ids, s.inserted);
  if (!s.inserted.empty()) st.grew();
  for (size_t i = 0; i < aggregates_.size(); ++i) {
    const expr::Expr& call = *aggregates_[i];
    std::vector<types::ColumnPtr> args;
    for (const auto& arg : call.args) {
      // count(1) / count(*) counts rows: a column of that constant per chunk would say nothing.
      const bool counts_rows = call.name == "count" && !call.distinct &&
                               arg->kind == expr::ExprKind::Literal && !arg->literal.is_null;
      if (!counts_rows) args.push_back(expr::evaluate(*arg, *input, ctx.eval));
    }
    st.accumulators[i]->update(s.group_ids, args, ctx.eval);
  }
  s.touched.resize((st.table.size() + 63) / 64, 0);
  uint64_t* const bits = s.touched.data();
  for (uint32_t g : s.group_ids)
    bits[g / 64] |= uint64_t{1} << (g % 64);
}

namespace {
// The set bits' positions in increasing order: update mode outputs the groups this batch touched
// in group-id order (Spark's order is its hash map's, so none is promised), which also reads the
// keys and accumulators front to back.
std::vector<uint32_t> touchedGroups(const std::vector<uint64_t>& bits) {
  size_t n = 0;
  for (uint64_t w : bits)
    n += static_cast<size_t>(__builtin_popcountll(w));
  std::vector<uint32_t> groups;
  groups.reserve(n);
  for (size_t i = 0; i < bits.size(); ++i) {
    for (uint64_t w = bits[i]; w != 0; w &= w - 1)
      groups.push_back(static_cast<uint32_t>(i * 64 + static_cast<size_t>(__builtin_ctzll(w))));
  }
  return groups;
}
}  // namespace

void HashAggregate::finish(ExecContext& ctx, OperatorState* raw, const Emit& emit) const {
  auto& s = static_cast<AggregateBatchState&>(*raw);
  AggregationState& st = *s.state;
  // A global aggregation (no keys) has its one group even before any row arrives.
  if (keys_.empty() && st.table.size() == 0) {
    st.table.findOrInsert({}, 1, s.group_ids, s.inserted);
    st.grew();
  }
  // Groups the watermark closes: the event-time key at or below it (window.end <= watermark).
  std::vector<uint32_t> closed;
  if (usesWatermark(ctx)) {
    std::vector<uint32_t> live;
    for (uint32_t g = 0; g < st.table.size(); ++g) {
      if (st.isLive(g)) live.push_back(g);
    }
    auto key_cols = st.table.keyColumns(live);
    const types::Column& et = *key_cols[static_cast<size_t>(window_key_)];
    for (size_t i = 0; i < live.size(); ++i) {
      if (atOrBelowWatermark(et, i, *ctx.watermark_ms)) closed.push_back(live[i]);
    }
  }
  const std::vector<uint32_t> touched = touchedGroups(s.touched);
  std::vector<uint32_t> groups;
  if (!ctx.streaming || ctx.output_mode == OutputMode::Complete) {
    for (uint32_t g = 0; g < st.table.size(); ++g)
      groups.push_back(g);
  } else if (ctx.output_mode == OutputMode::Update) {
    groups = touched;
  } else {
    groups = closed;  // append: a group is final once the watermark passed it
  }
  if (ctx.streaming && ctx.state_stores != nullptr) {
    StateMetrics& m = ctx.state_stores->metrics(op_id_);
    m.rows_updated += static_cast<int64_t>(touched.size());
    m.rows_removed += static_cast<int64_t>(closed.size());
    m.rows_dropped_by_watermark += static_cast<int64_t>(s.late_keys.size());
  }
  types::Batch inter;
  inter.num_rows = groups.size();
  auto key_cols = st.table.keyColumns(groups);
  for (size_t k = 0; k < keys_.size(); ++k) {
    inter.schema.fields.push_back({"k" + std::to_string(k), keys_[k]->type, true});
    inter.columns.push_back(key_cols[k]);
  }
  for (size_t i = 0; i < aggregates_.size(); ++i) {
    auto col = types::Column::make(aggregates_[i]->type);
    col->reserve(groups.size());
    st.accumulators[i]->result(groups, *col);
    inter.schema.fields.push_back({"a" + std::to_string(i), aggregates_[i]->type, true});
    inter.columns.push_back(col);
  }
  types::Batch out;
  out.schema = output_;
  out.num_rows = groups.size();
  for (const auto& e : outputs_) {
    if (e->kind == expr::ExprKind::ColumnRef)
      out.columns.push_back(inter.columns[e->ordinal]);
    else
      out.columns.push_back(expr::evaluate(*e, inter, ctx.eval));
  }
  if (out.num_rows > 0) emitChunked(out, ctx.chunk_capacity, emit);
  // Evicted after the rows were built: append mode has just written them, update mode never will.
  for (uint32_t g : closed)
    st.evict(g);
}

}  // namespace runnel::exec
