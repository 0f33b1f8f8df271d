// StreamingQuery and spark.streams (StreamingQueryManager): status and progress as Python dicts
// parsed from Spark's JSON. awaitTermination runs the due triggers, then suspends the program
// (top_level.cpp) until the query ends, or the time is up with a timeout: the code after it runs
// when the query stops by itself, or its failure goes to the except that takes it, as on Spark.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "pyspark/bindings.h"
#include "pyspark/call_args.h"
#include "pyspark/exceptions.h"

namespace runnel::pyspark {
namespace {

Value jsonValue(const nlohmann::ordered_json& j) {
  switch (j.type()) {
    case nlohmann::ordered_json::value_t::null:
      return Value();
    case nlohmann::ordered_json::value_t::boolean:
      return Value::boolean(j.get<bool>());
    case nlohmann::ordered_json::value_t::number_integer:
      return Value::integer(j.get<int64_t>());
    case nlohmann::ordered_json::value_t::number_unsigned:
      return Value::integer(static_cast<int64_t>(j.get<uint64_t>()));
    case nlohmann::ordered_json::value_t::number_float:
      return Value::floating(j.get<double>());
    case nlohmann::ordered_json::value_t::string:
      return Value::str(j.get<std::string>());
    case nlohmann::ordered_json::value_t::array: {
      std::vector<Value> items;
      for (const auto& e : j)
        items.push_back(jsonValue(e));
      return Value::list(std::move(items));
    }
    case nlohmann::ordered_json::value_t::object: {
      Value d = Value::dict();
      for (const auto& [k, v] : j.items())
        d.asDict().set(Value::str(k), jsonValue(v));
      return d;
    }
    default:
      return Value();
  }
}

// PySpark's check of awaitTermination's and awaitAnyTermination's timeout (seconds).
void requirePositiveTimeout(const Value& t, SourcePosition pos) {
  if (!t.isNumber() || t.type() == ValueType::Bool || t.asFloat() <= 0) {
    throw Error(ErrorClass::PySparkValueError,
                fmt::format("[VALUE_NOT_POSITIVE] Value for `timeout` must be positive, got '{}'.",
                            typeNameOf(t)),
                pos);
  }
}

// The program waits until one of `queries` terminates or `timeout` seconds pass (none: until one
// terminates); then the call returns whether one terminated (None without a timeout), or raises the
// exception one failed with, as Spark's does.
ScriptWait awaitingTermination(const ContextPtr& ctx, std::vector<StreamingQuery> queries,
                               const std::string& call, const Value* timeout, SourcePosition pos) {
  auto anyEnded = [queries] {
    for (const StreamingQuery& q : queries) {
      if (!q.isActive()) return true;
    }
    return false;
  };
  ScriptWait w;
  w.call = call;
  w.pos = pos;
  w.ready = anyEnded;
  if (timeout) {
    // PySpark sends int(timeout * 1000) ms.
    int64_t deadline =
        ctx->session->clock().nowMs() + static_cast<int64_t>(timeout->asFloat() * 1000);
    w.ready = [ctx, anyEnded, deadline] {
      return anyEnded() || ctx->session->clock().nowMs() >= deadline;
    };
    w.wake_ms = deadline;
  }
  bool timed = timeout != nullptr;
  w.finish = [queries, anyEnded, pos, timed]() -> Value {
    for (const StreamingQuery& q : queries) {
      if (auto e = q.exception()) {
        Error err = *e;
        throw err.withPosition(pos);
      }
    }
    return timed ? Value::boolean(anyEnded()) : Value();
  };
  return w;
}

class QueryObject final : public HostObject {
 public:
  QueryObject(ContextPtr ctx, StreamingQuery q) : ctx_(std::move(ctx)), q_(std::move(q)) {}
  const char* typeName() const override { return "StreamingQuery"; }
  bool hasMethod(const std::string& n) const override {
    return n == "awaitTermination" || n == "stop" || n == "processAllAvailable" || n == "explain" ||
           n == "exception";
  }
  std::optional<Value> getAttr(Interpreter&, const std::string& n, SourcePosition) override {
    if (n == "id") return Value::str(q_.id());
    if (n == "runId") return Value::str(q_.runId());
    if (n == "name") return q_.name() ? Value::str(*q_.name()) : Value();
    if (n == "isActive") return Value::boolean(q_.isActive());
    if (n == "status") return jsonToPython(q_.statusJson());
    if (n == "lastProgress") {
      auto p = q_.lastProgressJson();
      return p ? jsonToPython(*p) : Value();
    }
    if (n == "recentProgress") {
      std::vector<Value> out;
      for (const std::string& p : q_.recentProgressJson())
        out.push_back(jsonToPython(p));
      return Value::list(std::move(out));
    }
    return std::nullopt;
  }

  std::optional<Value> callMethod(Interpreter& in, const std::string& n, CallArgs& a) override {
    SourcePosition pos = a.pos;
    if (n == "awaitTermination") {
      Params p(a, "StreamingQuery.awaitTermination", {"timeout"}, 0);
      if (p.has(0)) requirePositiveTimeout(*p.get(0), pos);
      // Run whatever is due now (a once/availableNow query finishes here); the engine never blocks.
      for (int i = 0; i < kMaxSyncTicks && q_.isActive() && ctx_->session->tick(); ++i) {
      }
      if (auto e = q_.exception()) throw *e;
      if (!q_.isActive()) return p.has(0) ? Value::boolean(true) : Value();
      // The program waits (suspended, the queries running) until the query ends or the time is
      // up. Where it cannot suspend (inside an expression), a timeout is up at once, and without
      // one the program ends here while the query runs on.
      if (!p.has(0)) ctx_->failure_positions[q_.id()] = pos;
      if (!a.may_wait) {
        if (!p.has(0)) in.endScript();
        return Value::boolean(false);
      }
      in.wait(
          awaitingTermination(ctx_, {q_}, "awaitTermination", p.has(0) ? p.get(0) : nullptr, pos));
    }
    if (n == "stop") {
      q_.stop();
      return Value();
    }
    if (n == "processAllAvailable") {
      q_.processAllAvailable();
      return Value();
    }
    if (n == "explain") {
      Params p(a, "StreamingQuery.explain", {"extended"}, 0);
      ctx_->session->output(q_.explain(p.has(0) && in.truthy(*p.get(0), pos)) + "\n");
      return Value();
    }
    if (n == "exception") {
      auto e = q_.exception();
      if (!e) return Value();
      return exceptionValue(*e);
    }
    return std::nullopt;
  }

 private:
  static constexpr int kMaxSyncTicks =
      10000;  // availableNow may take many batches; never unbounded
  static Value exceptionValue(const Error& e) { return host<ExceptionValue>(e); }
  ContextPtr ctx_;
  StreamingQuery q_;
};

class StreamsObject final : public HostObject {
 public:
  explicit StreamsObject(ContextPtr ctx) : ctx_(std::move(ctx)) {}
  const char* typeName() const override { return "StreamingQueryManager"; }
  bool hasMethod(const std::string& n) const override {
    return n == "get" || n == "awaitAnyTermination" || n == "resetTerminated" ||
           n == "addListener" || n == "removeListener";
  }
  std::optional<Value> getAttr(Interpreter&, const std::string& n, SourcePosition) override {
    if (n != "active") return std::nullopt;
    std::vector<Value> out;
    for (const StreamingQuery& q : ctx_->session->activeQueries())
      out.push_back(wrapQuery(ctx_, q));
    return Value::list(std::move(out));
  }
  std::optional<Value> callMethod(Interpreter& in, const std::string& n, CallArgs& a) override {
    if (n == "get") {
      Params p(a, "StreamingQueryManager.get", {"id"}, 1);
      auto q = ctx_->session->queryById(requireStr(*p.get(0), "id", a.pos));
      return q ? wrapQuery(ctx_, *q) : Value();
    }
    if (n == "awaitAnyTermination") {
      Params p(a, "StreamingQueryManager.awaitAnyTermination", {"timeout"}, 0);
      std::vector<StreamingQuery> active = ctx_->session->activeQueries();
      if (active.empty()) return p.has(0) ? Value::boolean(true) : Value();
      if (p.has(0)) {
        requirePositiveTimeout(*p.get(0), a.pos);
      } else {
        for (const StreamingQuery& q : active)
          ctx_->failure_positions[q.id()] = a.pos;
      }
      if (!a.may_wait) {
        if (!p.has(0)) in.endScript();
        return Value::boolean(false);
      }
      in.wait(awaitingTermination(ctx_, std::move(active), "awaitAnyTermination",
                                  p.has(0) ? p.get(0) : nullptr, a.pos));
    }
    if (n == "resetTerminated") return Value();
    if (n == "addListener" || n == "removeListener") {
      Params p(a, "StreamingQueryManager." + n, {"listener"}, 1);
      if (n == "addListener")
        addListener(*ctx_, *p.get(0), a.pos);
      else
        removeListener(*ctx_, *p.get(0));
      return Value();
    }
    return std::nullopt;
  }

 private:
  ContextPtr ctx_;
};

}  // namespace

Value wrapQuery(const ContextPtr& ctx, StreamingQuery q) {
  return host<QueryObject>(ctx, std::move(q));
}
Value wrapStreams(const ContextPtr& ctx) {
  return host<StreamsObject>(ctx);
}

Value jsonToPython(const std::string& json) {
  auto j = nlohmann::ordered_json::parse(json, nullptr, false);
  if (j.is_discarded())
    throw Error(ErrorClass::InternalError, "the engine produced invalid JSON: " + json);
  return jsonValue(j);
}

}  // namespace runnel::pyspark
