// Runs the `runnel` executable for CLI tests: captured stdout/stderr, exit code, and a deadline
// after which the process is killed (a test never hangs).
#pragma once

#include <sys/types.h>

#include <chrono>
#include <string>
#include <vector>

namespace runnel::cli::test {

struct Outcome {
  int exit_code = -1;  // -1: killed at the deadline
  std::string out, err;
};

// `input` is its whole stdin.
Outcome runRunnel(const std::vector<std::string>& args,
                  std::chrono::milliseconds deadline = std::chrono::seconds(20),
                  const std::string& input = "");

// A long-running `runnel serve/relay`: wait for a line on stderr, then stop it with SIGTERM.
class RunningRunnel {
 public:
  explicit RunningRunnel(const std::vector<std::string>& args);
  ~RunningRunnel();
  // stderr so far once it contains `text`, or "" when the deadline passes first.
  std::string waitForStderr(const std::string& text,
                            std::chrono::milliseconds deadline = std::chrono::seconds(20));
  int terminate(std::chrono::milliseconds deadline = std::chrono::seconds(10));  // exit code

 private:
  pid_t pid_ = -1;
  int err_fd_ = -1;
  std::string err_;
};

}  // namespace runnel::cli::test
