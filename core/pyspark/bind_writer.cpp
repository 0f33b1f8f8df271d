// df.writeStream (DataStreamWriter): outputMode, format, option(s), queryName, keyword-only trigger
// with PySpark's argument errors, foreachBatch and foreach (a function per row, or a writer object
// with open/process/close) calling back into the interpreter, and start().
#include <fmt/format.h>

#include "pyspark/bindings.h"
#include "pyspark/call_args.h"
#include "pyspark/exceptions.h"
#include "types/batch.h"

namespace runnel::pyspark {
namespace {

class WriterObject final : public HostObject, public std::enable_shared_from_this<WriterObject> {
 public:
  WriterObject(ContextPtr ctx, DataFrame df) : ctx_(std::move(ctx)), w_(std::move(df)) {}
  const char* typeName() const override { return "DataStreamWriter"; }
  bool hasMethod(const std::string& n) const override {
    return n == "outputMode" || n == "format" || n == "option" || n == "options" ||
           n == "queryName" || n == "trigger" || n == "foreachBatch" || n == "start" ||
           n == "foreach" || n == "partitionBy" || n == "toTable";
  }

  std::optional<Value> callMethod(Interpreter& in, const std::string& n, CallArgs& a) override {
    SourcePosition pos = a.pos;
    std::string fn = "DataStreamWriter." + n;
    Value self = Value::object(ValueType::Host, shared_from_this());
    if (n == "outputMode" || n == "format" || n == "queryName") {
      Params p(a, fn,
               {n == "outputMode" ? "outputMode"
                : n == "format"   ? "source"
                                  : "queryName"},
               1);
      const std::string& v = requireStr(*p.get(0), n, pos);
      if (n == "queryName" && v.empty()) {
        throw Error(
            ErrorClass::PySparkValueError,
            "[VALUE_NOT_NON_EMPTY_STR] Value for `queryName` must be a non empty string, got ''.",
            pos);
      }
      if (n == "outputMode")
        w_.outputMode(v);
      else if (n == "format")
        w_.format(v);
      else
        w_.queryName(v);
      return self;
    }
    if (n == "option") {
      Params p(a, fn, {"key", "value"}, 2);
      w_.option(requireStr(*p.get(0), "key", pos), optionString(*p.get(1)));
      return self;
    }
    if (n == "options") {
      Params p(a, fn, {}, 0, false, true);
      for (const auto& [k, v] : p.extraKeywords())
        w_.option(k, optionString(v));
      return self;
    }
    if (n == "trigger") return trigger(a), self;
    if (n == "foreachBatch" || n == "foreach") {
      Params p(a, fn, {n == "foreach" ? "f" : "func"}, 1);
      Value func = *p.get(0);
      if (func.type() != ValueType::Function && func.type() != ValueType::Builtin) {
        if (n == "foreach") {
          w_.foreachBatch(writerCallBack(in, func, pos));
          return self;
        }
        throw Error(ErrorClass::PySparkTypeError,
                    fmt::format("[NOT_CALLABLE] Argument `func` should be a callable, got {}.",
                                typeNameOf(func)),
                    pos);
      }
      w_.foreachBatch(callBack(func, n == "foreach", pos));
      return self;
    }
    if (n == "start") {
      Params p(a, fn, {"path", "format", "outputMode", "partitionBy", "queryName"}, 0, false, true);
      if (p.has(1)) w_.format(requireStr(*p.get(1), "format", pos));
      if (p.has(2)) w_.outputMode(requireStr(*p.get(2), "outputMode", pos));
      if (p.has(4)) w_.queryName(requireStr(*p.get(4), "queryName", pos));
      for (const auto& [k, v] : p.extraKeywords())
        w_.option(k, optionString(v));
      (void)in;
      StreamingQuery q = w_.start(p.has(0) ? requireStr(*p.get(0), "path", pos) : "");
      ctx_->failure_positions[q.id()] = pos;
      return wrapQuery(ctx_, std::move(q));
    }
    if (hasMethod(n)) {
      throw Error(ErrorClass::NotImplementedError,
                  fmt::format("{}() is not supported by Runnel", fn), pos);
    }
    return std::nullopt;
  }

 private:
  // The sink's callback into the interpreter: func(df, batch_id) per micro-batch, or, for foreach,
  // f(row) per row (PySpark's foreach with a function runs it on every row of the batch).
  ForeachBatchFunction callBack(const Value& func, bool per_row, SourcePosition pos) const {
    std::weak_ptr<PySparkContext> weak =
        ctx_;  // the session holds this callback: no cycle back to it
    return [weak, func, per_row, pos](const DataFrame& batch, int64_t batch_id) {
      // Runs later, from tick(): the program has finished, the interpreter and its globals live
      // on.
      ContextPtr ctx = weak.lock();
      if (!ctx)
        throw Error(ErrorClass::RuntimeError, "the program that defined foreachBatch has ended",
                    pos);
      Interpreter& interp = *ctx->interpreter;
      interp.resetBudget();
      try {
        if (per_row) {
          Value rows = rowsToPython(batch.collect());
          for (const Value& row : rows.items()) {
            CallArgs args;
            args.pos = pos;
            args.positional = {row};
            interp.call(func, args);
          }
          return;
        }
        CallArgs args;
        args.pos = pos;
        args.positional = {wrapDataFrame(ctx, batch), Value::integer(batch_id)};
        interp.call(func, args);
      } catch (const ScriptExit&) {
        throw Error(ErrorClass::NotImplementedError,
                    "awaitTermination() inside foreachBatch is not supported", pos);
      } catch (const Error& e) {
        throw userFunctionError(e, per_row, pos);
      }
    };
  }

  // PySpark's foreach with an object: process(row) is required, open and close are optional, and
  // each must be callable where it exists ([ATTRIBUTE_NOT_CALLABLE], a PySparkAttributeError,
  // which is an AttributeError). Per batch (Runnel's batches are one partition, 0):
  // open(partition_id, epoch_id) says whether process() gets the rows, then close(error) runs with
  // what process() raised, or None.
  ForeachBatchFunction writerCallBack(Interpreter& in, const Value& writer,
                                      SourcePosition pos) const {
    auto method = [&](const char* name) -> bool {
      Value v;
      try {
        v = in.getAttr(writer, name, pos);
      } catch (const Error& e) {
        if (e.errorClass() != ErrorClass::AttributeError) throw;
        if (std::string(name) != "process") return false;
      }
      if (v.type() != ValueType::Function && v.type() != ValueType::Builtin) {
        throw Error(ErrorClass::AttributeError,
                    fmt::format("[ATTRIBUTE_NOT_CALLABLE] Attribute `{}` in provided object `f` "
                                "is not callable.",
                                name),
                    pos);
      }
      return true;
    };
    method("process");
    bool has_open = method("open");
    bool has_close = method("close");
    std::weak_ptr<PySparkContext> weak = ctx_;
    return [weak, writer, has_open, has_close, pos](const DataFrame& batch, int64_t batch_id) {
      ContextPtr ctx = weak.lock();
      if (!ctx)
        throw Error(ErrorClass::RuntimeError, "the program that defined foreach has ended", pos);
      Interpreter& interp = *ctx->interpreter;
      interp.resetBudget();
      auto call = [&](const char* name, std::vector<Value> positional) {
        CallArgs args;
        args.pos = pos;
        args.positional = std::move(positional);
        return interp.call(interp.getAttr(writer, name, pos), args);
      };
      try {
        bool process =
            !has_open ||
            interp.truthy(call("open", {Value::integer(0), Value::integer(batch_id)}), pos);
        std::optional<Error> raised;
        if (process) {
          try {
            Value rows = rowsToPython(batch.collect());
            for (const Value& row : rows.items())
              call("process", {row});
          } catch (const Error& e) {
            raised = e;
          }
        }
        if (has_close) {
          call("close",
               {raised ? Value::object(ValueType::Host, std::make_shared<ExceptionValue>(*raised))
                       : Value()});
        }
        if (raised) throw *raised;
      } catch (const ScriptExit&) {
        throw Error(ErrorClass::NotImplementedError,
                    "awaitTermination() inside foreach is not supported", pos);
      } catch (const Error& e) {
        throw userFunctionError(e, true, pos);
      }
    };
  }

  // Spark's ForeachBatchSink and foreach writer wrap what the user's function raised (PySpark's
  // Python exceptions reach the JVM through Py4J, so every one of them): the query fails with
  // STREAM_FAILED quoting this, and the reason reads like the last line of the Python traceback.
  static Error userFunctionError(const Error& e, bool per_row, SourcePosition pos) {
    const char* error_class =
        per_row ? "FOREACH_USER_FUNCTION_ERROR" : "FOREACH_BATCH_USER_FUNCTION_ERROR";
    const char* sink = per_row ? "foreach sink" : "foreach batch sink";
    return Error(ErrorClass::SparkException,
                 fmt::format("[{}] An error occurred in the user provided function in {}. Reason: "
                             "{}: {} SQLSTATE: 39000",
                             error_class, sink, e.className(), e.message()),
                 e.position().line != 0 ? e.position() : pos);
  }

  void trigger(const CallArgs& a) {
    SourcePosition pos = a.pos;
    if (!a.positional.empty()) {
      throw Error(
          ErrorClass::TypeError,
          fmt::format("DataStreamWriter.trigger() takes 1 positional argument but {} were given",
                      a.positional.size() + 1),
          pos);
    }
    Params p(a, "DataStreamWriter.trigger",
             {"processingTime", "once", "continuous", "availableNow"}, 0);
    int given = 0;
    for (size_t i = 0; i < 4; ++i)
      given += p.has(i) ? 1 : 0;
    if (given != 1) {
      throw Error(ErrorClass::PySparkValueError,
                  "[ONLY_ALLOW_SINGLE_TRIGGER] Only a single trigger is allowed.", pos);
    }
    for (size_t i : {size_t{0}, size_t{2}}) {
      if (!p.has(i)) continue;
      const Value& v = *p.get(i);
      std::string name = i == 0 ? "processingTime" : "continuous";
      if (!v.isStr() || v.asStr().find_first_not_of(" \t\n\r") == std::string::npos) {
        throw Error(
            ErrorClass::PySparkValueError,
            fmt::format(
                "[VALUE_NOT_NON_EMPTY_STR] Value for `{}` must be a non empty string, got {}.",
                name, v.isStr() ? quoteString(v.asStr()) : quoteString(strOf(v))),
            pos);
      }
      std::string interval = v.asStr();
      interval.erase(0, interval.find_first_not_of(" \t\n\r"));
      interval.erase(interval.find_last_not_of(" \t\n\r") + 1);
      if (i == 0)
        w_.triggerProcessingTime(interval);
      else
        w_.triggerContinuous(interval);
    }
    for (size_t i : {size_t{1}, size_t{3}}) {
      if (!p.has(i)) continue;
      const Value& v = *p.get(i);
      std::string name = i == 1 ? "once" : "availableNow";
      if (v.type() != ValueType::Bool || !v.asBool()) {
        throw Error(
            ErrorClass::PySparkValueError,
            fmt::format("[VALUE_NOT_TRUE] Value for `{}` must be True, got '{}'.", name, strOf(v)),
            pos);
      }
      if (i == 1)
        w_.triggerOnce();
      else
        w_.triggerAvailableNow();
    }
  }

  ContextPtr ctx_;
  DataStreamWriter w_;
};

}  // namespace

Value wrapStreamWriter(const ContextPtr& ctx, DataFrame df) {
  return host<WriterObject>(ctx, std::move(df));
}

}  // namespace runnel::pyspark
