// StreamingQuery, DataStreamWriter and StreamingQueryManager: starting and driving streaming
// queries. The engine never blocks: the host drives every active query with
// SparkSession::tick(now).
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "runnel/data_frame.h"
#include "runnel/data_stream_reader.h"
#include "runnel/error.h"

namespace runnel {

namespace stream {
class MicroBatchExecution;
}

class StreamingQuery {
 public:
  explicit StreamingQuery(std::shared_ptr<stream::MicroBatchExecution> execution);
  std::string id() const;
  std::string runId() const;
  std::optional<std::string> name() const;
  bool isActive() const;
  // {"message": ..., "isDataAvailable": ..., "isTriggerActive": ...} as JSON text.
  std::string statusJson() const;
  std::optional<std::string> lastProgressJson() const;  // pretty JSON as Spark prints it
  std::vector<std::string> recentProgressJson() const;
  std::optional<Error> exception() const;
  void stop();
  // Runs batches until every source's data so far is processed (Spark's processAllAvailable).
  void processAllAvailable();
  std::string explain(bool extended = false) const;
  // Where the query keeps its checkpoint, and the batch it resumed at when that checkpoint already
  // held batches (nullopt: a fresh start).
  std::string checkpointLocation() const;
  std::optional<int64_t> resumedAtBatchId() const;
  const std::shared_ptr<stream::MicroBatchExecution>& execution() const { return execution_; }

 private:
  std::shared_ptr<stream::MicroBatchExecution> execution_;
};

// How a foreachBatch callback sees each micro-batch: a batch DataFrame and the batch id.
using ForeachBatchFunction = std::function<void(const DataFrame& batch, int64_t batch_id)>;

class DataStreamWriter {
 public:
  explicit DataStreamWriter(DataFrame df) : df_(std::move(df)) {}
  DataStreamWriter& outputMode(const std::string& mode);
  DataStreamWriter& format(const std::string& sink);
  DataStreamWriter& option(const std::string& key, const std::string& value);
  DataStreamWriter& queryName(const std::string& name);
  DataStreamWriter& triggerProcessingTime(const std::string& interval);
  DataStreamWriter& triggerOnce();
  DataStreamWriter& triggerAvailableNow();
  DataStreamWriter& triggerContinuous(const std::string& interval);
  DataStreamWriter& foreachBatch(ForeachBatchFunction fn);
  StreamingQuery start(const std::string& path = "");

 private:
  DataFrame df_;
  std::string output_mode_ = "append";
  std::string format_;
  SourceOptions options_;
  std::optional<std::string> query_name_;
  std::string trigger_kind_ = "default";  // default, processingTime, once, availableNow, continuous
  std::string trigger_interval_;
  ForeachBatchFunction foreach_batch_;
};

}  // namespace runnel
