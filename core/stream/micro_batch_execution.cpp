// MicroBatchExecution: start (populateStartOffsets), the trigger attempt and runBatch.
#include "stream/micro_batch_execution.h"

#include <algorithm>

#include <fmt/format.h>

#include "stream/metadata_log.h"

namespace runnel::stream {

MicroBatchExecution::MicroBatchExecution(QueryConfig config)
    : config_(std::move(config)), physical_(config_.plan), trigger_(config_.trigger) {
  committed_.assign(config_.sources.size(), std::nullopt);
  operator_watermarks_.assign(physical_.watermarks().size(), 0);
}

MicroBatchExecution::~MicroBatchExecution() {
  for (auto& s : config_.sources)
    s->stop();
}

// populateStartOffsets: let N be the latest batch in offsets/. None: start at batch 0. If commits/
// has N too, batch N is done: start batch N+1 from offsets N and the watermark in commits/N.
// Otherwise re-run batch N with exactly the offsets logged for it.
void MicroBatchExecution::start() {
  active_ = true;
  started_ = true;
  status_ = "Initializing sources";
  MetadataLog offsets(*config_.fs, config_.checkpoint_dir + "/offsets");
  MetadataLog commits(*config_.fs, config_.checkpoint_dir + "/commits");
  if (auto n = offsets.latestId()) {
    OffsetSeq seq = parseOffsetSeq(*offsets.get(*n));
    auto last_commit = commits.latestId();
    if (last_commit && *last_commit == *n) {
      batch_id_ = *n + 1;
      committed_ = seq.offsets;
      watermark_ms_ = parseCommitWatermark(*commits.get(*n));
    } else {
      batch_id_ = *n;
      if (*n > 0) {
        auto prev = offsets.get(*n - 1);
        if (!prev) {
          throw Error(ErrorClass::IllegalArgumentException,
                      fmt::format("batch {} doesn't exist", *n - 1));
        }
        committed_ = parseOffsetSeq(*prev).offsets;
      }
      watermark_ms_ = seq.batch_watermark_ms;
      rerun_offsets_ = seq.offsets;
    }
    committed_.resize(config_.sources.size());
    resumed_at_batch_id_ = batch_id_;
    for (size_t i = 0; i < config_.sources.size(); ++i)
      config_.sources[i]->resumeFrom(committed_[i]);
    batch_watermark_ms_ = watermark_ms_;
    std::fill(operator_watermarks_.begin(), operator_watermarks_.end(), watermark_ms_);
    if (last_commit) {
      auto saved = parseCommitOperatorWatermarks(*commits.get(*last_commit));
      if (saved.size() == operator_watermarks_.size()) operator_watermarks_ = saved;
    }
  }
  state_.attach(config_.durable_state ? config_.fs : nullptr, config_.checkpoint_dir + "/state",
                batch_id_);
  exec::ExecContext ctx;
  ctx.streaming = true;
  ctx.output_mode = config_.output_mode;
  ctx.state_stores = &state_;
  physical_.loadState(ctx);
  config_.fs->writeAtomic(config_.checkpoint_dir + "/metadata", "{\"id\":\"" + config_.id + "\"}");
  status_ = "Waiting for next trigger";
}

bool MicroBatchExecution::tick() {
  if (!active_) return false;
  int64_t now = config_.clock->nowMs();
  if (!trigger_.due(now)) return false;
  return attempt(now, false);
}

void MicroBatchExecution::processAllAvailable() {
  for (int guard = 0; active_ && guard < 100000; ++guard) {
    if (!attempt(config_.clock->nowMs(), true)) break;
  }
}

std::optional<int64_t> MicroBatchExecution::nextWakeMs() const {
  if (!active_) return std::nullopt;
  int64_t now = config_.clock->nowMs();
  // The first attempt is due at once: Spark's query runs batch 0 as it starts, whether or not the
  // program goes on to awaitTermination().
  if (!trigger_.started()) return now;
  switch (trigger_.trigger().kind) {
    case TriggerKind::ProcessingTime:
      return trigger_.nextDueMs();
    case TriggerKind::Once:
    case TriggerKind::AvailableNow:
      return now;  // they run until no data is left, then stop
    default: {
      // The default trigger runs the next batch as soon as there is something to do: a no-data
      // batch a moved watermark asks for, data a source makes with time; pushed data (socket
      // lines) makes the host tick by itself.
      if (shouldRunNoDataBatch()) return now;
      std::optional<int64_t> next;
      for (const auto& source : config_.sources) {
        if (auto t = source->nextOffsetMs(); t && (!next || *t < *next)) next = t;
      }
      return next;
    }
  }
}

bool MicroBatchExecution::shouldRunNoDataBatch() const {
  // Stateful operators with a watermark need a batch to emit and evict once the watermark moved.
  return !physical_.watermarks().empty() && !physical_.statefulOperators().empty() &&
         watermark_ms_ > batch_watermark_ms_;
}

bool MicroBatchExecution::attempt(int64_t now, bool force) {
  try {
    throwIfSourceFailed();
    status_ = "Getting offsets from " +
              (config_.sources.empty() ? std::string("") : config_.sources[0]->description());
    std::vector<std::optional<int64_t>> latest;
    bool new_data = false;
    if (rerun_offsets_) {
      latest = *rerun_offsets_;
      latest.resize(config_.sources.size());
      new_data = true;
    } else {
      for (size_t i = 0; i < config_.sources.size(); ++i) {
        latest.push_back(config_.sources[i]->latestOffset(now));
        if (latest[i] && latest[i] != committed_[i]) new_data = true;
      }
    }
    data_available_ = new_data;
    bool run = new_data || shouldRunNoDataBatch();
    if (!force) trigger_.attempted(now);
    if (!run) {
      status_ = "Waiting for data to arrive";
      if (!force && ran_batch_ &&
          (!last_idle_progress_ms_ || now - *last_idle_progress_ms_ >= 10000)) {
        last_idle_progress_ms_ = now;
        StreamingQueryProgress p = baseProgress(now);
        p.duration_ms = {{"latestOffset", 0}, {"triggerExecution", 0}};
        recordProgress(std::move(p));
      }
      if (trigger_.trigger().kind == TriggerKind::Once ||
          trigger_.trigger().kind == TriggerKind::AvailableNow) {
        stop();
      }
      return false;
    }
    runBatch(now, latest);
    rerun_offsets_.reset();
    // The socket connects while planning batch 0 (as Spark's does); a refusal fails the query then.
    throwIfSourceFailed();
    if (trigger_.trigger().kind == TriggerKind::Once) stop();
    return true;
  } catch (const Error& e) {
    fail(e);
    return false;
  }
}

void MicroBatchExecution::throwIfSourceFailed() const {
  for (const auto& s : config_.sources) {
    if (auto why = s->failure()) throw Error(ErrorClass::StreamingQueryException, *why);
  }
}

void MicroBatchExecution::fail(const Error& error) {
  // Spark quotes the cause's message: a Spark error with an error class as it is ("[CLASS] text
  // SQLSTATE: s"); the other errors (Python's) read "ValueError: text", as a traceback ends.
  const ErrorClass cls = error.errorClass();
  const bool as_is =
      cls == ErrorClass::StreamingQueryException || cls == ErrorClass::ArithmeticException ||
      cls == ErrorClass::NumberFormatException || cls == ErrorClass::DateTimeException ||
      (cls == ErrorClass::SparkException && error.message().starts_with('['));
  std::string inner =
      as_is ? error.message() : std::string(error.className()) + ": " + error.message();
  exception_ = Error(ErrorClass::StreamingQueryException,
                     fmt::format("[STREAM_FAILED] Query [id = {}, runId = {}] terminated with "
                                 "exception: {}",
                                 config_.id, config_.run_id, inner));
  status_ = "Terminated with exception: " + inner;
  active_ = false;
  for (auto& s : config_.sources)
    s->stop();
  if (config_.on_terminated) config_.on_terminated(exception_);
}

void MicroBatchExecution::stop() {
  if (!active_) return;
  active_ = false;
  status_ = "Stopped";
  for (auto& s : config_.sources)
    s->stop();
  if (config_.on_terminated) config_.on_terminated(std::nullopt);
}

int64_t MicroBatchExecution::numStateRows() const {
  int64_t n = 0;
  for (const auto& [id, data] : state_.stores())
    n += data->numRows();
  return n;
}

}  // namespace runnel::stream
