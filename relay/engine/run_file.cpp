// `runnel run FILE.py` and `runnel demo`: drive a Playground natively. Socket sources connect to
// the real TCP server the code names (the course's `nc -lk 9999`); lines read from it are pushed
// into the engine; console output goes to stdout exactly as Spark prints it, logs and errors to
// stderr.
#include <arpa/inet.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "commit_stall_file_system.h"
#include "engine_commands.h"
#include "runnel/playground.h"

namespace runnel::cli {

namespace {

volatile std::sig_atomic_t g_interrupted = 0;  // set by SIGINT/SIGTERM; the loop polls it
extern "C" void onSignal(int) {
  g_interrupted = 1;
}

class SystemClock final : public Clock {
 public:
  int64_t nowMs() const override {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }
};

struct Connection {
  int fd = -1;
  std::string partial;
};

int connectTo(const std::string& target) {
  auto colon = target.rfind(':');
  std::string host = target.substr(0, colon), port = target.substr(colon + 1);
  addrinfo hints{};
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* res = nullptr;
  if (getaddrinfo(host.c_str(), port.c_str(), &hints, &res) != 0) return -1;
  int fd = -1;
  for (addrinfo* a = res; a != nullptr; a = a->ai_next) {
    fd = socket(a->ai_family, a->ai_socktype, a->ai_protocol);
    if (fd < 0) continue;
    if (connect(fd, a->ai_addr, a->ai_addrlen) == 0) break;
    close(fd);
    fd = -1;
  }
  freeaddrinfo(res);
  return fd;
}

// What the run printed so far. Errors: a query's failure that the program's awaitTermination()
// raises again comes twice (the query's, then the program's with its line); the second says only
// where. program_ended: once it has, a query's failure fails the run; before, the program may catch
// it (Spark logs it either way).
struct RunLog {
  std::set<std::string> errors;
  bool program_ended = false;
};

// " (line L, column C)" for an error that has a position, as Error::describe() prints it.
std::string positionSuffix(const nlohmann::json& e) {
  if (!e.contains("line") || !e["line"].is_number() || e["line"].get<int>() <= 0) return "";
  return " (line " + std::to_string(e["line"].get<int>()) + ", column " +
         std::to_string(e.value("column", 0)) + ")";
}

// Prints the playground's events; returns 1 once an error was reported.
int printEvents(Playground& p, bool quiet, bool verbose, RunLog& shown) {
  int status = 0;
  auto events = nlohmann::json::parse(p.takeEvents());
  for (const auto& e : events) {
    std::string type = e.value("type", "");
    if (type == "output") {
      std::fputs(e.value("text", "").c_str(), stdout);
      std::fflush(stdout);
    } else if (type == "error") {
      std::string where = positionSuffix(e);
      std::string what = e.value("errorClass", "") + ": " + e.value("message", "");
      if (shown.errors.insert(what).second) {
        std::fprintf(stderr, "%s%s\n", what.c_str(), where.c_str());
      } else if (!where.empty()) {
        std::fprintf(stderr, "  raised again%s\n", where.c_str());
      }
      status = 1;
    } else if (type == "queryTerminated" && e.contains("error") && e["error"].is_object()) {
      // A program still running meets the failure at its awaitTermination() (or asks for it):
      // its own error, if it does not catch it, fails the run. One that ended cannot.
      const nlohmann::json& err = e["error"];
      std::string what = err.value("errorClass", "") + ": " + err.value("message", "");
      if (shown.errors.insert(what).second) {
        std::fprintf(stderr, "%s%s\n", what.c_str(), positionSuffix(err).c_str());
      }
      if (shown.program_ended) status = 1;
    } else if (type == "scriptDone") {
      shown.program_ended = true;
    } else if (type == "log" && !quiet) {
      std::fprintf(stderr, "%s %s\n", e.value("level", "").c_str(), e.value("message", "").c_str());
    } else if (type == "progress" && verbose) {
      std::fprintf(stderr, "%s\n", e["progress"].dump(2).c_str());
    }
  }
  return status;
}

int drive(Playground& p, const std::map<std::string, int>& fixed_inputs, bool quiet, bool verbose,
          RunLog& shown) {
  std::map<std::string, Connection> conns;
  int status = 0;
  auto clock = SystemClock();
  // A fixed input (the demo's stdin) reached its end: Ctrl-D ends the run.
  bool input_ended = false;
  while (!g_interrupted && status == 0) {
    p.tick();
    status = printEvents(p, quiet, verbose, shown);
    if (input_ended) break;  // after the tick that ran its last lines
    if (!p.hasActiveQueries() && !p.programWaiting()) break;
    for (const auto& t : p.socketTargets()) {
      if (conns.count(t)) continue;
      Connection c;
      auto fixed = fixed_inputs.find(t);
      c.fd = fixed != fixed_inputs.end() ? fixed->second : connectTo(t);
      if (c.fd < 0) p.failTarget(t, "Connection refused");
      conns[t] = c;
    }
    std::vector<pollfd> fds;
    std::vector<std::string> names;
    for (auto& [t, c] : conns) {
      if (c.fd >= 0) fds.push_back({c.fd, POLLIN, 0}), names.push_back(t);
    }
    int64_t wait = 100;
    if (auto next = p.nextWakeMs()) wait = std::clamp<int64_t>(*next - clock.nowMs(), 0, 100);
    if (poll(fds.data(), fds.size(), static_cast<int>(wait)) <= 0) continue;
    for (size_t i = 0; i < fds.size(); ++i) {
      if (!(fds[i].revents & (POLLIN | POLLHUP))) continue;
      Connection& c = conns[names[i]];
      char buf[65536];
      ssize_t n = read(c.fd, buf, sizeof buf);
      if (n <= 0) {
        if (!quiet) std::fprintf(stderr, "WARN Stream closed by %s\n", names[i].c_str());
        // A last line without its newline is a line too, as Java's readLine() returns it.
        if (!c.partial.empty()) p.pushLines(names[i], {c.partial});
        c.partial.clear();
        if (c.fd > 0) close(c.fd);
        c.fd = -1;
        if (fixed_inputs.count(names[i])) input_ended = true;
        continue;
      }
      c.partial.append(buf, static_cast<size_t>(n));
      std::vector<std::string> lines;
      size_t start = 0, nl;
      while ((nl = c.partial.find('\n', start)) != std::string::npos) {
        std::string line = c.partial.substr(start, nl - start);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        lines.push_back(std::move(line));
        start = nl + 1;
      }
      c.partial.erase(0, start);
      if (!lines.empty()) p.pushLines(names[i], lines);
    }
  }
  p.stop();
  status = std::max(status, printEvents(p, quiet, verbose, shown));
  for (auto& [t, c] : conns) {
    if (c.fd > 0) close(c.fd);
  }
  return status;
}

int runProgram(const std::string& code, const std::string& name,
               const std::map<std::string, int>& fixed_inputs, bool quiet, bool verbose) {
  std::signal(SIGINT, onSignal);
  std::signal(SIGTERM, onSignal);
  PlaygroundOptions o;
  o.clock = std::make_shared<SystemClock>();
  // spark.read and file streams read paths relative to the cwd, as a local Spark would.
  o.file_system = withCommitStall(makeLocalFileSystem());  // a crash-test hook when asked
  o.max_steps = 0;
  Playground p(o);
  p.run(code, name);
  RunLog shown;
  if (int s = printEvents(p, quiet, verbose, shown); s != 0) return s;
  return drive(p, fixed_inputs, quiet, verbose, shown);
}

}  // namespace

int runFile(const RunOptions& options) {
  std::ifstream in(options.file);
  if (!in) {
    std::fprintf(stderr, "runnel: cannot read %s (check the path)\n", options.file.c_str());
    return 1;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  return runProgram(ss.str(), options.file, {}, options.quiet, options.verbose);
}

int runDemo() {
  std::fprintf(stderr, "runnel: word count demo; type lines, Ctrl-D ends\n");
  const char* code =
      "from pyspark.sql import SparkSession\n"
      "from pyspark.sql.functions import explode, split, col\n"
      "spark = SparkSession.builder.appName('demo').getOrCreate()\n"
      "lines = spark.readStream.format('socket').option('host', 'stdin').option('port', 0).load()\n"
      "words = lines.select(explode(split(col('value'), ' ')).alias('word'))\n"
      "query = words.groupBy('word').count().writeStream.outputMode('complete')"
      ".format('console').start()\n"
      "query.awaitTermination()\n";
  return runProgram(code, "<demo>", {{"stdin:0", 0}}, true, false);
}

}  // namespace runnel::cli
