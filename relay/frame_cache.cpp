// Building lines frames from the log, once per offset and encoding.
#include "frame_cache.h"

#include "target_connection.h"

namespace runnel::relay {

namespace {

WsMessage preparedFrame(std::string payload, websocketpp::frame::opcode::value opcode) {
  namespace frame = websocketpp::frame;
  auto message = std::make_shared<WsConfig::message_type>(nullptr, opcode, 0);
  uint64_t size = payload.size();
  message->get_raw_payload() = std::move(payload);
  // A server frame is unmasked and identical for every tab: prepare it once (our JSON is valid
  // UTF-8 by construction, so WebSocket++'s per-send validation and copy are not needed).
  message->set_header(frame::prepare_header(frame::basic_header(opcode, size, true, false),
                                            frame::extended_header(size)));
  message->set_prepared(true);
  return message;
}

}  // namespace

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
  // The oldest frame makes room. When no tab's queue holds it any more its buffer is reused: a
  // fresh 64 KiB would be fresh pages, and a page fault per 4 KiB costs more than the copy.
  std::string payload;
  if (frame.message && frame.message.use_count() == 1) {
    payload = std::move(frame.message->get_raw_payload());
    payload.clear();
  }
  frame.message.reset();
  websocketpp::frame::opcode::value opcode;
  if (encoding == LinesEncoding::Binary) {
    // The log's bytes are the message body: one copy, from memory or the log file.
    payload.append(binaryLinesHeader(target.key(), run.connection, run.first_offset, run.count));
    payload.reserve(payload.size() + run.bytes);
    log.copy(run, payload);
    opcode = websocketpp::frame::opcode::binary;
  } else {
    scratch_.clear();
    log.copy(run, scratch_);
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
