// StreamStreamJoin: per batch, drop late rows, join the left side's new rows with the right state
// and store them, then the right side's new rows with the left state (new left rows included), then
// evict what the watermark has made unmatchable, emitting outer rows with nulls for evicted
// unmatched rows.
#include "exec/stream_stream_join.h"

#include "exec/joined_rows.h"
#include "exec/symmetric_hash_join_state.h"
#include "expr/evaluator.h"
#include "plan/streaming_join_helper.h"

namespace runnel::exec {

namespace {

constexpr int64_t kMicrosPerMilli = 1000;

struct JoinBatchState final : OperatorState {
  JoinBatchState(const types::Schema& left, const types::Schema& right) : local(left, right) {}
  std::vector<types::Batch> inputs[2];
  SymmetricHashJoinState local;
  SymmetricHashJoinState* state = nullptr;
};

// JoinStateWatermarkPredicate: rows whose watermarked key or event-time value is at or below the
// threshold can no longer match and are removed (or, when new, not stored).
struct Eviction {
  enum class Kind { None, Key, Value } kind = Kind::None;
  int64_t threshold_ms = 0;
};

// A window's event time is its end (Spark compares window.end with the watermark).
const types::Column& eventTime(const types::Column& c) {
  return c.type->id == types::TypeId::Struct ? *c.children[1] : c;
}

std::vector<uint8_t> atOrBelow(const types::Column& column, int64_t threshold_ms) {
  const types::Column& t = eventTime(column);
  std::vector<uint8_t> out(t.size, 0);
  for (size_t r = 0; r < t.size; ++r)
    out[r] = !t.isNull(r) && t.ints[r] <= threshold_ms * kMicrosPerMilli;
  return out;
}

}  // namespace

std::unique_ptr<OperatorState> StreamStreamJoin::makeState(ExecContext& ctx) const {
  auto s = std::make_unique<JoinBatchState>(spec_.sides[0], spec_.sides[1]);
  s->state = &s->local;
  if (ctx.streaming && ctx.state_stores != nullptr) {
    s->state = &ctx.state_stores->get<SymmetricHashJoinState>(op_id_, [this] {
      return std::make_unique<SymmetricHashJoinState>(spec_.sides[0], spec_.sides[1]);
    });
  }
  return s;
}

void StreamStreamJoin::push(size_t input, const types::Batch& chunk, ExecContext&,
                            OperatorState* raw, const Emit&) const {
  static_cast<JoinBatchState*>(raw)->inputs[input].push_back(chunk);
}

void StreamStreamJoin::finish(ExecContext& ctx, OperatorState* raw, const Emit& emit) const {
  auto& s = *static_cast<JoinBatchState*>(raw);
  JoinSideRows* stored[2] = {&s.state->left, &s.state->right};
  StateMetrics scratch;
  StateMetrics& metrics = ctx.state_stores ? ctx.state_stores->metrics(op_id_) : scratch;
  const std::string& t = spec_.join_type;
  auto outer = [&](int side) {
    return t == "full_outer" || t == (side == 0 ? "left_outer" : "right_outer");
  };

  types::Batch input[2];
  Eviction eviction[2];
  for (int side = 0; side < 2; ++side) {
    input[side] = s.inputs[side].empty() ? types::Batch::empty(spec_.sides[side])
                                         : types::concatBatches(spec_.sides[side], s.inputs[side]);
    if (!ctx.watermark_ms) continue;
    int64_t wm = *ctx.watermark_ms;
    if (spec_.event_time[side] >= 0) {
      // Rows at or below the watermark are late: Spark drops them before they join.
      auto late = atOrBelow(*input[side].columns[static_cast<size_t>(spec_.event_time[side])], wm);
      std::vector<uint32_t> keep;
      for (uint32_t r = 0; r < input[side].num_rows; ++r) {
        if (!late[r]) keep.push_back(r);
      }
      metrics.rows_dropped_by_watermark += static_cast<int64_t>(input[side].num_rows - keep.size());
      if (keep.size() != input[side].num_rows) input[side] = input[side].gather(keep);
    }
    if (spec_.watermark_key >= 0) {
      eviction[side] = {Eviction::Kind::Key, wm};
    } else if (spec_.event_time[side] >= 0) {
      if (auto v = plan::stateValueWatermarkOf(*spec_.join, side == 0, wm))
        eviction[side] = {Eviction::Kind::Value, *v};
    }
  }
  auto evictable = [&](int side, const types::Batch& rows) {
    const Eviction& e = eviction[side];
    if (e.kind == Eviction::Kind::None || rows.num_rows == 0)
      return std::vector<uint8_t>(rows.num_rows, 0);
    if (e.kind == Eviction::Kind::Key) {
      auto key = expr::evaluate(*spec_.keys[side][static_cast<size_t>(spec_.watermark_key)], rows,
                                ctx.eval);
      return atOrBelow(*key, e.threshold_ms);
    }
    return atOrBelow(*rows.columns[static_cast<size_t>(spec_.event_time[side])], e.threshold_ms);
  };
  // Joined rows with this side's rows `mine` and the other side's `theirs`, oriented left, right.
  auto emitPairs = [&](int side, const types::Batch& mine, const types::Batch& theirs,
                       const std::vector<uint32_t>& m, const std::vector<uint32_t>& o) {
    if (m.empty()) return;
    types::Batch out = side == 0 ? joinedRows(output_, mine, theirs, m, o)
                                 : joinedRows(output_, theirs, mine, o, m);
    emitChunked(out, ctx.chunk_capacity, emit);
  };

  for (int side = 0; side < 2; ++side) {
    const types::Batch& in = input[side];
    JoinSideRows& other = *stored[1 - side];
    auto keys = joinKeys(spec_.keys[side], in, ctx.eval);
    auto pre = conditionMask(spec_.side_only[side], in, ctx.eval);
    auto late_for_state = evictable(side, in);
    std::vector<uint32_t> cand_in, cand_other;
    for (uint32_t r = 0; r < in.num_rows; ++r) {
      if (!pre[r] || !keys[r]) continue;
      for (uint32_t o : other.lookup(*keys[r])) {
        cand_in.push_back(r);
        cand_other.push_back(o);
      }
    }
    types::Batch candidates = side == 0
                                  ? joinedRows(output_, in, other.rows(), cand_in, cand_other)
                                  : joinedRows(output_, other.rows(), in, cand_other, cand_in);
    auto pass = conditionMask(spec_.both_sides, candidates, ctx.eval);
    std::vector<uint8_t> matched(in.num_rows, 0);
    std::vector<uint32_t> out_in, out_other, store;
    for (size_t k = 0; k < cand_in.size(); ++k) {
      if (!pass[k]) continue;
      matched[cand_in[k]] = 1;
      other.setMatched(cand_other[k]);
      out_in.push_back(cand_in[k]);
      out_other.push_back(cand_other[k]);
    }
    for (uint32_t r = 0; r < in.num_rows; ++r) {
      bool stays = pre[r] && !late_for_state[r];
      if (stays) store.push_back(r);
      // A row that is not stored can never match later: an outer side emits it now.
      if (!stays && outer(side) && !matched[r]) {
        out_in.push_back(r);
        out_other.push_back(kNoRow);
      }
    }
    emitPairs(side, in, other.rows(), out_in, out_other);
    stored[side]->append(in, store, keys, matched);
    metrics.rows_updated += static_cast<int64_t>(store.size());
  }

  for (int side = 0; side < 2; ++side) {
    JoinSideRows& mine = *stored[side];
    auto evict = evictable(side, mine.rows());
    std::vector<uint32_t> keep, unmatched, none;
    for (uint32_t r = 0; r < mine.size(); ++r) {
      if (!evict[r])
        keep.push_back(r);
      else if (outer(side) && !mine.matched(r))
        unmatched.push_back(r);
    }
    none.assign(unmatched.size(), kNoRow);
    emitPairs(side, mine.rows(), stored[1 - side]->rows(), unmatched, none);
    metrics.rows_removed += static_cast<int64_t>(mine.size() - keep.size());
    mine.keepOnly(keep);
  }
}

}  // namespace runnel::exec
