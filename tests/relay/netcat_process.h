// A real `nc -lk 127.0.0.1 PORT` for the loopback tests: what a learner runs. Lines written to it
// go to its stdin pipe asynchronously (on the test's io_context), so a stalled relay never blocks
// the test's single thread.
#pragma once

#include <sys/types.h>

#include <asio.hpp>
#include <deque>
#include <string>

namespace runnel::relay::test {

// A free loopback port (bound once, then released for nc to take).
uint16_t freeLoopbackPort();

class NetcatProcess {
 public:
  NetcatProcess(asio::io_context& io, uint16_t port);
  ~NetcatProcess();
  NetcatProcess(const NetcatProcess&) = delete;
  NetcatProcess& operator=(const NetcatProcess&) = delete;

  void write(std::string text);
  size_t pendingBytes() const { return pending_bytes_; }  // not yet taken by nc's stdin
  void stop();  // SIGTERM and reap: its TCP client sees the stream end

 private:
  void writeNext();
  asio::posix::stream_descriptor stdin_;
  pid_t pid_ = -1;
  std::deque<std::string> queue_;
  size_t pending_bytes_ = 0;
  bool writing_ = false;
};

}  // namespace runnel::relay::test
