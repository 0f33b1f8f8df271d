// The relay's bounded, offset-numbered log of one target's lines: what makes the socket source
// replayable (a tab resumes from its offset). The lines' bytes, each followed by '\n', live in a
// LogFile; memory holds only where each line ends (LineEnds).
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "line_ends.h"
#include "log_file.h"

namespace runnel::relay {

struct LogLimits {
  size_t max_lines = 1'000'000;
  size_t max_bytes = size_t{64} << 20;
};

// A run of consecutive lines from one segment (and so from one TCP connection): `bytes` bytes at
// `position` in the log file, each line followed by '\n'.
struct LogRun {
  uint64_t first_offset = 0;
  size_t count = 0;
  uint32_t connection = 0;
  uint64_t position = 0;
  size_t bytes = 0;
};

class LineLog {
 public:
  explicit LineLog(LogLimits limits);  // throws std::system_error when no log file can be made

  // Appends one line from TCP connection number `connection`; never drops anything itself. The
  // line is readable after commit() (one file write per TCP read, not one per line).
  void append(std::string_view line, uint32_t connection);
  // Appends whole lines at once, as LineSink::lines gives them (`block`: each line followed by
  // '\n'; `ends[i]`: the end of line i in block). Written at once: the block and what was staged
  // before it are committed.
  void appendLines(std::string_view block, const std::vector<uint32_t>& ends, uint32_t connection);
  void commit();
  // The furthest offset a tab reads next (a tab subscribed at the end: endOffset()). Lines
  // appended while it is further behind than the in-memory ring of newest bytes reaches are
  // written to the file only: the tab will read the file for them anyway.
  void setLeadingReader(uint64_t offset) { leading_reader_ = offset; }
  // Drops the oldest lines while the log is over its limits, but never a line at or after
  // `pinned` (the oldest offset a connected tab still needs).
  void trim(uint64_t pinned);
  // Over the limits: the owner stops reading its target until trim() can make room.
  bool full() const { return lines_ > limits_.max_lines || bytes_ > limits_.max_bytes; }

  uint64_t startOffset() const { return start_; }
  // The end of the committed lines: what read() can give.
  uint64_t endOffset() const { return start_ + lines_ - staged_lines_; }
  size_t lines() const { return lines_; }
  size_t bytes() const { return bytes_; }

  // Lines from `offset` (startOffset() <= offset < endOffset()) within one segment, at most
  // `max_bytes` of them (but always at least one line).
  LogRun read(uint64_t offset, size_t max_bytes) const;
  // Copies the run's bytes (each line followed by '\n') to `into` (run.bytes of room).
  void copy(const LogRun& run, char* into) const;
  // Appends them to `out`.
  void copy(const LogRun& run, std::string& out) const;
  // One line without its '\n' (tests and diagnostics).
  std::string line(uint64_t offset) const;

 private:
  struct Segment {
    uint64_t first_offset = 0;
    uint32_t connection = 0;
    uint64_t position = 0;  // of its first byte in the file
    size_t count = 0;       // lines; line i ends at ends_.at(first_offset + i) from `position`
    uint32_t used = 0;      // bytes: where its last line ends
  };
  const Segment& segmentOf(uint64_t offset) const;
  bool leadingReaderNearEnd() const;  // whether appends should go to the ring too
  // The segment line bytes at file `position` go to: the last one, or a new one from there.
  Segment& writableSegment(uint32_t connection, size_t needed, uint64_t position);

  LogLimits limits_;
  size_t segment_bytes_;
  size_t segment_lines_;
  LogFile file_;
  LineEnds ends_;
  std::deque<Segment> segments_;
  std::string staged_;  // appended since the last commit(), going to the file's end
  uint64_t start_ = 0;
  size_t lines_ = 0;
  size_t staged_lines_ = 0;
  size_t bytes_ = 0;
  uint64_t leading_reader_ = UINT64_MAX;  // none set: always near
};

}  // namespace runnel::relay
