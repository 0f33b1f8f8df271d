// Embind bindings: `Session` is runnel::Playground (core/api) with a clock the host sets from JS.
// Each method is one call into the Playground plus the conversion of runnel::Error into a JS Error.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>

#include "runnel/clock.h"
#include "runnel/error.h"
#include "runnel/file_system.h"
#include "runnel/playground.h"

namespace runnel::wasm {
namespace {

using emscripten::val;

// A runnel::Error crosses as a JS Error named after its class, with `message`, `line` and `column`
// (STYLE.md part 3, "Errors"); any other exception is an InternalError.
struct JsError {
  std::string name;
  std::string message;
  int line = 0;
  int column = 0;
};

[[noreturn]] void throwJsError(const JsError& e) {
  val error = val::global("Error").new_(e.message);
  error.set("name", e.name);
  error.set("line", e.line);
  error.set("column", e.column);
  error.throw_();
}

// The JS exception is thrown after the catch block has ended, so the C++ exception is freed first.
template <typename F>
auto guarded(F&& f) -> decltype(f()) {
  JsError failure;
  try {
    return f();
  } catch (const Error& e) {
    failure = {e.className(), e.message(), e.line(), e.column()};
  } catch (const std::exception& e) {
    failure = {"InternalError", e.what()};
  }
  throwJsError(failure);
}

class Session {
 public:
  // The clock starts at the page's time: the session seeds its UUIDs from it, and a temporary
  // checkpoint directory must not repeat one a stored checkpoint of an earlier page life uses.
  Session()
      : clock_(std::make_shared<ManualClock>(
            static_cast<int64_t>(val::global("Date").call<double>("now")))),
        file_system_(std::make_shared<JournalingFileSystem>(
            makeMemoryFileSystem(), std::vector<std::string>{kTemporaryCheckpointPrefix})),
        playground_(PlaygroundOptions{.clock = clock_, .file_system = file_system_}) {}

  // The page's bundled data files (spark.read examples) go into the engine's in-memory file system.
  void writeFile(const std::string& path, const std::string& content) {
    guarded([&] { file_system_->writeAtomic(path, content); });
  }

  // A file the worker kept in IndexedDB (a checkpoint), as bytes (a Uint8Array).
  void writeFileBytes(const std::string& path, const val& bytes) {
    guarded([&] {
      auto data = emscripten::convertJSArrayToNumberVector<uint8_t>(bytes);
      file_system_->writeAtomic(path, std::string(data.begin(), data.end()));
    });
  }

  // The file system's changes since the last call, oldest first, for the worker to persist:
  // [{remove, path, content: Uint8Array}].
  val takeFileChanges() {
    return guarded([&] {
      val out = val::array();
      for (const FileChange& c : file_system_->takeChanges()) {
        val change = val::object();
        change.set("remove", c.kind == FileChange::Kind::Remove);
        change.set("path", c.path);
        // slice(): a copy, because the view points into wasm memory that the next call may move.
        change.set("content",
                   val(emscripten::typed_memory_view(
                           c.content.size(), reinterpret_cast<const uint8_t*>(c.content.data())))
                       .call<val>("slice"));
        out.call<void>("push", change);
      }
      return out;
    });
  }

  void run(const std::string& code, double now_ms) {
    guarded([&] {
      clock_->set(static_cast<int64_t>(now_ms));
      playground_.run(code);
    });
  }

  void pushLines(const std::string& target, const val& lines) {
    guarded([&] { playground_.pushLines(target, emscripten::vecFromJSArray<std::string>(lines)); });
  }

  // Lines numbered by the worker's log of them, from `first_offset`.
  void pushLinesFrom(const std::string& target, double first_offset, const val& lines) {
    guarded([&] {
      playground_.pushLines(target, static_cast<int64_t>(first_offset),
                            emscripten::vecFromJSArray<std::string>(lines));
    });
  }

  // Before run(): what the worker's log holds for `target`, for a query resuming from a checkpoint.
  void replaySocketLog(const std::string& target, double first_offset, const val& lines) {
    guarded([&] {
      playground_.replaySocketLog(target, static_cast<int64_t>(first_offset),
                                  emscripten::vecFromJSArray<std::string>(lines));
    });
  }

  void failTarget(const std::string& target, const std::string& reason) {
    guarded([&] { playground_.failTarget(target, reason); });
  }

  void tick(double now_ms) {
    guarded([&] {
      clock_->set(static_cast<int64_t>(now_ms));
      playground_.tick();
    });
  }

  // -1 when nothing is scheduled (Embind 3.1.6 has no std::optional).
  double nextWakeMs() const {
    return guarded([&] { return static_cast<double>(playground_.nextWakeMs().value_or(-1)); });
  }

  void stop() {
    guarded([&] { playground_.stop(); });
  }

  bool hasActiveQueries() const {
    return guarded([&] { return playground_.hasActiveQueries(); });
  }

  // JSON array of "host:port" strings.
  std::string socketTargets() const {
    return guarded([&] { return nlohmann::json(playground_.socketTargets()).dump(); });
  }

  // JSON array of events (see runnel/playground.h).
  std::string takeEvents() {
    return guarded([&] { return playground_.takeEvents(); });
  }

 private:
  std::shared_ptr<ManualClock> clock_;
  std::shared_ptr<JournalingFileSystem> file_system_;
  Playground playground_;
};

EMSCRIPTEN_BINDINGS(runnel) {
  emscripten::class_<Session>("Session")
      .constructor<>()
      .function("writeFile", &Session::writeFile)
      .function("writeFileBytes", &Session::writeFileBytes)
      .function("takeFileChanges", &Session::takeFileChanges)
      .function("run", &Session::run)
      .function("pushLines", &Session::pushLines)
      .function("pushLinesFrom", &Session::pushLinesFrom)
      .function("replaySocketLog", &Session::replaySocketLog)
      .function("failTarget", &Session::failTarget)
      .function("tick", &Session::tick)
      .function("nextWakeMs", &Session::nextWakeMs)
      .function("stop", &Session::stop)
      .function("hasActiveQueries", &Session::hasActiveQueries)
      .function("socketTargets", &Session::socketTargets)
      .function("takeEvents", &Session::takeEvents);
}

}  // namespace
}  // namespace runnel::wasm
