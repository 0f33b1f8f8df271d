// SocketHub: where the host delivers lines read from a TCP target ("localhost:9999"). The engine
// opens no sockets: the CLI, the browser worker or a test pushes lines here, and every socket
// source reading that target receives them. Lines pushed while no source listens wait (as nc holds
// typed lines until a client connects), up to a bound. A host that keeps a log of the lines it
// delivered (the relay, the page's IndexedDB) may number them and hand the log over, so a query
// restarted from its checkpoint re-reads the lines its uncommitted batch and later ones need.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace runnel::stream {

class SocketSource;

// One line as the host delivered it; `offset` is the host log's number for it, if it keeps one.
struct SocketLine {
  std::string text;
  int64_t time_ms = 0;
  std::optional<int64_t> offset;
};

class SocketHub {
 public:
  static constexpr size_t kMaxPendingLines = 1'000'000;

  // New lines; with `first_offset` they are numbered first_offset, first_offset + 1, ...
  void push(const std::string& target, const std::vector<std::string>& lines, int64_t now_ms,
            std::optional<int64_t> first_offset = std::nullopt);
  // The lines the host's log still holds from before this session, numbered from `first_offset`
  // (replaces any earlier log). Only a source resuming from a checkpoint reads them: a fresh one,
  // like a fresh connection to nc, sees only new lines.
  void replayLog(const std::string& target, int64_t first_offset,
                 const std::vector<std::string>& lines, int64_t now_ms);
  void fail(const std::string& target, const std::string& reason);
  // `resumed`: the source restarted from a checkpoint and first re-reads the replay log.
  void attach(const std::string& target, SocketSource* source, bool resumed);
  void detach(const std::string& target, SocketSource* source);
  std::vector<std::string> targets() const;  // targets with an attached source

 private:
  struct Target {
    std::vector<SocketSource*> sources;
    std::vector<SocketLine> pending;
    std::vector<SocketLine> replay_log;
    std::optional<std::string> failure;
  };
  std::map<std::string, Target> targets_;
};

}  // namespace runnel::stream
