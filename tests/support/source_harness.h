// A session on a manual clock and an in-memory FileSystem whose console sinks record every batch,
// for source tests written like Spark's StreamTest (advance the clock, tick, check the last batch).
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "runnel/clock.h"
#include "runnel/file_system.h"
#include "runnel/spark_session.h"
#include "types/batch.h"

namespace runnel::testing {

// Rows in batch order (not sorted), cells as cellText renders them, joined by " | ".
std::vector<std::string> orderedRows(const types::Batch& b);

struct SourceHarness {
  std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>(1'700'000'000'000);
  std::shared_ptr<FileSystem> fs = makeMemoryFileSystem();
  std::shared_ptr<SparkSession> spark;
  std::vector<std::pair<int64_t, types::Batch>> batches;  // (batch id, rows) per console batch
  std::string output;

  SourceHarness();
  // Starts `df` on the console sink (append), with a checkpoint folder when given.
  StreamingQuery start(const DataFrame& df, const std::string& checkpoint = "");
  int64_t lastBatchId() const { return batches.empty() ? -1 : batches.back().first; }
  std::vector<std::string> lastBatch() const;
};

}  // namespace runnel::testing
