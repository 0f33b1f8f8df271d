// MemorySink: Spark's memory sink: complete mode replaces the table's rows, append and update
// append (SupportsStreamingUpdateAsAppend). A batch id it already has is ignored, so a re-run adds
// nothing twice. ForeachBatchSink: hands each batch's rows to a callback (foreachBatch).
#pragma once

#include <functional>
#include <optional>

#include "stream/sink.h"

namespace runnel::stream {

using TableWriter = std::function<void(const types::Batch& rows, bool append)>;

class MemorySink final : public Sink {
 public:
  explicit MemorySink(TableWriter write) : write_(std::move(write)) {}
  std::string description() const override { return "MemorySink"; }
  void addBatch(int64_t batch_id, const types::Batch& data, exec::OutputMode mode) override {
    if (last_batch_ && batch_id <= *last_batch_) return;
    last_batch_ = batch_id;
    write_(data, mode != exec::OutputMode::Complete);
  }

 private:
  TableWriter write_;
  std::optional<int64_t> last_batch_;
};

using BatchCallback = std::function<void(int64_t batch_id, const types::Batch& rows)>;

class ForeachBatchSink final : public Sink {
 public:
  explicit ForeachBatchSink(BatchCallback fn) : fn_(std::move(fn)) {}
  std::string description() const override { return "ForeachBatchSink"; }
  void addBatch(int64_t batch_id, const types::Batch& data, exec::OutputMode) override {
    fn_(batch_id, data);
  }

 private:
  BatchCallback fn_;
};

}  // namespace runnel::stream
