// Building lines frames from the log, once per offset and encoding.
#include "frame_cache.h"

#include <cstring>

#include "target_connection.h"

namespace runnel::relay {

namespace {
// Spare payloads kept: more than a tab has queued and in flight at once (about 1 MiB of frames).
constexpr size_t kSparePayloads = 32;
}  // namespace

WsMessage FrameCache::preparedFrame(std::string payload, websocketpp::frame::opcode::value opcode) {
  namespace frame = websocketpp::frame;
  using Message = WsConfig::message_type;
  std::weak_ptr<Spares> spares = spares_;
  WsMessage message(new Message(nullptr, opcode, 0), [spares](Message* sent) {
    if (auto pool = spares.lock(); pool && pool->size() < kSparePayloads)
      pool->push_back(std::move(sent->get_raw_payload()));
    delete sent;
  });
  uint64_t size = payload.size();
  message->get_raw_payload() = std::move(payload);
  // A server frame is unmasked and identical for every tab: prepare it once (our JSON is valid
  // UTF-8 by construction, so WebSocket++'s per-send validation and copy are not needed).
  message->set_header(frame::prepare_header(frame::basic_header(opcode, size, true, false),
                                            frame::extended_header(size)));
  message->set_prepared(true);
  return message;
}

std::string FrameCache::sparePayload() {
  if (spares_->empty()) return {};
  std::string payload = std::move(spares_->back());
  spares_->pop_back();
  return payload;
}

const FrameCache::Frame* FrameCache::find(uint64_t offset, LinesEncoding encoding) {
  for (const Frame& frame : frames_) {
    if (frame.message && frame.first_offset == offset && frame.encoding == encoding) return &frame;
  }
  auto it = known_.find(offset * 2 + (encoding == LinesEncoding::Binary));
  if (it == known_.end()) return nullptr;
  WsMessage message = it->second.message.lock();
  if (!message) {
    known_.erase(it);
    return nullptr;
  }
  found_ = Frame{offset, it->second.count, encoding, std::move(message)};
  return &found_;
}

const FrameCache::Frame& FrameCache::frameAt(const TargetConnection& target, uint64_t offset,
                                             size_t max_bytes, LinesEncoding encoding) {
  if (const Frame* frame = find(offset, encoding)) return *frame;
  // Forget frames no queue holds any more (amortised: only once the table has grown).
  if (known_.size() >= 4096) {
    for (auto it = known_.begin(); it != known_.end();)
      it = it->second.message.expired() ? known_.erase(it) : std::next(it);
  }
  const LineLog& log = target.log();
  LogRun run = log.read(offset, max_bytes);
  Frame& frame = frames_[next_];
  next_ = (next_ + 1) % frames_.size();
  frame.message.reset();  // the oldest frame makes room (its payload is spare once sent)
  std::string payload = sparePayload();
  websocketpp::frame::opcode::value opcode;
  if (encoding == LinesEncoding::Binary) {
    // The log's bytes are the message body, read straight into it. A spare payload keeps its
    // size: resizing it shrinks or grows a little, rather than zero-filling what is read over.
    std::string header =
        binaryLinesHeader(target.key(), run.connection, run.first_offset, run.count);
    payload.resize(header.size() + run.bytes);
    std::memcpy(payload.data(), header.data(), header.size());
    log.copy(run, payload.data() + header.size());
    opcode = websocketpp::frame::opcode::binary;
  } else {
    scratch_.resize(run.bytes);  // kept between frames: no zero-fill but of growth
    log.copy(run, scratch_.data());
    payload.clear();
    payload.append(linesPrefix(target.key(), run.connection, run.first_offset));
    appendJsonLines(payload, scratch_);
    payload.append(kLinesSuffix);
    opcode = websocketpp::frame::opcode::text;
  }
  frame = Frame{offset, run.count, encoding, preparedFrame(std::move(payload), opcode)};
  known_[offset * 2 + (encoding == LinesEncoding::Binary)] = Known{run.count, frame.message};
  return frame;
}

}  // namespace runnel::relay
