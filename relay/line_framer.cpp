// Line framing for the relay (Spark's TextSocketSource reads with BufferedReader.readLine).
#include "line_framer.h"

#include <cstring>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace runnel::relay {

#ifdef __SSE2__
namespace {
// Bit i is set when p[i] == '\n', for the 64 bytes at p.
uint64_t newlineMask(const char* p) {
  const __m128i newline = _mm_set1_epi8('\n');
  uint64_t mask = 0;
  for (int i = 0; i < 4; ++i) {
    __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * i));
    auto bits = static_cast<uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, newline)));
    mask |= uint64_t(bits) << (16 * i);
  }
  return mask;
}
}  // namespace
#endif

void LineSink::lines(std::string_view block, const std::vector<uint32_t>& ends) {
  size_t begin = 0;
  for (uint32_t end : ends) {
    line(block.substr(begin, end - 1 - begin));
    begin = end;
  }
}

// The common case, kept cheap: whole lines that need no '\r' cut and fit the limit go out as one
// block. The newlines are found 64 bytes at a time (a memchr per line costs a call per line).
// Returns where it stopped: the end, a partial line, or a line the general path handles.
const char* LineFramer::feedWholeLines(const char* p, const char* end, LineSink& sink) {
  const char* block = p;
  const char* line = p;  // where the next line begins
  ends_.clear();
  // Takes the line ending at `nl`, or says the general path must (false).
  auto take = [&](const char* nl) {
    size_t size = size_t(nl - line);
    if (size > max_line_bytes_ || (size > 0 && nl[-1] == '\r')) return false;
    line = nl + 1;
    ends_.push_back(static_cast<uint32_t>(line - block));
    return true;
  };
  const char* scan = p;
  bool stopped = false;
#ifdef __SSE2__
  // 64 bytes a step: one hard-to-predict branch (how many newlines) per step, not per 16 bytes.
  constexpr size_t kStep = 64;
  for (; !stopped && size_t(end - scan) >= kStep; scan += kStep) {
    for (uint64_t mask = newlineMask(scan); mask != 0; mask &= mask - 1) {
      if (!take(scan + __builtin_ctzll(mask))) {
        stopped = true;
        break;
      }
    }
  }
#endif
  while (!stopped && scan < end) {
    const char* nl = static_cast<const char*>(std::memchr(scan, '\n', size_t(end - scan)));
    if (!nl) break;
    stopped = !take(nl);
    scan = nl + 1;
  }
  if (!ends_.empty()) sink.lines(std::string_view(block, size_t(line - block)), ends_);
  return line;
}

void LineFramer::emit(std::string_view text, LineSink& sink) {
  if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  if (text.size() > max_line_bytes_) {
    sink.lineTooLong(text.size());
  } else {
    sink.line(text);
  }
}

void LineFramer::completeOversize(size_t tail, LineSink& sink) {
  // The '\r' of a "\r\n" ending is not part of the line, even for one we dropped.
  size_t bytes = oversize_bytes_ + tail;
  if (bytes > 0 && partial_.size() == 1 && partial_[0] == '\r') --bytes;
  sink.lineTooLong(bytes);
  oversize_ = false;
  oversize_bytes_ = 0;
  partial_.clear();
}

void LineFramer::feed(std::string_view data, LineSink& sink) {
  const char* p = data.data();
  const char* end = p + data.size();
  while (p < end) {
    if (!oversize_ && partial_.empty()) {
      p = feedWholeLines(p, end, sink);
      if (p == end) return;
    }
    const char* nl = static_cast<const char*>(std::memchr(p, '\n', size_t(end - p)));
    size_t chunk = size_t((nl ? nl : end) - p);
    if (oversize_) {
      if (nl) {
        partial_.assign(chunk > 0 ? std::string(1, p[chunk - 1]) : partial_);
        completeOversize(chunk, sink);
        p = nl + 1;
        continue;
      }
      oversize_bytes_ += chunk;
      partial_.assign(1, end[-1]);  // remember a possible '\r' before the coming '\n'
      return;
    }
    if (nl && partial_.empty()) {
      emit(std::string_view(p, chunk), sink);  // the common case: no copy
      p = nl + 1;
      continue;
    }
    // Keep one byte beyond the limit: a line of limit+1 bytes may still end in "\r\n".
    if (partial_.size() + chunk > max_line_bytes_ + 1) {
      oversize_ = true;
      oversize_bytes_ = partial_.size();
      partial_.clear();
      continue;  // rescan this chunk in oversize mode
    }
    partial_.append(p, chunk);
    if (!nl) return;
    emit(partial_, sink);
    partial_.clear();
    p = nl + 1;
  }
}

void LineFramer::finish(LineSink& sink) {
  if (oversize_) {
    completeOversize(0, sink);
    return;
  }
  if (!partial_.empty()) emit(partial_, sink);
  partial_.clear();
}

void LineFramer::reset() {
  partial_.clear();
  oversize_ = false;
  oversize_bytes_ = 0;
}

}  // namespace runnel::relay
