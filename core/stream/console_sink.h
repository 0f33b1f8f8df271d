// ConsoleSink: Spark's console sink (ConsoleWrite): a 43-dash header with the batch id, then
// Dataset.show(numRows, truncate) of the batch, byte for byte.
#pragma once

#include <functional>

#include "stream/sink.h"

namespace runnel::stream {

using ConsoleOutput =
    std::function<void(int64_t batch_id, const types::Batch& rows, const std::string& text)>;

class ConsoleSink final : public Sink {
 public:
  ConsoleSink(int num_rows, bool truncate, std::string time_zone, ConsoleOutput out)
      : num_rows_(num_rows),
        truncate_(truncate),
        time_zone_(std::move(time_zone)),
        out_(std::move(out)) {}
  std::string description() const override {
    return "org.apache.spark.sql.execution.streaming.ConsoleTable$@1c6b2a1e";
  }
  void addBatch(int64_t batch_id, const types::Batch& data, exec::OutputMode mode) override;
  // The text printed for one batch.
  std::string render(int64_t batch_id, const types::Batch& data) const;

 private:
  int num_rows_;
  bool truncate_;
  std::string time_zone_;
  ConsoleOutput out_;
};

}  // namespace runnel::stream
