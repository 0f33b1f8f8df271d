// A tab's cursors and bounded send queue (Asio chat_server's one-write-in-flight, but bounded).
#include "subscriber.h"

#include <algorithm>

namespace runnel::relay {

bool Subscriber::subscribe(TargetConnection& target, FrameCache& cache, uint64_t cursor,
                           LinesEncoding encoding) {
  for (Subscription& subscription : subscriptions_) {
    if (subscription.target == &target) {
      subscription.cursor = cursor;
      subscription.encoding = encoding;
      return true;
    }
  }
  if (subscriptions_.size() >= limits_.max_subscriptions) return false;
  subscriptions_.push_back(Subscription{&target, &cache, cursor, encoding});
  return true;
}

bool Subscriber::unsubscribe(const TargetConnection& target) {
  auto it = std::find_if(subscriptions_.begin(), subscriptions_.end(),
                         [&](const Subscription& s) { return s.target == &target; });
  if (it == subscriptions_.end()) return false;
  subscriptions_.erase(it);
  return true;
}

const Subscriber::Subscription* Subscriber::find(const TargetConnection& target) const {
  for (const Subscription& subscription : subscriptions_) {
    if (subscription.target == &target) return &subscription;
  }
  return nullptr;
}

void Subscriber::sendText(const std::string& text) {
  // A closing connection refuses sends; its close handler cleans up.
  (void)connection_->send(text, websocketpp::frame::opcode::text);
}

bool Subscriber::pump() {
  paused_ = false;
  if (connection_->get_state() != websocketpp::session::state::open) return false;
  for (Subscription& subscription : subscriptions_) {
    const LineLog& log = subscription.target->log();
    while (subscription.cursor < log.endOffset()) {
      if (connection_->get_buffered_amount() >= limits_.high_water) {
        paused_ = true;
        return true;
      }
      if (subscription.cursor < log.startOffset()) {
        sendText(encodeGap(subscription.target->key(), subscription.cursor, log.startOffset()));
        subscription.cursor = log.startOffset();
        continue;
      }
      const FrameCache::Frame& frame = subscription.cache->frameAt(
          *subscription.target, subscription.cursor, limits_.message_bytes, subscription.encoding);
      if (connection_->send(frame.message)) return false;
      subscription.cursor += frame.count;
    }
  }
  return false;
}

}  // namespace runnel::relay
