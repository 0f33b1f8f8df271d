// Process plumbing for the CLI tests (fork/exec, poll with deadlines, no sleeps).
#include "cli_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <stdexcept>

namespace runnel::cli::test {

namespace {

using Clock = std::chrono::steady_clock;

// in_fd < 0: stdin is /dev/null.
pid_t spawn(const std::vector<std::string>& args, int out_fd, int err_fd, int in_fd = -1) {
  std::vector<char*> argv;
  std::string exe = RUNNEL_EXE;
  argv.push_back(exe.data());
  std::vector<std::string> copy = args;
  for (std::string& arg : copy)
    argv.push_back(arg.data());
  argv.push_back(nullptr);
  pid_t pid = ::fork();
  if (pid == 0) {
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    ::dup2(in_fd >= 0 ? in_fd : ::open("/dev/null", O_RDONLY), 0);
    ::dup2(out_fd, 1);
    ::dup2(err_fd, 2);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  if (pid < 0) throw std::runtime_error("fork failed");
  return pid;
}

// Reads what is available from `fds` into `texts` until all hit EOF or the deadline passes.
bool drain(std::vector<int> fds, std::vector<std::string*> texts, Clock::time_point deadline,
           const std::string& stop_at = "") {
  std::vector<bool> open(fds.size(), true);
  char buffer[4096];
  for (;;) {
    std::vector<pollfd> polls;
    for (size_t i = 0; i < fds.size(); ++i) {
      if (open[i]) polls.push_back({fds[i], POLLIN, 0});
    }
    if (polls.empty()) return true;
    if (!stop_at.empty() && texts.back()->find(stop_at) != std::string::npos) return true;
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0) return false;
    if (::poll(polls.data(), polls.size(), int(left.count())) <= 0) continue;
    for (size_t i = 0; i < fds.size(); ++i) {
      if (!open[i]) continue;
      pollfd ready{fds[i], POLLIN, 0};
      if (::poll(&ready, 1, 0) <= 0) continue;
      ssize_t n = ::read(fds[i], buffer, sizeof buffer);
      if (n <= 0) {
        open[i] = false;
      } else {
        texts[i]->append(buffer, size_t(n));
      }
    }
  }
}

int reap(pid_t pid, Clock::time_point deadline) {
  int status = 0;
  while (::waitpid(pid, &status, WNOHANG) == 0) {
    if (Clock::now() > deadline) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      return -1;
    }
    pollfd none{-1, 0, 0};
    ::poll(&none, 0, 5);  // the child has closed its pipes and is exiting
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

Outcome runRunnel(const std::vector<std::string>& args, std::chrono::milliseconds deadline,
                  const std::string& input) {
  int out[2], err[2], in[2];
  if (::pipe2(out, O_CLOEXEC) != 0 || ::pipe2(err, O_CLOEXEC) != 0 || ::pipe2(in, O_CLOEXEC) != 0)
    throw std::runtime_error("pipe");
  // The input fits the pipe's buffer: written whole, then its end is the end of stdin.
  if (::write(in[1], input.data(), input.size()) != static_cast<ssize_t>(input.size()))
    throw std::runtime_error("stdin");
  ::close(in[1]);
  pid_t pid = spawn(args, out[1], err[1], in[0]);
  ::close(in[0]);
  ::close(out[1]);
  ::close(err[1]);
  Outcome outcome;
  auto until = Clock::now() + deadline;
  drain({out[0], err[0]}, {&outcome.out, &outcome.err}, until);
  ::close(out[0]);
  ::close(err[0]);
  outcome.exit_code = reap(pid, until);
  return outcome;
}

RunningRunnel::RunningRunnel(const std::vector<std::string>& args) {
  int err[2];
  if (::pipe2(err, O_CLOEXEC) != 0) throw std::runtime_error("pipe");
  int null = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
  pid_ = spawn(args, null, err[1]);
  ::close(null);
  ::close(err[1]);
  err_fd_ = err[0];
}

RunningRunnel::~RunningRunnel() {
  if (pid_ > 0) terminate();
  if (err_fd_ >= 0) ::close(err_fd_);
}

std::string RunningRunnel::waitForStderr(const std::string& text,
                                         std::chrono::milliseconds deadline) {
  drain({err_fd_}, {&err_}, Clock::now() + deadline, text);
  return err_.find(text) == std::string::npos ? std::string() : err_;
}

int RunningRunnel::terminate(std::chrono::milliseconds deadline) {
  if (pid_ <= 0) return -1;
  ::kill(pid_, SIGTERM);
  int code = reap(pid_, Clock::now() + deadline);
  pid_ = -1;
  return code;
}

}  // namespace runnel::cli::test
