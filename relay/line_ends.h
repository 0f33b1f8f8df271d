// Where each line of a log ends, indexed by offset: the 4 bytes a line that the relay's heap holds
// for its log. Chunks of a power of two lines, each its own mapping (2 MiB, a huge page, for the
// default 1,000,000-line log: see huge_pages.h), dropped whole once trimming has passed them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>

#include "huge_pages.h"

namespace runnel::relay {

class LineEnds {
 public:
  // `chunk_lines`: a power of two.
  explicit LineEnds(size_t chunk_lines);

  uint64_t end() const { return end_; }  // the offset the next push() numbers
  uint32_t at(uint64_t offset) const {   // start() <= offset < end()
    return ends(offset)[offset & mask_];
  }
  void push(uint32_t value);
  // Pushes `values[i] + shift` for i in [0, count).
  void append(const uint32_t* values, size_t count, uint32_t shift);
  // The first offset in [from, to) whose value is above `value`, or `to`; values must increase
  // over [from, to) (they do within a segment).
  uint64_t upperBound(uint64_t from, uint64_t to, uint32_t value) const;
  // Offsets before `offset` are no longer read: their chunks are given back.
  void dropBefore(uint64_t offset);

 private:
  uint32_t* ends(uint64_t offset) const {
    return reinterpret_cast<uint32_t*>(chunks_[size_t((offset >> shift_) - first_chunk_)].data());
  }
  uint32_t* room();  // where end_ goes, its chunk mapped

  unsigned shift_;  // log2 of the lines per chunk
  uint64_t mask_;
  uint64_t first_chunk_ = 0;  // chunks_[0] holds offsets from first_chunk_ << shift_
  uint64_t end_ = 0;
  std::deque<HugePageBuffer> chunks_;
};

}  // namespace runnel::relay
