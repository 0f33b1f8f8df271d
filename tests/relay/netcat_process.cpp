// Spawns and stops netcat-openbsd for the relay's loopback tests.
#include "netcat_process.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <stdexcept>

namespace runnel::relay::test {

uint16_t freeLoopbackPort() {
  asio::io_context io;
  asio::ip::tcp::acceptor acceptor(io,
                                   asio::ip::tcp::endpoint(asio::ip::address_v4::loopback(), 0));
  return acceptor.local_endpoint().port();
}

NetcatProcess::NetcatProcess(asio::io_context& io, uint16_t port) : stdin_(io) {
  int pipe_fds[2];
  if (::pipe2(pipe_fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
  std::string port_text = std::to_string(port);
  pid_ = ::fork();
  if (pid_ == 0) {
    // nc must not outlive a test that crashes: it dies with its parent.
    ::prctl(PR_SET_PDEATHSIG, SIGTERM);
    ::dup2(pipe_fds[0], 0);
    int null = ::open("/dev/null", O_WRONLY);
    ::dup2(null, 1);
    ::execlp("nc", "nc", "-lk", "127.0.0.1", port_text.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  int error = pid_ < 0 ? errno : 0;
  ::close(pipe_fds[0]);
  if (error != 0) {
    ::close(pipe_fds[1]);
    throw std::runtime_error("cannot start nc (apt-get install netcat-openbsd)");
  }
  stdin_.assign(pipe_fds[1]);
  stdin_.non_blocking(true);
}

NetcatProcess::~NetcatProcess() {
  stop();
}

void NetcatProcess::write(std::string text) {
  pending_bytes_ += text.size();
  queue_.push_back(std::move(text));
  if (!writing_) writeNext();
}

void NetcatProcess::writeNext() {
  if (queue_.empty() || !stdin_.is_open()) {
    writing_ = false;
    return;
  }
  writing_ = true;
  asio::async_write(stdin_, asio::buffer(queue_.front()),
                    [this](const std::error_code& error, size_t) {
                      if (error) {
                        writing_ = false;
                        return;
                      }
                      pending_bytes_ -= queue_.front().size();
                      queue_.pop_front();
                      writeNext();
                    });
}

void NetcatProcess::stop() {
  if (pid_ <= 0) return;
  std::error_code ignored;
  stdin_.close(ignored);
  ::kill(pid_, SIGTERM);
  int status = 0;
  ::waitpid(pid_, &status, 0);
  pid_ = -1;
}

}  // namespace runnel::relay::test
