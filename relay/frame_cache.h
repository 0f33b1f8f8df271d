// Lines messages of one target, ready to send: tabs at the same offset share one immutable frame
// (a shared_ptr held by every tab's send queue), so fanning out to N tabs costs no copies and no
// re-encoding. The newest frames are kept; older ones are found again for as long as some tab's
// queue still holds them, so tabs far apart share too without the cache holding memory for them.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

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
  struct Known {
    size_t count = 0;
    std::weak_ptr<WsConfig::message_type> message;
  };
  const Frame* find(uint64_t offset, LinesEncoding encoding);
  // A lines message whose payload goes back to spares_ when the last queue lets go of it.
  WsMessage preparedFrame(std::string payload, websocketpp::frame::opcode::value opcode);
  std::string sparePayload();

  // Payload buffers of sent frames, for the next frames: a fresh 64 KiB would be fresh pages, and
  // a page fault per 4 KiB costs more than the copy into it. Shared with the messages' deleters,
  // which may outlive the cache.
  using Spares = std::vector<std::string>;
  std::shared_ptr<Spares> spares_ = std::make_shared<Spares>();

  std::array<Frame, 16> frames_;               // the newest, about 1 MiB
  std::unordered_map<uint64_t, Known> known_;  // offset * 2 + binary -> a frame queues may hold
  Frame found_;  // what find() returns for a frame no longer in frames_
  size_t next_ = 0;
  std::string scratch_;  // raw lines on their way into a JSON frame
};

}  // namespace runnel::relay
