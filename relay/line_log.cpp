// The bounded per-target line log: segments of up to 1 MiB, dropped oldest first.
#include "line_log.h"

#include <algorithm>

namespace runnel::relay {

namespace {
// Segments are the unit of dropping: small enough that a full log drops little at once, big
// enough that a lines message rarely has to stop at a segment's end.
constexpr size_t kSegmentBytes = size_t{1} << 20;
constexpr size_t kSegmentLines = 16384;
}  // namespace

// A full log holds at least 8 segments, so dropping the oldest one frees little at a time.
LineLog::LineLog(LogLimits limits)
    : limits_(limits),
      segment_bytes_(std::max<size_t>(1, std::min(kSegmentBytes, limits.max_bytes / 8))),
      segment_lines_(std::max<size_t>(1, std::min(kSegmentLines, limits.max_lines / 8))) {}

LineLog::Segment& LineLog::writableSegment(uint32_t connection, size_t needed, uint64_t position) {
  if (!segments_.empty()) {
    Segment& last = segments_.back();
    size_t used = last.ends.empty() ? 0 : last.ends.back();
    bool room = used + needed <= segment_bytes_ && last.ends.size() < segment_lines_;
    if (last.connection == connection && (room || last.ends.empty())) return last;
  }
  Segment segment;
  segment.first_offset = start_ + lines_;
  segment.connection = connection;
  segment.position = position;
  segment.ends.reserve(segment_lines_);  // grown once, never copied while it fills
  segments_.push_back(std::move(segment));
  return segments_.back();
}

void LineLog::append(std::string_view line, uint32_t connection) {
  Segment& segment = writableSegment(connection, line.size() + 1, file_.end() + staged_.size());
  staged_.append(line).push_back('\n');
  size_t used = segment.ends.empty() ? 0 : segment.ends.back();
  segment.ends.push_back(static_cast<uint32_t>(used + line.size() + 1));
  bytes_ += line.size() + 1;
  ++lines_;
  ++staged_lines_;
}

void LineLog::appendLines(std::string_view block, const std::vector<uint32_t>& ends,
                          uint32_t connection) {
  // Written at once, behind what was staged (one write, and no copy of the block).
  uint64_t position = file_.end() + staged_.size();  // of the block's first byte
  file_.append(staged_, block);
  staged_.clear();
  staged_lines_ = 0;
  size_t i = 0;
  uint32_t base = 0;  // where line i begins in block
  while (i < ends.size()) {
    Segment& segment = writableSegment(connection, ends[i] - base, position + base);
    // As many lines as the segment takes (at least one: writableSegment made room for it).
    size_t room = segment_lines_ - std::min(segment_lines_, segment.ends.size());
    uint32_t used = segment.ends.empty() ? 0 : segment.ends.back();
    uint32_t byte_limit =
        static_cast<uint32_t>(base + (segment_bytes_ - std::min<size_t>(segment_bytes_, used)));
    auto last = std::upper_bound(
        ends.begin() + long(i),
        ends.begin() + long(std::min(ends.size(), i + std::max<size_t>(room, 1))), byte_limit);
    size_t count = std::max<size_t>(1, size_t(last - (ends.begin() + long(i))));
    uint32_t shift = used - base;  // line ends move from the block's start to the segment's
    size_t first = segment.ends.size();
    segment.ends.insert(segment.ends.end(), ends.begin() + long(i), ends.begin() + long(i + count));
    for (auto it = segment.ends.begin() + long(first); it != segment.ends.end(); ++it)
      *it += shift;  // a loop the compiler vectorises
    lines_ += count;
    bytes_ += ends[i + count - 1] - base;
    i += count;
    base = ends[i - 1];
  }
}

void LineLog::commit() {
  if (staged_.empty()) return;
  file_.append(staged_);
  staged_.clear();
  staged_lines_ = 0;
}

void LineLog::trim(uint64_t pinned) {
  commit();  // a staged line's segment must not go before its bytes are in the file
  bool dropped = false;
  while (full() && !segments_.empty()) {
    const Segment& oldest = segments_.front();
    uint64_t end = oldest.first_offset + oldest.ends.size();
    if (end > pinned) break;
    lines_ -= oldest.ends.size();
    bytes_ -= oldest.ends.empty() ? 0 : oldest.ends.back();
    start_ = end;
    segments_.pop_front();
    dropped = true;
  }
  if (dropped) file_.dropBefore(segments_.empty() ? file_.end() : segments_.front().position);
}

const LineLog::Segment& LineLog::segmentOf(uint64_t offset) const {
  auto it = std::upper_bound(segments_.begin(), segments_.end(), offset,
                             [](uint64_t o, const Segment& s) { return o < s.first_offset; });
  return *(it - 1);
}

LogRun LineLog::read(uint64_t offset, size_t max_bytes) const {
  const Segment& segment = segmentOf(offset);
  size_t first = size_t(offset - segment.first_offset);
  // Staged lines (at the end of the last segment or two) are not in the file yet.
  size_t readable = std::min<size_t>(segment.ends.size(), endOffset() - segment.first_offset);
  size_t begin = first == 0 ? 0 : segment.ends[first - 1];
  // The first line whose end passes the budget ends the run (but one line always goes).
  auto ends_end = segment.ends.begin() + long(readable);
  auto limit = std::upper_bound(segment.ends.begin() + long(first), ends_end,
                                uint32_t(std::min<size_t>(begin + max_bytes, UINT32_MAX)));
  size_t last = std::max(first + 1, size_t(limit - segment.ends.begin()));
  LogRun run;
  run.first_offset = offset;
  run.count = last - first;
  run.connection = segment.connection;
  run.position = segment.position + begin;
  run.bytes = segment.ends[last - 1] - begin;
  return run;
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
