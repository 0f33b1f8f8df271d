// ExecContext: what operators see while a micro-batch (or a batch query) runs: evaluation settings,
// the output mode, the batch id, the watermark, and the state stores that survive between batches.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>

#include "exec/state_store.h"
#include "expr/eval_context.h"

namespace runnel::exec {

enum class OutputMode { Append, Complete, Update };
const char* outputModeName(OutputMode mode);  // "Append", "Complete", "Update"

// Event-time statistics of one EventTimeWatermark operator in this batch.
struct EventTimeStats {
  int64_t max_ms = INT64_MIN;
  int64_t min_ms = INT64_MAX;
  double sum_ms = 0;
  int64_t count = 0;
};

struct ExecContext {
  expr::EvalContext eval;
  bool streaming = false;
  OutputMode output_mode = OutputMode::Append;
  int64_t batch_id = 0;
  std::optional<int64_t> watermark_ms;  // the watermark this batch uses (event-time queries)
  size_t chunk_capacity = 4096;
  StateStores* state_stores = nullptr;       // null in batch queries: operators use fresh state
  std::map<int, EventTimeStats> event_time;  // per watermark operator id
};

}  // namespace runnel::exec
