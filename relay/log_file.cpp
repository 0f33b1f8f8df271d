// An append-only temporary file with hole punching (Linux: O_TMPFILE and FALLOC_FL_PUNCH_HOLE,
// with mkstemp + unlink and plain truncation-free appends as the portable fallbacks).
#include "log_file.h"

#include <fcntl.h>
#include <sys/uio.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <system_error>

namespace runnel::relay {

namespace {

std::system_error lastError(const std::string& what) {
  return std::system_error(errno, std::generic_category(), what);
}

std::string tempDirectory() {
  const char* dir = std::getenv("TMPDIR");
  return dir && *dir ? dir : "/tmp";
}

// Holes are punched in whole 1 MiB steps: fewer calls, and partial pages are not worth zeroing.
constexpr uint64_t kDropStep = uint64_t{1} << 20;

}  // namespace

LogFile::LogFile() {
  std::string dir = tempDirectory();
#ifdef O_TMPFILE
  fd_ = ::open(dir.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
#endif
  if (fd_ < 0) {
    std::string path = dir + "/runnel-log-XXXXXX";
    fd_ = ::mkstemp(path.data());
    if (fd_ < 0) throw lastError("cannot create the line log in " + dir + " (set TMPDIR)");
    ::unlink(path.c_str());  // nobody else needs its name; the space goes when we close it
  }
}

LogFile::~LogFile() {
  if (fd_ >= 0) ::close(fd_);
}

void LogFile::remember(std::string_view bytes) {
  // Mapped on first use: a target nobody writes to costs nothing.
  if (!recent_.data()) recent_ = HugePageBuffer(kRecentBytes);
  std::string_view tail =
      bytes.size() > kRecentBytes ? bytes.substr(bytes.size() - kRecentBytes) : bytes;
  uint64_t at = end_ + (bytes.size() - tail.size());
  while (!tail.empty()) {
    size_t index = size_t(at % kRecentBytes);
    size_t n = std::min(tail.size(), kRecentBytes - index);
    std::memcpy(recent_.data() + index, tail.data(), n);
    tail.remove_prefix(n);
    at += n;
  }
  recent_held_ = size_t(std::min<uint64_t>(kRecentBytes, recent_held_ + bytes.size()));
  end_ += bytes.size();  // the ring holds [end_ - recent_held_, end_)
}

void LogFile::append(std::string_view first, std::string_view second, bool keep_newest) {
  uint64_t at = end_;
  iovec pieces[2] = {{const_cast<char*>(first.data()), first.size()},
                     {const_cast<char*>(second.data()), second.size()}};
  iovec* piece = pieces;
  size_t count = 2;
  while (count > 0) {
    if (piece->iov_len == 0) {
      ++piece;
      --count;
      continue;
    }
    ssize_t n = ::pwritev(fd_, piece, int(count), off_t(at));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) throw lastError("cannot write the line log (is the temporary directory full?)");
    at += uint64_t(n);
    for (size_t done = size_t(n); done > 0;) {  // after a short write, go on from there
      size_t step = std::min(done, piece->iov_len);
      piece->iov_base = static_cast<char*>(piece->iov_base) + step;
      piece->iov_len -= step;
      done -= step;
      if (piece->iov_len == 0) {
        ++piece;
        --count;
      }
    }
  }
  if (keep_newest) {
    remember(first);
    remember(second);
  } else {
    recent_held_ = 0;
    end_ = at;
  }
}

void LogFile::read(uint64_t position, size_t size, char* into) const {
  if (position >= end_ - recent_held_ && position + size <= end_) {
    while (size > 0) {  // at most two pieces: the ring may wrap
      size_t index = size_t(position % kRecentBytes);
      size_t n = std::min(size, kRecentBytes - index);
      std::memcpy(into, recent_.data() + index, n);
      into += n;
      size -= n;
      position += n;
    }
    return;
  }
  while (size > 0) {
    ssize_t n = ::pread(fd_, into, size, off_t(position));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) throw lastError("cannot read the line log");
    into += n;
    size -= size_t(n);
    position += uint64_t(n);
  }
}

void LogFile::read(uint64_t position, size_t size, std::string& out) const {
  size_t at = out.size();
  out.resize(at + size);
  read(position, size, out.data() + at);
}

void LogFile::dropBefore(uint64_t position) {
  uint64_t until = position / kDropStep * kDropStep;
  if (until <= dropped_) return;
#if defined(FALLOC_FL_PUNCH_HOLE) && defined(FALLOC_FL_KEEP_SIZE)
  // Best effort: a file system without holes keeps the bytes, which costs disk, not correctness.
  (void)::fallocate(fd_, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, off_t(dropped_),
                    off_t(until - dropped_));
#endif
  dropped_ = until;
}

}  // namespace runnel::relay
