// A tab's cursors and bounded send queue (Asio chat_server's one-write-in-flight, but bounded).
#include "subscriber.h"

#include <algorithm>

namespace runnel::relay {

namespace {

WsMessage textFrame(std::string payload) {
  namespace frame = websocketpp::frame;
  auto message = std::make_shared<WsConfig::message_type>(nullptr, frame::opcode::text, 0);
  uint64_t size = payload.size();
  message->get_raw_payload() = std::move(payload);
  // A server frame is unmasked and identical for every tab: prepare it once (our JSON is valid
  // UTF-8 by construction, so WebSocket++'s per-send validation and copy are not needed).
  message->set_header(frame::prepare_header(
      frame::basic_header(frame::opcode::text, size, true, false), frame::extended_header(size)));
  message->set_prepared(true);
  return message;
}

}  // namespace

const FrameCache::Frame& FrameCache::frameAt(const TargetConnection& target, uint64_t offset,
                                             size_t max_bytes) {
  for (const Frame& frame : frames_) {
    if (frame.message && frame.first_offset == offset) return frame;
  }
  LogRun run = target.log().read(offset, max_bytes);
  std::string payload = linesPrefix(target.key(), run.connection, run.first_offset);
  payload.reserve(payload.size() + run.json.size() + kLinesSuffix.size());
  payload.append(run.json).append(kLinesSuffix);
  Frame& frame = frames_[next_];
  next_ = (next_ + 1) % frames_.size();
  frame = Frame{offset, run.count, textFrame(std::move(payload))};
  return frame;
}

bool Subscriber::subscribe(TargetConnection& target, FrameCache& cache, uint64_t cursor) {
  for (Subscription& subscription : subscriptions_) {
    if (subscription.target == &target) {
      subscription.cursor = cursor;
      return true;
    }
  }
  if (subscriptions_.size() >= limits_.max_subscriptions) return false;
  subscriptions_.push_back(Subscription{&target, &cache, cursor});
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
          *subscription.target, subscription.cursor, limits_.message_bytes);
      if (connection_->send(frame.message)) return false;
      subscription.cursor += frame.count;
    }
  }
  return false;
}

}  // namespace runnel::relay
