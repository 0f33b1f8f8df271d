// Recent lines messages of one target, ready to send: tabs at the same offset share one
// immutable frame (a shared_ptr held by every tab's send queue), so fanning out to N tabs costs
// no copies and no re-encoding.
#pragma once

#include <array>
#include <cstdint>
#include <string>

#include "protocol.h"
#include "ws_config.h"

namespace runnel::relay {

class TargetConnection;

class FrameCache {
 public:
  struct Frame {
    uint64_t first_offset = 0;
    size_t count = 0;
    LinesEncoding encoding = LinesEncoding::Json;
    WsMessage message;
  };
  // The frame starting at `offset` with at most about `max_bytes` of lines, built from the log
  // when not cached.
  const Frame& frameAt(const TargetConnection& target, uint64_t offset, size_t max_bytes,
                       LinesEncoding encoding);

 private:
  std::array<Frame, 32> frames_;  // about 2 MiB: tabs a few queues apart still share
  size_t next_ = 0;
  std::string scratch_;  // raw lines on their way into a JSON frame
};

}  // namespace runnel::relay
