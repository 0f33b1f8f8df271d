// Playground: what a host (the browser worker through wasm/, the `runnel run` CLI) drives. It runs
// a PySpark program with the PySpark front end, owns the SparkSession, and reports everything that
// happens as events (JSON objects, documented in web/src/worker/protocol.ts and below).
//
// Events (one JSON object each; takeEvents() returns a JSON array of them, oldest first):
//   {"type":"output","text":"..."}                          print(), show(), console sink text
//   {"type":"batch","queryId":"..","name":null|"..","batchId":1,"console":"-----...",
//    "columns":["word","count"],"types":["string","bigint"],"rows":[["cat","2"],...]}
//   {"type":"progress","queryId":"..","progress":{...StreamingQueryProgress...}}
//   {"type":"queryStarted","queryId":"..","runId":"..","name":..,"sockets":["localhost:9999"],
//    "resumed":null|{"checkpointLocation":"/cp","batchId":3}}  batchId: the batch it resumed at
//   {"type":"queryTerminated","queryId":"..","error":null|{"errorClass":..,"message":..,
//    "line":..,"column":..}}  line/column: where the program meets the failure (the
//                              awaitTermination() it ended at, else the query's start())
//   {"type":"error","errorClass":"AnalysisException","message":"...","line":3,"column":5}
//   {"type":"log","level":"WARN","message":"..."}
//   {"type":"scriptDone","waiting":true|false}  the program ended (waiting: its queries still
//                                                 run, started and not awaited, or awaited in an
//                                                 expression)
//   {"type":"scriptWaiting","call":"time.sleep","line":7,"timed":true}  the program waits at
//                                                 that call (time.sleep, awaitTermination); the
//                                                 queries run meanwhile, and a later tick() goes
//                                                 on with it (then scriptDone or scriptWaiting).
//                                                 timed: false when only a query's end ends it
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "runnel/clock.h"
#include "runnel/file_system.h"

namespace runnel {

struct PlaygroundOptions {
  std::shared_ptr<const Clock> clock;       // required
  std::shared_ptr<FileSystem> file_system;  // optional (memory)
  size_t chunk_capacity = 4096;
  // Upper bound on interpreter steps for one run() (a `while True: pass` cell ends with an error
  // instead of hanging the host). 0 = unlimited.
  uint64_t max_steps = 50'000'000;
};

class Playground {
 public:
  explicit Playground(PlaygroundOptions options);
  ~Playground();

  // Runs a PySpark program. Streaming queries it starts keep running; drive them with tick().
  // Errors become an "error" event (never thrown).
  void run(const std::string& code, const std::string& file_name = "<cell>");
  void pushLines(const std::string& target, const std::vector<std::string>& lines);
  // The same, numbered by the host's log (see SparkSession::pushSocketLines).
  void pushLines(const std::string& target, int64_t first_offset,
                 const std::vector<std::string>& lines);
  // Before run(): the lines the host's log holds for `target`, for queries resuming from their
  // checkpoint.
  void replaySocketLog(const std::string& target, int64_t first_offset,
                       const std::vector<std::string>& lines);
  void failTarget(const std::string& target, const std::string& reason);
  void tick();  // runs due triggers at the clock's time, then a waiting program whose wait is over
  std::optional<int64_t> nextWakeMs() const;
  // Stops every query. A program waiting at a call gets KeyboardInterrupt there first, as Ctrl-C
  // raises it in PySpark: its except and finally blocks run (scriptDone follows; an uncaught
  // KeyboardInterrupt is no error), and it ends at its next wait.
  void stop();
  bool hasActiveQueries() const;
  bool programWaiting() const;  // the program waits at a call (scriptWaiting) and will go on
  std::vector<std::string> socketTargets() const;
  std::string takeEvents();  // JSON array, and clears the queue

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace runnel
