// One tab (WebSocket connection): its subscriptions, each a cursor into a target's log, and flow
// control: at most `high_water` bytes queued at once, so a slow tab is paused, never buffered for.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "target_connection.h"
#include "ws_config.h"

namespace runnel::relay {

// Recent lines frames of one target, ready to send: tabs at the same offset share one frame, so
// fanning out to N tabs costs no copies and no re-encoding.
class FrameCache {
 public:
  struct Frame {
    uint64_t first_offset = 0;
    size_t count = 0;
    WsMessage message;
  };
  // The frame starting at `offset`, built from the log when not cached.
  const Frame& frameAt(const TargetConnection& target, uint64_t offset, size_t max_bytes);

 private:
  std::array<Frame, 16> frames_;
  size_t next_ = 0;
};

struct SubscriberLimits {
  size_t high_water = size_t{128} << 10;
  size_t message_bytes = size_t{64} << 10;
  size_t max_subscriptions = 8;
};

class Subscriber {
 public:
  struct Subscription {
    TargetConnection* target = nullptr;
    FrameCache* cache = nullptr;
    uint64_t cursor = 0;  // the next offset this tab gets
  };

  Subscriber(WsConnection connection, SubscriberLimits limits)
      : connection_(std::move(connection)), limits_(limits) {}

  // Adds or moves a subscription; false when the tab already has the maximum number.
  bool subscribe(TargetConnection& target, FrameCache& cache, uint64_t cursor);
  bool unsubscribe(const TargetConnection& target);
  const Subscription* find(const TargetConnection& target) const;
  const std::vector<Subscription>& subscriptions() const { return subscriptions_; }

  // Sends what the logs hold past each cursor until the queue is full. Returns true when the tab
  // is paused with lines still to send (call again once its queue drains).
  bool pump();
  void sendText(const std::string& text);
  bool paused() const { return paused_; }
  const WsConnection& connection() const { return connection_; }

 private:
  WsConnection connection_;
  SubscriberLimits limits_;
  std::vector<Subscription> subscriptions_;
  bool paused_ = false;
};

}  // namespace runnel::relay
