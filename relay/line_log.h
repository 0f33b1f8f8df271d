// The relay's bounded, offset-numbered log of one target's lines: what makes the socket source
// replayable (a tab resumes from its offset). Lines are stored JSON-encoded, ready to send.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace runnel::relay {

struct LogLimits {
  size_t max_lines = 1'000'000;
  size_t max_bytes = size_t{64} << 20;
};

// A run of consecutive lines from one segment (and so from one TCP connection), as the
// comma-separated JSON strings of a lines message: `"a","b"`.
struct LogRun {
  uint64_t first_offset = 0;
  size_t count = 0;
  uint32_t connection = 0;
  std::string_view json;
};

class LineLog {
 public:
  explicit LineLog(LogLimits limits);

  // Appends one line from TCP connection number `connection`; never drops anything itself.
  void append(std::string_view line, uint32_t connection);
  // Drops the oldest lines while the log is over its limits, but never a line at or after
  // `pinned` (the oldest offset a connected tab still needs).
  void trim(uint64_t pinned);
  // Over the limits: the owner stops reading its target until trim() can make room.
  bool full() const { return lines_ > limits_.max_lines || bytes_ > limits_.max_bytes; }

  uint64_t startOffset() const { return start_; }
  uint64_t endOffset() const { return start_ + lines_; }
  size_t lines() const { return lines_; }
  size_t bytes() const { return bytes_; }

  // Lines from `offset` (startOffset() <= offset < endOffset()) within one segment, at most
  // `max_bytes` of JSON (but always at least one line).
  LogRun read(uint64_t offset, size_t max_bytes) const;
  // One line decoded back from its JSON form (tests and diagnostics).
  std::string line(uint64_t offset) const;

 private:
  struct Segment {
    uint64_t first_offset = 0;
    uint32_t connection = 0;
    std::string json;            // `"a","b",` (each line followed by a comma)
    std::vector<uint32_t> ends;  // end of line i in json, its comma included
  };
  const Segment& segmentOf(uint64_t offset) const;
  Segment& writableSegment(uint32_t connection, size_t needed);

  LogLimits limits_;
  size_t segment_bytes_;
  size_t segment_lines_;
  std::deque<std::unique_ptr<Segment>> segments_;
  std::unique_ptr<Segment> spare_;  // a dropped segment kept to reuse its memory
  uint64_t start_ = 0;
  size_t lines_ = 0;
  size_t bytes_ = 0;  // JSON bytes held (about the lines' size)
};

}  // namespace runnel::relay
