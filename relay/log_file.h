// The bytes of one target's line log, kept in an unlinked temporary file rather than on the heap:
// the kernel's page cache holds the recent part (and may write it out under memory pressure), so
// a full 64 MiB log neither counts in the relay's resident memory nor costs a page fault per 4 KiB
// the first time it is filled (Kafka keeps its log the same way). The newest bytes are also kept
// in a small ring in memory: tabs that keep up read from it with one memcpy, no system call.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "huge_pages.h"

namespace runnel::relay {

class LogFile {
 public:
  // Creates the file in $TMPDIR (else /tmp); throws std::system_error when it cannot.
  LogFile();
  ~LogFile();
  LogFile(const LogFile&) = delete;
  LogFile& operator=(const LogFile&) = delete;

  // Appends `first` then `second` at end(), in one write (positions only grow: a dropped range
  // leaves a hole, never a reuse). `keep_newest`: copy them into the ring too; without it the ring
  // is emptied (it holds only the bytes just before end()), which saves the copy when every
  // reader is too far behind to find them there.
  void append(std::string_view first, std::string_view second = {}, bool keep_newest = true);
  uint64_t end() const { return end_; }
  // Reads `size` bytes from `position` into `into`: from the ring when it still holds them, else
  // straight from the file (no staging copy).
  void read(uint64_t position, size_t size, char* into) const;
  // Appends them to `out` (which zero-fills its growth first).
  void read(uint64_t position, size_t size, std::string& out) const;
  // The newest bytes kept in memory (tests: a read before end() - this goes to the file): one huge
  // page.
  static constexpr size_t kRecentBytes = HugePageBuffer::kHugePage;
  // The bytes before `position` are no longer needed: give their disk and cache space back.
  void dropBefore(uint64_t position);

 private:
  void remember(std::string_view bytes);  // copies them into the ring; moves end_

  int fd_ = -1;
  uint64_t end_ = 0;
  uint64_t dropped_ = 0;   // bytes before this were given back
  HugePageBuffer recent_;  // ring: position p at p % kRecentBytes, for [end_ - held, end_)
  size_t recent_held_ = 0;
};

}  // namespace runnel::relay
