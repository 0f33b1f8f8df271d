// SocketSource: Spark's TextSocketMicroBatchStream. Schema `value: string` (+ `timestamp` with
// includeTimestamp). Offsets are line indexes (or the host log's numbers, see SocketHub); before
// the first batch "connects" the latest offset is -1, so batch 0 is always empty and lines typed
// before the start show up in batch 1, as in Spark. Restarted from a checkpoint it is connected at
// once and reads past the committed offset, re-reading from the host's log what that log still
// holds.
#pragma once

#include <memory>
#include <vector>

#include "stream/socket_hub.h"
#include "stream/source.h"

namespace runnel::stream {

class SocketSource final : public Source {
 public:
  SocketSource(std::weak_ptr<SocketHub> hub, std::string host, int port, bool include_timestamp);
  ~SocketSource() override;
  std::string description() const override;
  const types::Schema& schema() const override { return schema_; }
  std::optional<int64_t> latestOffset(int64_t now_ms) override;
  types::Batch getBatch(std::optional<int64_t> start, int64_t end) override;
  void commit(int64_t end) override;
  void resumeFrom(std::optional<int64_t> committed) override;
  void stop() override;
  std::optional<std::string> failure() const override { return failure_; }
  bool replayable() const override { return false; }

  std::string target() const { return host_ + ":" + std::to_string(port_); }
  // Called by the SocketHub. A line numbered at or below the newest offset is one this source
  // has read already (a replay overlapping the checkpoint) and is dropped.
  void receive(const SocketLine& line);
  void fail(const std::string& reason) { failure_ = reason; }

  static types::Schema schemaFor(bool include_timestamp);

 private:
  std::weak_ptr<SocketHub> hub_;  // the session may end before its queries
  std::string host_;
  int port_;
  bool include_timestamp_;
  types::Schema schema_;
  void connect(bool resumed);

  bool connected_ = false;
  int64_t latest_offset_ = -1;  // the newest line's offset (or the committed one on a resume)
  // Lines not yet committed, in offset order; offsets may skip numbers the host's log lost.
  std::vector<std::string> lines_;
  std::vector<int64_t> times_;
  std::vector<int64_t> offsets_;
  std::optional<std::string> failure_;
  bool attached_ = false;
};

}  // namespace runnel::stream
