// MicroBatchExecution: Spark's micro-batch loop without the thread. The host calls tick() whenever
// it likes; each call runs at most one trigger attempt (constructNextBatch + runBatch), using the
// injected clock. Offsets are logged before a batch runs and the commit after the sink took it.
#pragma once

#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "exec/physical_plan.h"
#include "runnel/clock.h"
#include "runnel/error.h"
#include "stream/progress.h"
#include "stream/sink.h"
#include "stream/source.h"
#include "stream/trigger.h"

namespace runnel::stream {

struct QueryConfig {
  std::string id;
  std::string run_id;
  std::optional<std::string> name;
  plan::PlanPtr plan;
  exec::OutputMode output_mode = exec::OutputMode::Append;
  Trigger trigger;
  std::unique_ptr<Sink> sink;
  std::vector<std::shared_ptr<Source>> sources;  // one per streaming relation, in plan order
  std::string checkpoint_dir;
  bool durable_state = false;  // write state snapshots (a checkpointLocation was given)
  FileSystem* fs = nullptr;
  const Clock* clock = nullptr;
  expr::EvalContext eval;
  size_t chunk_capacity = 4096;
  std::function<void(const StreamingQueryProgress&)> on_progress;
  std::function<void(const std::optional<Error>&)> on_terminated;
};

class MicroBatchExecution {
 public:
  explicit MicroBatchExecution(QueryConfig config);
  ~MicroBatchExecution();

  // Spark's populateStartOffsets: resume from the checkpoint (re-running an uncommitted batch).
  void start();
  // One trigger attempt if the trigger is due. Returns true if a batch (data or no-data) ran.
  bool tick();
  // Runs batches until every source's available data is processed (the trigger is ignored).
  void processAllAvailable();
  void stop();

  bool isActive() const { return active_; }
  const std::optional<Error>& exception() const { return exception_; }
  std::optional<int64_t> nextWakeMs() const;
  const QueryConfig& config() const { return config_; }
  std::string statusMessage() const { return status_; }
  bool isDataAvailable() const { return data_available_; }
  bool isTriggerActive() const { return false; }
  const std::deque<StreamingQueryProgress>& recentProgress() const { return recent_; }
  int64_t numStateRows() const;
  int64_t currentBatchId() const { return batch_id_; }
  // The batch start() resumed at when the checkpoint already held batches; nullopt: a fresh start.
  std::optional<int64_t> resumedAtBatchId() const { return resumed_at_batch_id_; }
  int64_t watermarkMs() const { return watermark_ms_; }
  std::string explain() const { return physical_.explain(); }

 private:
  bool attempt(int64_t now_ms, bool force);
  void runBatch(int64_t start_ms, const std::vector<std::optional<int64_t>>& end_offsets);
  void updateWatermark(const exec::ExecContext& ctx);
  bool shouldRunNoDataBatch() const;
  void throwIfSourceFailed() const;
  void fail(const Error& error);
  void recordProgress(StreamingQueryProgress p);
  StreamingQueryProgress baseProgress(int64_t start_ms) const;

  QueryConfig config_;
  exec::PhysicalPlan physical_;
  exec::StateStores state_;
  TriggerExecutor trigger_;
  bool active_ = false;
  bool started_ = false;
  std::optional<Error> exception_;
  std::string status_ = "Initializing StreamExecution";
  bool data_available_ = false;
  int64_t batch_id_ = 0;
  std::optional<int64_t> resumed_at_batch_id_;
  std::vector<std::optional<int64_t>> committed_;
  std::optional<std::vector<std::optional<int64_t>>> rerun_offsets_;
  int64_t watermark_ms_ = 0;        // used by the next batch
  int64_t batch_watermark_ms_ = 0;  // used by the last batch
  std::vector<int64_t> operator_watermarks_;
  std::deque<StreamingQueryProgress> recent_;
  std::optional<int64_t> last_trigger_start_ms_;
  std::optional<int64_t> last_idle_progress_ms_;
  bool ran_batch_ = false;
};

}  // namespace runnel::stream
