// MicroBatchExecution::runBatch: write offsets, read each source's range, run the physical plan,
// hand the result to the sink, write the commit (with the next watermark), commit state and
// sources, report.
#include <fmt/format.h>

#include "stream/metadata_log.h"
#include "stream/micro_batch_execution.h"
#include "types/timestamp.h"

namespace runnel::stream {

void MicroBatchExecution::runBatch(int64_t start_ms,
                                   const std::vector<std::optional<int64_t>>& end_offsets) {
  const Clock& clock = *config_.clock;
  StreamingQueryProgress p = baseProgress(start_ms);
  int64_t t0 = clock.nowMs();
  status_ = "Writing offsets to log";
  MetadataLog offsets(*config_.fs, config_.checkpoint_dir + "/offsets");
  OffsetSeq seq;
  seq.batch_watermark_ms = watermark_ms_;
  seq.batch_timestamp_ms = start_ms;
  seq.offsets = end_offsets;
  offsets.add(batch_id_, serializeOffsetSeq(seq));
  int64_t t_wal = clock.nowMs();

  status_ = "Processing new data";
  std::vector<types::Batch> inputs;
  int64_t rows_in = 0;
  // baseProgress's entries have no offsets yet: one entry per source, filled here.
  p.sources.clear();
  for (size_t i = 0; i < config_.sources.size(); ++i) {
    Source& s = *config_.sources[i];
    if (end_offsets[i])
      inputs.push_back(s.getBatch(committed_[i], *end_offsets[i]));
    else
      inputs.push_back(types::Batch::empty(s.schema()));
    SourceProgress sp;
    sp.description = s.description();
    sp.start_offset = committed_[i];
    sp.end_offset = end_offsets[i];
    sp.latest_offset = end_offsets[i];
    sp.num_input_rows = static_cast<int64_t>(inputs.back().num_rows);
    rows_in += sp.num_input_rows;
    p.sources.push_back(sp);
  }
  int64_t t_get = clock.nowMs();

  exec::ExecContext ctx;
  ctx.eval = config_.eval;
  ctx.eval.batch_timestamp_micros = start_ms * 1000;
  ctx.streaming = true;
  ctx.output_mode = config_.output_mode;
  ctx.batch_id = batch_id_;
  ctx.watermark_ms = watermark_ms_;
  ctx.chunk_capacity = config_.chunk_capacity;
  ctx.state_stores = &state_;
  state_.resetMetrics();
  std::vector<types::Batch> out = physical_.execute(inputs, ctx);
  types::Batch result = out.empty() ? types::Batch::empty(config_.plan->output)
                                    : types::concatBatches(config_.plan->output, out);
  config_.sink->addBatch(batch_id_, result, config_.output_mode);
  int64_t t_add = clock.nowMs();

  batch_watermark_ms_ = watermark_ms_;
  updateWatermark(ctx);
  MetadataLog commits(*config_.fs, config_.checkpoint_dir + "/commits");
  commits.add(batch_id_, serializeCommit(watermark_ms_, operator_watermarks_));
  state_.commit(batch_id_ + 1);
  for (size_t i = 0; i < config_.sources.size(); ++i) {
    if (end_offsets[i]) config_.sources[i]->commit(*end_offsets[i]);
  }
  committed_ = end_offsets;
  if (batch_id_ % 10 == 0 && batch_id_ >= 100) {  // spark.sql.streaming.minBatchesToRetain = 100
    offsets.purgeBefore(batch_id_ - 100);
    commits.purgeBefore(batch_id_ - 100);
  }
  int64_t t_end = clock.nowMs();

  p.batch_id = batch_id_;
  p.num_input_rows = rows_in;
  double elapsed_s = last_trigger_start_ms_ ? (start_ms - *last_trigger_start_ms_) / 1000.0 : 0;
  double duration_s = std::max<int64_t>(1, t_end - start_ms) / 1000.0;
  p.input_rows_per_second = elapsed_s > 0 ? rows_in / elapsed_s : 0.0;
  p.processed_rows_per_second = rows_in / duration_s;
  for (auto& sp : p.sources) {
    sp.input_rows_per_second = elapsed_s > 0 ? sp.num_input_rows / elapsed_s : 0.0;
    sp.processed_rows_per_second = sp.num_input_rows / duration_s;
  }
  p.duration_ms = {{"addBatch", t_add - t_get},
                   {"commitOffsets", t_end - t_add},
                   {"getBatch", 0},
                   {"latestOffset", t0 - start_ms},
                   {"queryPlanning", 0},
                   {"triggerExecution", t_end - start_ms},
                   {"walCommit", t_wal - t0}};
  if (!physical_.watermarks().empty()) {
    int64_t max = INT64_MIN, min = INT64_MAX, count = 0;
    double sum = 0;
    for (const auto& [id, st] : ctx.event_time) {
      if (st.count == 0) continue;
      max = std::max(max, st.max_ms);
      min = std::min(min, st.min_ms);
      sum += st.sum_ms;
      count += st.count;
    }
    if (count > 0) {
      p.event_time["avg"] = types::formatIsoMillisUtc(static_cast<int64_t>(sum / count) * 1000);
      p.event_time["max"] = types::formatIsoMillisUtc(max * 1000);
      p.event_time["min"] = types::formatIsoMillisUtc(min * 1000);
    }
    p.event_time["watermark"] = types::formatIsoMillisUtc(batch_watermark_ms_ * 1000);
  }
  for (const auto& info : physical_.statefulOperators()) {
    StateOperatorProgress so;
    so.operator_name = info.name;
    auto it = state_.stores().find(info.op_id);
    if (it != state_.stores().end()) {
      so.num_rows_total = it->second->numRows();
      so.memory_used_bytes = it->second->memoryUsedBytes();
    }
    auto m = state_.allMetrics().find(info.op_id);
    if (m != state_.allMetrics().end()) {
      so.num_rows_updated = m->second.rows_updated;
      so.num_rows_removed = m->second.rows_removed;
      so.num_rows_dropped_by_watermark = m->second.rows_dropped_by_watermark;
    }
    p.state_operators.push_back(so);
  }
  p.sink_output_rows = static_cast<int64_t>(result.num_rows);
  last_trigger_start_ms_ = start_ms;
  ran_batch_ = true;
  ++batch_id_;
  status_ = "Waiting for next trigger";
  recordProgress(std::move(p));
}

void MicroBatchExecution::updateWatermark(const exec::ExecContext& ctx) {
  const auto& ops = physical_.watermarks();
  if (ops.empty()) return;
  for (size_t i = 0; i < ops.size(); ++i) {
    auto it = ctx.event_time.find(ops[i].first);
    if (it == ctx.event_time.end() || it->second.count == 0) continue;
    operator_watermarks_[i] = std::max(operator_watermarks_[i], it->second.max_ms - ops[i].second);
  }
  // spark.sql.streaming.multipleWatermarkPolicy=min; it never moves backwards.
  int64_t global = *std::min_element(operator_watermarks_.begin(), operator_watermarks_.end());
  watermark_ms_ = std::max(watermark_ms_, global);
}

StreamingQueryProgress MicroBatchExecution::baseProgress(int64_t start_ms) const {
  StreamingQueryProgress p;
  p.id = config_.id;
  p.run_id = config_.run_id;
  p.name = config_.name;
  p.timestamp_ms = start_ms;
  p.batch_id = batch_id_;
  p.sink_description = config_.sink->description();
  for (const auto& s : config_.sources) {
    SourceProgress sp;
    sp.description = s->description();
    p.sources.push_back(sp);
  }
  return p;
}

void MicroBatchExecution::recordProgress(StreamingQueryProgress p) {
  recent_.push_back(std::move(p));
  if (recent_.size() > 100) recent_.pop_front();  // spark.sql.streaming.numRecentProgressUpdates
  if (config_.on_progress) config_.on_progress(recent_.back());
}

}  // namespace runnel::stream
