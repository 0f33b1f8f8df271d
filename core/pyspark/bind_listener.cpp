// StreamingQueryListener: the base class a program derives its listener from, the events Spark's
// listener bus posts to it (QueryStartedEvent, QueryProgressEvent, QueryTerminatedEvent), and
// event.progress as PySpark's StreamingQueryProgress (attributes over Spark's progress JSON).
// onQueryStarted runs inside start(), as Spark calls it synchronously; the others after the
// batch or the stop. What a listener raises is logged, as Spark's listener bus logs it, and the
// query goes on.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <string_view>

#include "pyspark/bindings.h"
#include "pyspark/call_args.h"
#include "pyspark/class_object.h"
#include "pyspark/interpreter.h"
#include "stream/micro_batch_execution.h"
#include "types/timestamp.h"

namespace runnel::pyspark {
namespace {

using OrderedJson = nlohmann::ordered_json;

// A JSON object of a progress report, read by attribute (progress.numInputRows,
// progress.sources[0].description) or by key. Fields that PySpark gives as dicts are dicts.
class ProgressObject final : public HostObject {
 public:
  ProgressObject(const char* type_name, OrderedJson j) : type_name_(type_name), j_(std::move(j)) {}
  const char* typeName() const override { return type_name_; }
  std::string repr() const override { return j_.dump(2); }
  std::optional<Value> getAttr(Interpreter&, const std::string& n, SourcePosition) override {
    if (n == "json") return Value::str(j_.dump());
    if (n == "prettyJson") return Value::str(j_.dump(2));
    auto it = j_.find(n);
    if (it == j_.end()) return std::nullopt;
    return field(n, *it);
  }
  std::optional<Value> getItem(Interpreter&, const Value& key, SourcePosition) override {
    if (!key.isStr()) return std::nullopt;
    auto it = j_.find(key.asStr());
    if (it == j_.end()) throw Error(ErrorClass::KeyError, quoteString(key.asStr()));
    return field(key.asStr(), *it);
  }

  static Value field(const std::string& name, const OrderedJson& v) {
    if (v.is_array()) {
      const char* element = name == "sources"          ? "SourceProgress"
                            : name == "stateOperators" ? "StateOperatorProgress"
                                                       : nullptr;
      std::vector<Value> items;
      for (const auto& e : v)
        items.push_back(element && e.is_object() ? host<ProgressObject>(element, e)
                                                 : jsonToPython(e.dump()));
      return Value::list(std::move(items));
    }
    if (v.is_object() && name == "sink") return host<ProgressObject>("SinkProgress", v);
    return jsonToPython(v.dump());  // durationMs, eventTime, metrics... are dicts
  }

 private:
  const char* type_name_;
  OrderedJson j_;
};

// QueryStartedEvent and the others: read-only attributes.
class ListenerEvent final : public HostObject {
 public:
  ListenerEvent(const char* type_name, std::vector<std::pair<std::string, Value>> attrs)
      : type_name_(type_name), attrs_(std::move(attrs)) {}
  const char* typeName() const override { return type_name_; }
  std::optional<Value> getAttr(Interpreter&, const std::string& n, SourcePosition) override {
    for (const auto& [k, v] : attrs_) {
      if (k == n) return v;
    }
    return std::nullopt;
  }

 private:
  const char* type_name_;
  std::vector<std::pair<std::string, Value>> attrs_;
};

Value queryName(const StreamingQuery& q) {
  return q.name() ? Value::str(*q.name()) : Value();
}

std::string nowIso(const PySparkContext& ctx) {
  return types::formatIsoMillisUtc(ctx.session->clock().nowMs() * 1000);
}

void post(PySparkContext& ctx, const char* method, const Value& event) {
  if (!ctx.interpreter || ctx.listeners.empty()) return;
  Interpreter& in = *ctx.interpreter;
  for (const Value& listener : std::vector<Value>(ctx.listeners)) {
    try {
      // A call from the engine's tick gets a budget of its own; onQueryStarted runs inside the
      // program's start() and counts against the program's.
      if (std::string_view(method) != "onQueryStarted") in.resetBudget();
      CallArgs args;
      args.positional = {event};
      in.call(in.getAttr(listener, method, {}), args);
    } catch (const ScriptExit&) {
      ctx.session->log("ERROR", fmt::format("Listener {} threw an exception: awaitTermination() "
                                            "inside a listener is not supported",
                                            typeNameOf(listener)));
    } catch (const Error& e) {
      ctx.session->log("ERROR", fmt::format("Listener {} threw an exception: {}",
                                            typeNameOf(listener), e.describe()));
    }
  }
}

}  // namespace

Value streamingQueryListenerClass() {
  auto cls = std::make_shared<ClassObject>("StreamingQueryListener",
                                           std::vector<std::shared_ptr<ClassObject>>{});
  // What a listener does not define does nothing (onQueryIdle, new in Spark 3.5, is optional).
  for (const char* method :
       {"onQueryStarted", "onQueryProgress", "onQueryIdle", "onQueryTerminated"}) {
    cls->set(method, Value::builtin(method, [](Interpreter&, CallArgs&) { return Value(); }));
  }
  return Value::object(ValueType::Host, std::move(cls));
}

// spark.streams.addListener(listener): an instance of a StreamingQueryListener subclass. Anything
// else fails as in PySpark, which asks it for its Java peer.
void addListener(PySparkContext& ctx, const Value& listener, SourcePosition pos) {
  auto* instance = listener.as<InstanceObject>();
  auto* base = ctx.listener_class.as<ClassObject>();
  if (!instance || !base || !instance->cls()->derivesFrom(*base)) {
    throw Error(ErrorClass::AttributeError,
                fmt::format("'{}' object has no attribute '_jlistener'", typeNameOf(listener)),
                pos);
  }
  ctx.listeners.push_back(listener);
}

void removeListener(PySparkContext& ctx, const Value& listener) {
  std::erase_if(ctx.listeners, [&](const Value& l) { return l.obj() == listener.obj(); });
}

void postQueryStarted(PySparkContext& ctx, const StreamingQuery& q) {
  post(ctx, "onQueryStarted",
       host<ListenerEvent>("QueryStartedEvent", std::vector<std::pair<std::string, Value>>{
                                                    {"id", Value::str(q.id())},
                                                    {"runId", Value::str(q.runId())},
                                                    {"name", queryName(q)},
                                                    {"timestamp", Value::str(nowIso(ctx))}}));
}

void postQueryProgress(PySparkContext& ctx, const StreamingQuery& q) {
  const auto& recent = q.execution()->recentProgress();
  if (ctx.listeners.empty() || recent.empty()) return;
  OrderedJson j = recent.back().toJson();
  post(ctx, "onQueryProgress",
       host<ListenerEvent>("QueryProgressEvent",
                           std::vector<std::pair<std::string, Value>>{
                               {"progress", host<ProgressObject>("StreamingQueryProgress", j)}}));
}

void postQueryTerminated(PySparkContext& ctx, const StreamingQuery& q,
                         const std::optional<Error>& error) {
  Value exception =
      error ? Value::str(std::string(error->className()) + ": " + error->message()) : Value();
  post(ctx, "onQueryTerminated",
       host<ListenerEvent>("QueryTerminatedEvent", std::vector<std::pair<std::string, Value>>{
                                                       {"id", Value::str(q.id())},
                                                       {"runId", Value::str(q.runId())},
                                                       {"exception", exception}}));
}

}  // namespace runnel::pyspark
