// One tab (WebSocket connection): its subscriptions, each a cursor into a target's log, and flow
// control: at most `high_water` bytes queued at once, so a slow tab is paused, never buffered for.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "frame_cache.h"
#include "target_connection.h"
#include "ws_config.h"

namespace runnel::relay {

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
    LinesEncoding encoding = LinesEncoding::Json;
  };

  Subscriber(WsConnection connection, SubscriberLimits limits)
      : connection_(std::move(connection)), limits_(limits) {}

  // Adds or moves a subscription; false when the tab already has the maximum number.
  bool subscribe(TargetConnection& target, FrameCache& cache, uint64_t cursor,
                 LinesEncoding encoding);
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
