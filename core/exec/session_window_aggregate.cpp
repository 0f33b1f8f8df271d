// SessionWindowAggregate: per chunk, late rows (session end at or below the watermark) and rows
// without an event time are dropped, each remaining row's session is merged into its key's
// sessions, then every accumulator updates the whole chunk with each row's session slot.
#include "exec/session_window_aggregate.h"

#include <set>
#include <unordered_map>

#include "exec/session_window_state.h"
#include "exec/watermark_predicate.h"
#include "expr/evaluator.h"
#include "runnel/error.h"

namespace runnel::exec {

namespace {

struct SessionBatchState final : OperatorState {
  std::unique_ptr<SessionWindowState> owned;  // batch queries: state for this run only
  SessionWindowState* state = nullptr;
  std::set<uint32_t> touched;  // slots of the sessions this micro-batch created or changed
  int64_t late_rows = 0;
};

uint32_t follow(const std::unordered_map<uint32_t, uint32_t>& merged, uint32_t slot) {
  for (auto it = merged.find(slot); it != merged.end(); it = merged.find(slot))
    slot = it->second;
  return slot;
}

}  // namespace

std::unique_ptr<OperatorState> SessionWindowAggregate::makeState(ExecContext& ctx) const {
  if (ctx.streaming && keys_.size() == 1) {
    // AggUtils.planStreamingAggregationForSession: sessions are merged per key.
    throw Error(ErrorClass::AnalysisException,
                "Global aggregation with session window in streaming query is not supported.");
  }
  std::vector<types::DataTypePtr> key_types;
  for (size_t k = 0; k < keys_.size(); ++k) {
    if (static_cast<int>(k) != session_key_) key_types.push_back(keys_[k]->type);
  }
  auto s = std::make_unique<SessionBatchState>();
  auto make = [&] { return std::make_unique<SessionWindowState>(key_types, aggregates_); };
  if (ctx.streaming && ctx.state_stores != nullptr) {
    s->state = &ctx.state_stores->get<SessionWindowState>(op_id_, make);
  } else {
    s->owned = make();
    s->state = s->owned.get();
  }
  return s;
}

bool SessionWindowAggregate::usesWatermark(const ExecContext& ctx) const {
  return ctx.streaming && ctx.watermark_ms.has_value() && ctx.output_mode != OutputMode::Complete;
}

void SessionWindowAggregate::push(size_t, const types::Batch& chunk, ExecContext& ctx,
                                  OperatorState* raw, const Emit&) const {
  auto& s = static_cast<SessionBatchState&>(*raw);
  SessionWindowState& st = *s.state;
  std::vector<types::ColumnPtr> keys;
  types::ColumnPtr session;
  for (size_t k = 0; k < keys_.size(); ++k) {
    types::ColumnPtr c = expr::evaluate(*keys_[k], chunk, ctx.eval);
    if (static_cast<int>(k) == session_key_)
      session = c;
    else
      keys.push_back(c);
  }
  // SessionWindowing's isnotnull(time) filter, then the late-event filter of the restore step.
  const bool late_filter = usesWatermark(ctx);
  std::vector<uint32_t> rows;
  rows.reserve(chunk.num_rows);
  for (size_t r = 0; r < chunk.num_rows; ++r) {
    if (session->isNull(r)) continue;
    if (late_filter && atOrBelowWatermark(*session, r, *ctx.watermark_ms)) {
      ++s.late_rows;
      continue;
    }
    rows.push_back(static_cast<uint32_t>(r));
  }
  if (rows.empty()) return;
  types::Batch kept;
  const types::Batch* input = &chunk;
  if (rows.size() < chunk.num_rows) {
    kept = chunk.gather(rows);
    input = &kept;
    for (auto& k : keys)
      k = k->gather(rows);
    session = session->gather(rows);
  }
  std::vector<uint32_t> slots;
  st.findOrInsertKeys(keys, input->num_rows, slots);
  const types::Column& starts = *session->children[0];
  const types::Column& ends = *session->children[1];
  std::unordered_map<uint32_t, uint32_t> merged;
  for (size_t r = 0; r < input->num_rows; ++r)
    slots[r] = st.addSession(slots[r], starts.ints[r], ends.ints[r], ctx.eval, merged);
  for (auto& slot : slots)
    slot = follow(merged, slot);
  for (const auto& [from, into] : merged) {
    (void)into;
    s.touched.erase(from);
  }
  for (size_t i = 0; i < aggregates_.size(); ++i) {
    std::vector<types::ColumnPtr> args;
    for (const auto& arg : aggregates_[i]->args)
      args.push_back(expr::evaluate(*arg, *input, ctx.eval));
    st.accumulators()[i]->update(slots, args, ctx.eval);
  }
  s.touched.insert(slots.begin(), slots.end());
}

void SessionWindowAggregate::finish(ExecContext& ctx, OperatorState* raw, const Emit& emit) const {
  auto& s = static_cast<SessionBatchState&>(*raw);
  SessionWindowState& st = *s.state;
  const bool evict = usesWatermark(ctx);
  const int64_t watermark_us = evict ? *ctx.watermark_ms * 1000 : 0;
  // The sessions to write, as (key id, session); a key's closed sessions are a prefix of its list
  // because the ends are sorted.
  std::vector<uint32_t> key_ids;
  std::vector<Session> out_sessions;
  std::vector<size_t> closed(st.numKeys(), 0);
  int64_t removed = 0;
  for (uint32_t k = 0; k < st.numKeys(); ++k) {
    for (const Session& session : st.sessions(k)) {
      bool is_closed = evict && session.end <= watermark_us;
      if (is_closed) {
        ++closed[k];
        ++removed;
      }
      bool write =
          !ctx.streaming || ctx.output_mode == OutputMode::Complete ||
          (ctx.output_mode == OutputMode::Append ? is_closed : s.touched.count(session.slot) > 0);
      if (!write) continue;
      key_ids.push_back(k);
      out_sessions.push_back(session);
    }
  }
  if (ctx.streaming && ctx.state_stores != nullptr) {
    StateMetrics& m = ctx.state_stores->metrics(op_id_);
    m.rows_updated += static_cast<int64_t>(s.touched.size());
    m.rows_removed += removed;
    m.rows_dropped_by_watermark += s.late_rows;
  }
  if (!out_sessions.empty()) {
    const size_t n = out_sessions.size();
    auto key_cols = st.keys().keyColumns(key_ids);
    auto window = types::Column::make(keys_[static_cast<size_t>(session_key_)]->type);
    std::vector<uint32_t> slots;
    for (const Session& session : out_sessions) {
      window->children[0]->appendInt(session.start);
      window->children[1]->appendInt(session.end);
      window->closeStructRow();
      slots.push_back(session.slot);
    }
    types::Batch inter;
    inter.num_rows = n;
    for (size_t k = 0, next = 0; k < keys_.size(); ++k) {
      inter.schema.fields.push_back({"k" + std::to_string(k), keys_[k]->type, true});
      if (static_cast<int>(k) == session_key_)
        inter.columns.push_back(window);
      else
        inter.columns.push_back(key_cols[next++]);
    }
    for (size_t i = 0; i < aggregates_.size(); ++i) {
      auto col = types::Column::make(aggregates_[i]->type);
      col->reserve(n);
      st.accumulators()[i]->result(slots, *col);
      inter.schema.fields.push_back({"a" + std::to_string(i), aggregates_[i]->type, true});
      inter.columns.push_back(col);
    }
    types::Batch out;
    out.schema = output_;
    out.num_rows = n;
    for (const auto& e : outputs_) {
      if (e->kind == expr::ExprKind::ColumnRef)
        out.columns.push_back(inter.columns[e->ordinal]);
      else
        out.columns.push_back(expr::evaluate(*e, inter, ctx.eval));
    }
    emitChunked(out, ctx.chunk_capacity, emit);
  }
  // Evicted after the rows were built: append mode has just written them.
  for (uint32_t k = 0; k < st.numKeys(); ++k) {
    if (closed[k] > 0) st.evictFirst(k, closed[k]);
  }
  st.compact();
}

}  // namespace runnel::exec
