// Playground: the host-facing runner. It owns the SparkSession and the PySpark interpreter, runs
// programs, and turns every session callback and error into the JSON events listed in playground.h.
#include "runnel/playground.h"

#include <nlohmann/json.hpp>

#include "format/value_format.h"
#include "pyspark/bindings.h"
#include "pyspark/interpreter.h"
#include "runnel/spark_session.h"
#include "stream/micro_batch_execution.h"
#include "types/batch.h"

namespace runnel {
namespace {

using Json = nlohmann::ordered_json;

int logLevelRank(const std::string& level) {
  static constexpr const char* kOrder[] = {"ALL",  "TRACE", "DEBUG", "INFO",
                                           "WARN", "ERROR", "FATAL", "OFF"};
  for (int i = 0; i < 8; ++i) {
    if (level == kOrder[i]) return i;
  }
  return 4;  // WARN
}

Json nameJson(const StreamingQuery& q) {
  auto name = q.name();
  return name ? Json(*name) : Json(nullptr);
}

Json rowsJson(const types::Batch& rows) {
  Json out = Json::array();
  for (size_t r = 0; r < rows.num_rows; ++r) {
    Json row = Json::array();
    for (size_t c = 0; c < rows.columns.size(); ++c) {
      const types::Column& col = rows.column(c);
      row.push_back(col.isNull(r) ? Json(nullptr) : Json(format::prettyCell(col, r)));
    }
    out.push_back(std::move(row));
  }
  return out;
}

// A program that sleeps in a loop resumes at most this often within one tick (each resume waits
// again on the clock, so more would mean a wait that is always over).
constexpr int kMaxResumesPerTick = 1000;

}  // namespace

struct Playground::State {
  PlaygroundOptions options;
  Json events =
      Json::array();  // declared first: session callbacks may fire while the rest shuts down
  std::shared_ptr<pyspark::PySparkContext> ctx;
  std::unique_ptr<pyspark::Interpreter> interpreter;

  void emit(Json e) { events.push_back(std::move(e)); }

  // Runs (or resumes) the program and reports how it stopped: scriptDone when it ended, with or
  // without an error; scriptWaiting when it waits at a call. Stopping: the program runs because
  // Stop interrupted it, so its KeyboardInterrupt is no error and it ends at its next wait.
  template <class F>
  void ran(F&& f, bool stopping = false) {
    pyspark::RunOutcome outcome = pyspark::RunOutcome::Finished;
    try {
      outcome = f();
    } catch (const Error& e) {
      if (!stopping || e.errorClass() != ErrorClass::KeyboardInterrupt) emitError(e);
    } catch (const std::exception& e) {
      emitError(Error(ErrorClass::InternalError, e.what()));
    }
    fillSockets();
    if (stopping) {
      interpreter->abandon();
      emit({{"type", "scriptDone"}, {"waiting", false}});
      return;
    }
    if (outcome == pyspark::RunOutcome::Suspended) {
      const pyspark::ScriptWait* wait = interpreter->suspendedAt();
      // timed: the wait ends by the clock too (sleep, a timeout); else only when a query ends.
      emit({{"type", "scriptWaiting"},
            {"call", wait->call},
            {"line", wait->pos.line},
            {"timed", wait->wake_ms.has_value()}});
      return;
    }
    // Waiting: the queries go on after the program (awaitTermination() ended it, or it ended with
    // queries started and not stopped, which run on as Spark's do in the background).
    bool waiting = outcome == pyspark::RunOutcome::Waiting ||
                   (ctx && ctx->session && !ctx->session->activeQueries().empty());
    emit({{"type", "scriptDone"}, {"waiting", waiting}});
  }

  // A socket source connects lazily, after start() announced the query: fill in the targets once
  // the program or tick that started it is done.
  void fillSockets() {
    if (!ctx || !ctx->session) return;
    for (Json& e : events) {
      if (e["type"] != "queryStarted" || !e["sockets"].empty()) continue;
      for (const std::string& t : ctx->session->socketTargets())
        e["sockets"].push_back(t);
    }
  }

  void emitError(const Error& e) {
    Json j{{"type", "error"}, {"errorClass", e.className()}, {"message", e.message()}};
    if (e.hasPosition()) {
      j["line"] = e.line();
      j["column"] = e.column();
    }
    emit(std::move(j));
  }

  SessionListener listener() {
    SessionListener l;
    l.on_output = [this](const std::string& text) { emit({{"type", "output"}, {"text", text}}); };
    l.on_batch = [this](const StreamingQuery& q, int64_t batch_id, const types::Batch& rows,
                        const std::string& console) {
      Json columns = Json::array(), types_json = Json::array();
      for (const auto& f : rows.schema.fields) {
        columns.push_back(f.name);
        types_json.push_back(f.type->simpleString());
      }
      emit({{"type", "batch"},
            {"queryId", q.id()},
            {"name", nameJson(q)},
            {"batchId", batch_id},
            {"console", console},
            {"columns", std::move(columns)},
            {"types", std::move(types_json)},
            {"rows", rowsJson(rows)}});
    };
    l.on_progress = [this](const StreamingQuery& q) {
      const auto& recent = q.execution()->recentProgress();
      if (recent.empty()) return;
      emit({{"type", "progress"}, {"queryId", q.id()}, {"progress", recent.back().toJson()}});
      if (ctx) pyspark::postQueryProgress(*ctx, q);
    };
    l.on_query_started = [this](const StreamingQuery& q) {
      Json sockets = Json::array();
      if (ctx && ctx->session) {
        for (const std::string& t : ctx->session->socketTargets())
          sockets.push_back(t);
      }
      Json resumed = Json(nullptr);
      if (auto batch = q.resumedAtBatchId())
        resumed = {{"checkpointLocation", q.checkpointLocation()}, {"batchId", *batch}};
      emit({{"type", "queryStarted"},
            {"queryId", q.id()},
            {"runId", q.runId()},
            {"name", nameJson(q)},
            {"sockets", std::move(sockets)},
            {"resumed", std::move(resumed)}});
      if (ctx) pyspark::postQueryStarted(*ctx, q);
    };
    l.on_query_terminated = [this](const StreamingQuery& q, const std::optional<Error>& error) {
      Json err = error ? Json{{"errorClass", error->className()}, {"message", error->message()}}
                       : Json(nullptr);
      if (error && ctx) {
        auto at = ctx->failure_positions.find(q.id());
        if (at != ctx->failure_positions.end() && at->second.line > 0) {
          err["line"] = at->second.line;
          err["column"] = at->second.column;
        }
      }
      emit({{"type", "queryTerminated"}, {"queryId", q.id()}, {"error", std::move(err)}});
      if (ctx) pyspark::postQueryTerminated(*ctx, q, error);
    };
    l.on_log = [this](const std::string& level, const std::string& message) {
      if (ctx && logLevelRank(level) < logLevelRank(ctx->log_level)) return;
      emit({{"type", "log"}, {"level", level}, {"message", message}});
    };
    return l;
  }
};

Playground::Playground(PlaygroundOptions options) : state_(std::make_unique<State>()) {
  state_->options = std::move(options);
  SessionOptions session_options;
  session_options.clock = state_->options.clock;
  session_options.file_system = state_->options.file_system;
  session_options.chunk_capacity = state_->options.chunk_capacity;
  session_options.listener = state_->listener();
  state_->ctx = std::make_shared<pyspark::PySparkContext>();
  state_->ctx->session = SparkSession::create(std::move(session_options));
  pyspark::InterpreterOptions interpreter_options;
  State* state = state_.get();
  interpreter_options.output = [state](const std::string& text) {
    state->emit({{"type", "output"}, {"text", text}});
  };
  interpreter_options.max_steps = state_->options.max_steps;
  state_->interpreter = std::make_unique<pyspark::Interpreter>(std::move(interpreter_options));
  state_->ctx->interpreter = state_->interpreter.get();
  pyspark::installPySpark(*state_->interpreter, state_->ctx);
}

Playground::~Playground() {
  try {
    state_->ctx->session->stopAll();
  } catch (const Error&) {
    // Shutting down: a failing stop has nowhere to report to.
  }
  state_->interpreter.reset();  // drops the program's DataFrames and queries before the session
  state_->ctx->interpreter = nullptr;
  state_->ctx->session.reset();
}

void Playground::run(const std::string& code, const std::string& file_name) {
  (void)file_name;
  state_->ran([&] { return state_->interpreter->run(code); });
}

void Playground::pushLines(const std::string& target, const std::vector<std::string>& lines) {
  state_->ctx->session->pushSocketLines(target, lines);
}

void Playground::pushLines(const std::string& target, int64_t first_offset,
                           const std::vector<std::string>& lines) {
  state_->ctx->session->pushSocketLines(target, lines, first_offset);
}

void Playground::replaySocketLog(const std::string& target, int64_t first_offset,
                                 const std::vector<std::string>& lines) {
  state_->ctx->session->replaySocketLog(target, first_offset, lines);
}

void Playground::failTarget(const std::string& target, const std::string& reason) {
  state_->ctx->session->failSocketTarget(target, reason);
}

void Playground::tick() {
  try {
    state_->ctx->session->tick();
  } catch (const Error& e) {
    state_->emitError(e);
  }
  // A program waiting (time.sleep, awaitTermination(timeout)) goes on once its wait is over: after
  // the batches of this tick, as Spark's driver wakes while its queries run.
  for (int i = 0; i < kMaxResumesPerTick; ++i) {
    const pyspark::ScriptWait* wait = state_->interpreter->suspendedAt();
    if (!wait || !wait->ready()) break;
    state_->ran([&] { return state_->interpreter->resume(); });
  }
}

std::optional<int64_t> Playground::nextWakeMs() const {
  std::optional<int64_t> wake = state_->ctx->session->nextWakeMs();
  const pyspark::ScriptWait* wait = state_->interpreter->suspendedAt();
  if (wait && wait->wake_ms && (!wake || *wait->wake_ms < *wake)) wake = wait->wake_ms;
  return wake;
}

void Playground::stop() {
  // A waiting program meets Stop as PySpark's driver meets Ctrl-C: KeyboardInterrupt at its wait,
  // so the `except KeyboardInterrupt:` and finally blocks around it run (a query.stop(), a last
  // print) before every query stops.
  if (state_->interpreter->suspendedAt())
    state_->ran([&] { return state_->interpreter->interrupt(); }, true);
  try {
    state_->ctx->session->stopAll();
  } catch (const Error& e) {
    state_->emitError(e);
  }
}

bool Playground::programWaiting() const {
  return state_->interpreter->suspendedAt() != nullptr;
}

bool Playground::hasActiveQueries() const {
  return !state_->ctx->session->activeQueries().empty();
}

std::vector<std::string> Playground::socketTargets() const {
  return state_->ctx->session->socketTargets();
}

std::string Playground::takeEvents() {
  std::string out = state_->events.dump();
  state_->events = Json::array();
  return out;
}

}  // namespace runnel
