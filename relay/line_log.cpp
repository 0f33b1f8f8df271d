// The bounded per-target line log: segments of up to 1 MiB, dropped oldest first.
#include "line_log.h"

#include <algorithm>

namespace runnel::relay {

namespace {
// Segments are the unit of dropping: small enough that a full log drops little at once, big
// enough that a lines message rarely has to stop at a segment's end.
constexpr size_t kSegmentBytes = size_t{1} << 20;
constexpr size_t kSegmentLines = 16384;

// Line ends in chunks of a power of two lines, at most 512 Ki (2 MiB: one huge page) and at most
// the line limit, so that a small log does not hold a big chunk.
size_t endsChunkLines(size_t max_lines) {
  size_t lines = 1024;
  while (lines < (size_t{512} << 10) && lines * 2 <= max_lines)
    lines *= 2;
  return lines;
}
}  // namespace

// A full log holds at least 8 segments, so dropping the oldest one frees little at a time.
LineLog::LineLog(LogLimits limits)
    : limits_(limits),
      segment_bytes_(std::max<size_t>(1, std::min(kSegmentBytes, limits.max_bytes / 8))),
      segment_lines_(std::max<size_t>(1, std::min(kSegmentLines, limits.max_lines / 8))),
      ends_(endsChunkLines(limits.max_lines)) {}

LineLog::Segment& LineLog::writableSegment(uint32_t connection, size_t needed, uint64_t position) {
  if (!segments_.empty()) {
    Segment& last = segments_.back();
    bool room = last.used + needed <= segment_bytes_ && last.count < segment_lines_;
    if (last.connection == connection && (room || last.count == 0)) return last;
  }
  Segment segment;
  segment.first_offset = start_ + lines_;
  segment.connection = connection;
  segment.position = position;
  segments_.push_back(segment);
  return segments_.back();
}

void LineLog::append(std::string_view line, uint32_t connection) {
  Segment& segment = writableSegment(connection, line.size() + 1, file_.end() + staged_.size());
  staged_.append(line).push_back('\n');
  segment.used += static_cast<uint32_t>(line.size() + 1);
  ++segment.count;
  ends_.push(segment.used);
  bytes_ += line.size() + 1;
  ++lines_;
  ++staged_lines_;
}

void LineLog::appendLines(std::string_view block, const std::vector<uint32_t>& ends,
                          uint32_t connection) {
  // Written at once, behind what was staged (one write, and no copy of the block).
  uint64_t position = file_.end() + staged_.size();  // of the block's first byte
  file_.append(staged_, block, leadingReaderNearEnd());
  staged_.clear();
  staged_lines_ = 0;
  size_t i = 0;
  uint32_t base = 0;  // where line i begins in block
  while (i < ends.size()) {
    Segment& segment = writableSegment(connection, ends[i] - base, position + base);
    // As many lines as the segment takes (at least one: writableSegment made room for it).
    size_t room = segment_lines_ - std::min(segment_lines_, segment.count);
    uint32_t byte_limit = static_cast<uint32_t>(
        base + (segment_bytes_ - std::min<size_t>(segment_bytes_, segment.used)));
    auto last = std::upper_bound(
        ends.begin() + long(i),
        ends.begin() + long(std::min(ends.size(), i + std::max<size_t>(room, 1))), byte_limit);
    size_t count = std::max<size_t>(1, size_t(last - (ends.begin() + long(i))));
    // Line ends move from the block's start to the segment's.
    ends_.append(ends.data() + i, count, segment.used - base);
    segment.used += ends[i + count - 1] - base;
    segment.count += count;
    lines_ += count;
    bytes_ += ends[i + count - 1] - base;
    i += count;
    base = ends[i - 1];
  }
}

void LineLog::commit() {
  if (staged_.empty()) return;
  file_.append(staged_, {}, leadingReaderNearEnd());
  staged_.clear();
  staged_lines_ = 0;
}

void LineLog::trim(uint64_t pinned) {
  commit();  // a staged line's segment must not go before its bytes are in the file
  bool dropped = false;
  while (full() && !segments_.empty()) {
    const Segment& oldest = segments_.front();
    uint64_t end = oldest.first_offset + oldest.count;
    if (end > pinned) break;
    lines_ -= oldest.count;
    bytes_ -= oldest.used;
    start_ = end;
    segments_.pop_front();
    dropped = true;
  }
  if (!dropped) return;
  file_.dropBefore(segments_.empty() ? file_.end() : segments_.front().position);
  ends_.dropBefore(start_);
}

bool LineLog::leadingReaderNearEnd() const {
  if (leading_reader_ >= endOffset()) return true;  // at the end: the next lines are for it
  if (leading_reader_ < start_) return false;
  const Segment& segment = segmentOf(leading_reader_);
  uint64_t position = segment.position +
                      (leading_reader_ == segment.first_offset ? 0 : ends_.at(leading_reader_ - 1));
  return position + LogFile::kRecentBytes >= file_.end();
}

const LineLog::Segment& LineLog::segmentOf(uint64_t offset) const {
  auto it = std::upper_bound(segments_.begin(), segments_.end(), offset,
                             [](uint64_t o, const Segment& s) { return o < s.first_offset; });
  return *(it - 1);
}

LogRun LineLog::read(uint64_t offset, size_t max_bytes) const {
  const Segment& segment = segmentOf(offset);
  // Staged lines (at the end of the last segment or two) are not in the file yet.
  uint64_t readable_end = std::min<uint64_t>(segment.first_offset + segment.count, endOffset());
  size_t begin = offset == segment.first_offset ? 0 : ends_.at(offset - 1);
  // The first line whose end passes the budget ends the run (but one line always goes).
  uint64_t limit = ends_.upperBound(offset, readable_end,
                                    uint32_t(std::min<size_t>(begin + max_bytes, UINT32_MAX)));
  uint64_t last = std::max(offset + 1, limit);  // one past the run's last line
  LogRun run;
  run.first_offset = offset;
  run.count = size_t(last - offset);
  run.connection = segment.connection;
  run.position = segment.position + begin;
  run.bytes = ends_.at(last - 1) - begin;
  return run;
}

void LineLog::copy(const LogRun& run, char* into) const {
  file_.read(run.position, run.bytes, into);
}

void LineLog::copy(const LogRun& run, std::string& out) const {
  file_.read(run.position, run.bytes, out);
}

std::string LineLog::line(uint64_t offset) const {
  std::string text;
  copy(read(offset, 0), text);
  text.pop_back();  // its '\n'
  return text;
}

}  // namespace runnel::relay
