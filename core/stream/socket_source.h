// SocketSource: Spark's TextSocketMicroBatchStream. Schema `value: string` (+ `timestamp` with
// includeTimestamp). Offsets are line indexes; before the first batch "connects" the latest offset
// is -1, so batch 0 is always empty and lines typed before the start show up in batch 1, as in
// Spark.
#pragma once

#include <memory>

#include <vector>

#include "stream/source.h"

namespace runnel::stream {

class SocketHub;

class SocketSource final : public Source {
 public:
  SocketSource(std::weak_ptr<SocketHub> hub, std::string host, int port, bool include_timestamp);
  ~SocketSource() override;
  std::string description() const override;
  const types::Schema& schema() const override { return schema_; }
  std::optional<int64_t> latestOffset(int64_t now_ms) override;
  types::Batch getBatch(std::optional<int64_t> start, int64_t end) override;
  void commit(int64_t end) override;
  void stop() override;
  std::optional<std::string> failure() const override { return failure_; }
  bool replayable() const override { return false; }

  std::string target() const { return host_ + ":" + std::to_string(port_); }
  // Called by the SocketHub.
  void receive(const std::string& line, int64_t time_ms);
  void fail(const std::string& reason) { failure_ = reason; }

  static types::Schema schemaFor(bool include_timestamp);

 private:
  std::weak_ptr<SocketHub> hub_;  // the session may end before its queries
  std::string host_;
  int port_;
  bool include_timestamp_;
  types::Schema schema_;
  bool connected_ = false;
  int64_t first_offset_ = 0;  // offset of lines_[0] (committed lines are dropped)
  std::vector<std::string> lines_;
  std::vector<int64_t> times_;
  std::optional<std::string> failure_;
  bool attached_ = false;
};

}  // namespace runnel::stream
