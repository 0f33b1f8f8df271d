// SocketHub: where the host delivers lines read from a TCP target ("localhost:9999"). The engine
// opens no sockets: the CLI, the browser worker or a test pushes lines here, and every socket
// source reading that target receives them. Lines pushed while no source listens wait (as nc holds
// typed lines until a client connects), up to a bound.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace runnel::stream {

class SocketSource;

class SocketHub {
 public:
  static constexpr size_t kMaxPendingLines = 1'000'000;

  void push(const std::string& target, const std::vector<std::string>& lines, int64_t now_ms);
  void fail(const std::string& target, const std::string& reason);
  void attach(const std::string& target, SocketSource* source);
  void detach(const std::string& target, SocketSource* source);
  std::vector<std::string> targets() const;  // targets with an attached source

 private:
  struct Target {
    std::vector<SocketSource*> sources;
    std::vector<std::string> pending;
    std::vector<int64_t> pending_times;
    std::optional<std::string> failure;
  };
  std::map<std::string, Target> targets_;
};

}  // namespace runnel::stream
