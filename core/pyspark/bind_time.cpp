// Python's `time` module as PySpark programs use it: sleep() between looks at a memory sink,
// time() for timestamps. Time is the session's clock, and sleep() suspends the program rather than
// blocking the host (top_level.cpp): the queries keep running and taking lines meanwhile.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "pyspark/bindings.h"
#include "pyspark/call_args.h"

namespace runnel::pyspark {
namespace {

Value sleep(const ContextPtr& ctx, Interpreter& in, CallArgs& a) {
  Params p(a, "sleep", {"secs"}, 1);
  const Value& secs = *p.get(0);
  if (!secs.isNumber()) {
    throw Error(ErrorClass::TypeError,
                fmt::format("'{}' object cannot be interpreted as an integer", typeNameOf(secs)),
                a.pos);
  }
  double s = secs.asFloat();
  if (std::isnan(s)) throw Error(ErrorClass::ValueError, "Invalid value NaN (not a number)", a.pos);
  if (s < 0) throw Error(ErrorClass::ValueError, "sleep length must be non-negative", a.pos);
  if (s == 0) return Value();
  if (!a.may_wait) {
    throw Error(ErrorClass::NotImplementedError,
                "time.sleep() waits only as a statement of its own, at the program's top level "
                "or in a function called by such a statement (not inside an expression): Runnel "
                "runs the queries between the program's statements",
                a.pos);
  }
  // Ages beyond any session (Python would raise OverflowError past ~292 years) wait "forever".
  double ms = std::min(std::ceil(s * 1000), 1e15);
  int64_t deadline = ctx->session->clock().nowMs() + static_cast<int64_t>(ms);
  ScriptWait w;
  w.call = "time.sleep";
  w.pos = a.pos;
  w.ready = [ctx, deadline] { return ctx->session->clock().nowMs() >= deadline; };
  w.wake_ms = deadline;
  in.wait(std::move(w));
}

}  // namespace

std::vector<std::pair<std::string, Value>> timeModule(const ContextPtr& ctx) {
  auto now = [ctx](Interpreter&, CallArgs& a) {
    Params p(a, "time", {}, 0);
    return Value::floating(static_cast<double>(ctx->session->clock().nowMs()) / 1000.0);
  };
  return {
      {"sleep",
       Value::builtin("sleep", [ctx](Interpreter& in, CallArgs& a) { return sleep(ctx, in, a); })},
      {"time", Value::builtin("time", now)},
      {"monotonic", Value::builtin("monotonic", now)},
      {"perf_counter", Value::builtin("perf_counter", now)},
  };
}

}  // namespace runnel::pyspark
