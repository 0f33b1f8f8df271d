// Splits a TCP byte stream into lines as Spark's socket source reads them: a line ends at '\n',
// the '\r' of a "\r\n" ending is dropped, and a final line without '\n' counts when the stream
// ends.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace runnel::relay {

class LineSink {
 public:
  virtual ~LineSink() = default;
  virtual void line(std::string_view text) = 0;
  // Several whole lines at once (a bulk producer sends thousands per read): `block` holds them,
  // each followed by '\n' (none ends in '\r' or passes the limit), and `ends[i]` is where line i
  // ends in `block`, its '\n' included. By default, line() for each.
  virtual void lines(std::string_view block, const std::vector<uint32_t>& ends);
  // A line longer than the limit, dropped whole; `bytes` is its full length without the ending.
  virtual void lineTooLong(size_t bytes) = 0;
};

class LineFramer {
 public:
  explicit LineFramer(size_t max_line_bytes) : max_line_bytes_(max_line_bytes) {}

  // Delivers every line completed by `data`; a trailing partial line waits for more.
  void feed(std::string_view data, LineSink& sink);
  // The stream ended: a pending partial line is delivered as the last line.
  void finish(LineSink& sink);
  // Forget a partial line (the connection it came from is gone).
  void reset();

  size_t pendingBytes() const { return oversize_ ? 0 : partial_.size(); }

 private:
  void emit(std::string_view text, LineSink& sink);
  const char* feedWholeLines(const char* p, const char* end, LineSink& sink);
  void completeOversize(size_t tail, LineSink& sink);

  size_t max_line_bytes_;
  std::string partial_;         // bytes of a line not yet ended, never more than the limit + 1
  bool oversize_ = false;       // the current line passed the limit; skipping to its end
  size_t oversize_bytes_ = 0;   // its length so far
  std::vector<uint32_t> ends_;  // of the block being delivered, kept for its capacity
};

}  // namespace runnel::relay
