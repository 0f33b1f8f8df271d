// The bounded per-target line log: segments of up to 1 MiB, dropped oldest first.
#include "line_log.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "protocol.h"

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

LineLog::Segment& LineLog::writableSegment(uint32_t connection, size_t needed) {
  if (!segments_.empty()) {
    Segment& last = *segments_.back();
    bool room = last.json.size() + needed <= segment_bytes_ && last.ends.size() < segment_lines_;
    if (last.connection == connection && (room || last.ends.empty())) return last;
  }
  std::unique_ptr<Segment> segment = spare_ ? std::move(spare_) : std::make_unique<Segment>();
  segment->json.clear();
  segment->ends.clear();
  segment->json.reserve(segment_bytes_);
  segment->first_offset = endOffset();
  segment->connection = connection;
  segments_.push_back(std::move(segment));
  return *segments_.back();
}

void LineLog::append(std::string_view line, uint32_t connection) {
  Segment& segment = writableSegment(connection, line.size() + 3);
  size_t before = segment.json.size();
  appendJsonString(segment.json, line);
  segment.json.push_back(',');
  segment.ends.push_back(static_cast<uint32_t>(segment.json.size()));
  bytes_ += segment.json.size() - before;
  ++lines_;
}

void LineLog::trim(uint64_t pinned) {
  while (full() && !segments_.empty()) {
    Segment& oldest = *segments_.front();
    uint64_t end = oldest.first_offset + oldest.ends.size();
    if (end > pinned) return;
    lines_ -= oldest.ends.size();
    bytes_ -= oldest.json.size();
    start_ = end;
    // Keep one dropped segment's memory: refilling fresh pages costs more than reusing these.
    if (oldest.json.capacity() <= segment_bytes_ * 2) spare_ = std::move(segments_.front());
    segments_.pop_front();
  }
}

const LineLog::Segment& LineLog::segmentOf(uint64_t offset) const {
  auto it = std::upper_bound(
      segments_.begin(), segments_.end(), offset,
      [](uint64_t o, const std::unique_ptr<Segment>& s) { return o < s->first_offset; });
  return **(it - 1);
}

LogRun LineLog::read(uint64_t offset, size_t max_bytes) const {
  const Segment& segment = segmentOf(offset);
  size_t first = size_t(offset - segment.first_offset);
  size_t begin = first == 0 ? 0 : segment.ends[first - 1];
  // The first line whose end passes the budget ends the run (but one line always goes).
  auto limit = std::upper_bound(segment.ends.begin() + long(first), segment.ends.end(),
                                uint32_t(std::min<size_t>(begin + max_bytes, UINT32_MAX)));
  size_t last = std::max(first + 1, size_t(limit - segment.ends.begin()));
  size_t end = segment.ends[last - 1];
  LogRun run;
  run.first_offset = offset;
  run.count = last - first;
  run.connection = segment.connection;
  run.json = std::string_view(segment.json).substr(begin, end - begin - 1);  // without the comma
  return run;
}

std::string LineLog::line(uint64_t offset) const {
  LogRun run = read(offset, 0);
  return nlohmann::json::parse(run.json).get<std::string>();
}

}  // namespace runnel::relay
