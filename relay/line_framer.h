// Splits a TCP byte stream into lines as Spark's socket source reads them: a line ends at '\n',
// the '\r' of a "\r\n" ending is dropped, and a final line without '\n' counts when the stream
// ends.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace runnel::relay {

class LineSink {
 public:
  virtual ~LineSink() = default;
  virtual void line(std::string_view text) = 0;
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
  void completeOversize(size_t tail, LineSink& sink);

  size_t max_line_bytes_;
  std::string partial_;        // bytes of a line not yet ended, never more than the limit + 1
  bool oversize_ = false;      // the current line passed the limit; skipping to its end
  size_t oversize_bytes_ = 0;  // its length so far
};

}  // namespace runnel::relay
