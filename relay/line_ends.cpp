// The log's line-end index in fixed chunks: appends never move what is there (no regrowth copy).
#include "line_ends.h"

#include <algorithm>

namespace runnel::relay {

LineEnds::LineEnds(size_t chunk_lines) : shift_(0) {
  while ((size_t{1} << shift_) < chunk_lines)
    ++shift_;
  mask_ = (uint64_t{1} << shift_) - 1;
}

uint32_t* LineEnds::room() {
  if (chunks_.empty()) first_chunk_ = end_ >> shift_;
  if ((end_ >> shift_) - first_chunk_ == chunks_.size())
    chunks_.emplace_back(sizeof(uint32_t) << shift_);
  return ends(end_) + (end_ & mask_);
}

void LineEnds::push(uint32_t value) {
  *room() = value;
  ++end_;
}

void LineEnds::append(const uint32_t* values, size_t count, uint32_t shift) {
  while (count > 0) {  // a piece per chunk
    uint32_t* out = room();
    size_t n = std::min<uint64_t>(count, (mask_ + 1) - (end_ & mask_));
    for (size_t i = 0; i < n; ++i)
      out[i] = values[i] + shift;  // a loop the compiler vectorises
    values += n;
    count -= n;
    end_ += n;
  }
}

uint64_t LineEnds::upperBound(uint64_t from, uint64_t to, uint32_t value) const {
  while (from < to) {  // binary search; within one chunk, std::upper_bound on the array
    uint64_t chunk_end = std::min(to, ((from >> shift_) + 1) << shift_);
    if (at(chunk_end - 1) > value) {
      const uint32_t* base = ends(from);
      const uint32_t* hit =
          std::upper_bound(base + (from & mask_), base + ((chunk_end - 1) & mask_) + 1, value);
      return from + uint64_t(hit - (base + (from & mask_)));
    }
    from = chunk_end;
  }
  return to;
}

void LineEnds::dropBefore(uint64_t offset) {
  while (!chunks_.empty() && ((first_chunk_ + 1) << shift_) <= offset) {
    chunks_.pop_front();
    ++first_chunk_;
  }
}

}  // namespace runnel::relay
