// pyspark.sql.SparkSession: SparkSession.builder (appName, master, config, getOrCreate), the
// session's readStream/read/streams/conf/sparkContext, createDataFrame, sql, table, range, stop.
#include <fmt/format.h>

#include "pyspark/bindings.h"
#include "pyspark/call_args.h"
#include "sql/data_type_parser.h"
#include "types/batch.h"

namespace runnel::pyspark {
namespace {

class ConfObject final : public HostObject {
 public:
  explicit ConfObject(ContextPtr ctx) : ctx_(std::move(ctx)) {}
  const char* typeName() const override { return "RuntimeConfig"; }
  bool hasMethod(const std::string& n) const override { return n == "set" || n == "get"; }
  std::optional<Value> callMethod(Interpreter&, const std::string& n, CallArgs& a) override {
    if (n == "set") {
      Params p(a, "RuntimeConfig.set", {"key", "value"}, 2);
      ctx_->session->setConf(requireStr(*p.get(0), "key", a.pos), optionString(*p.get(1)));
      return Value();
    }
    if (n == "get") {
      Params p(a, "RuntimeConfig.get", {"key", "default"}, 1);
      auto v = ctx_->session->getConf(requireStr(*p.get(0), "key", a.pos));
      if (v) return Value::str(*v);
      return p.get(1) ? *p.get(1) : Value();
    }
    return std::nullopt;
  }

 private:
  ContextPtr ctx_;
};

class SparkContextObject final : public HostObject {
 public:
  explicit SparkContextObject(ContextPtr ctx) : ctx_(std::move(ctx)) {}
  const char* typeName() const override { return "SparkContext"; }
  bool hasMethod(const std::string& n) const override { return n == "setLogLevel" || n == "stop"; }
  std::optional<Value> getAttr(Interpreter&, const std::string& n, SourcePosition) override {
    if (n == "appName") return Value::str(ctx_->app_name);
    if (n == "defaultParallelism") return Value::integer(1);
    return std::nullopt;
  }
  std::optional<Value> callMethod(Interpreter&, const std::string& n, CallArgs& a) override {
    if (n == "setLogLevel") {
      Params p(a, "SparkContext.setLogLevel", {"logLevel"}, 1);
      std::string level = requireStr(*p.get(0), "logLevel", a.pos);
      for (char& c : level)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      static constexpr const char* kLevels[] = {"ALL",  "DEBUG", "ERROR", "FATAL",
                                                "INFO", "OFF",   "TRACE", "WARN"};
      bool ok = false;
      for (const char* l : kLevels)
        ok = ok || level == l;
      if (!ok) {
        throw Error(
            ErrorClass::IllegalArgumentException,
            fmt::format(
                "Supplied level {} did not match one of: ALL,DEBUG,ERROR,FATAL,INFO,OFF,TRACE,WARN",
                p.get(0)->asStr()),
            a.pos);
      }
      ctx_->log_level = level;
      return Value();
    }
    if (n == "stop") return ctx_->session->stopAll(), Value();
    return std::nullopt;
  }

 private:
  ContextPtr ctx_;
};

class SessionObject final : public HostObject {
 public:
  explicit SessionObject(ContextPtr ctx) : ctx_(std::move(ctx)) {}
  const char* typeName() const override { return "SparkSession"; }
  bool hasMethod(const std::string& n) const override {
    return n == "createDataFrame" || n == "sql" || n == "table" || n == "range" || n == "stop" ||
           n == "newSession";
  }
  std::optional<Value> getAttr(Interpreter&, const std::string& n, SourcePosition) override {
    if (n == "readStream") return wrapStreamReader(ctx_, true);
    if (n == "read") return wrapStreamReader(ctx_, false);
    if (n == "streams") return wrapStreams(ctx_);
    if (n == "conf") return host<ConfObject>(ctx_);
    if (n == "sparkContext") return host<SparkContextObject>(ctx_);
    if (n == "version") return Value::str("3.5.0");
    return std::nullopt;
  }
  std::optional<Value> callMethod(Interpreter& in, const std::string& n, CallArgs& a) override {
    SourcePosition pos = a.pos;
    if (n == "sql" || n == "table") {
      Params p(a, "SparkSession." + n, {n == "sql" ? "sqlQuery" : "tableName"}, 1);
      const std::string& text = requireStr(*p.get(0), "query", pos);
      return wrapDataFrame(ctx_,
                           n == "sql" ? ctx_->session->sql(text) : ctx_->session->table(text));
    }
    if (n == "range") {
      Params p(a, "SparkSession.range", {"start", "end", "step", "numPartitions"}, 1);
      int64_t start = requireInt(*p.get(0), "start", pos);
      int64_t step = p.has(2) ? requireInt(*p.get(2), "step", pos) : 1;
      if (!p.has(1)) return wrapDataFrame(ctx_, ctx_->session->range(0, start, step));
      return wrapDataFrame(ctx_,
                           ctx_->session->range(start, requireInt(*p.get(1), "end", pos), step));
    }
    if (n == "stop") return ctx_->session->stopAll(), Value();
    if (n == "newSession") return host<SessionObject>(ctx_);
    if (n == "createDataFrame") return createDataFrame(in, a);
    return std::nullopt;
  }

 private:
  Value createDataFrame(Interpreter& in, CallArgs& a);
  ContextPtr ctx_;
};

// PySpark's _parse_datatype_string: a DDL schema ("id INT, name STRING"), else one type ("int",
// "struct<w:string>"), else "a: int, b: string" as a struct's fields; when none parses, the DDL
// schema's error. A type other than a struct makes one column named `value`.
types::Schema schemaOfString(const std::string& text, SourcePosition pos) {
  try {
    return sql::parseDdlSchema(text);
  } catch (const Error& ddl_error) {
    const size_t first = text.find_first_not_of(" \t\r\n");
    const std::string stripped =
        first == std::string::npos
            ? std::string()
            : text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
    for (const std::string& type_text : {text, "struct<" + stripped + ">"}) {
      try {
        types::DataTypePtr type = sql::parseDataType(type_text);
        types::Schema schema;
        if (type->id == types::TypeId::Struct)
          schema.fields = type->fields;
        else
          schema.fields = {{"value", type, true}};
        return schema;
      } catch (const Error&) {
      }
    }
    throw Error(ddl_error.errorClass(), ddl_error.message(), pos);
  }
}

Value SessionObject::createDataFrame(Interpreter& in, CallArgs& a) {
  SourcePosition pos = a.pos;
  Params p(a, "SparkSession.createDataFrame", {"data", "schema", "samplingRatio", "verifySchema"},
           1);
  std::vector<std::vector<Value>> rows;
  std::vector<std::string> names;
  for (const Value& r : in.iterate(*p.get(0), pos)) {
    if (r.type() == ValueType::Dict) {
      std::vector<Value> values;
      for (const auto& [k, v] : r.asDict().entries) {
        if (rows.empty()) names.push_back(strOf(k));
        values.push_back(v);
      }
      rows.push_back(std::move(values));
    } else if (r.isSequence() || r.type() == ValueType::Host) {
      rows.push_back(in.iterate(r, pos));
      if (names.empty() && r.type() == ValueType::Host) {
        for (const Value& f : in.iterate(in.getAttr(r, "__fields__", pos), pos))
          names.push_back(strOf(f));
      }
    } else {
      rows.push_back({r});
    }
  }
  const types::Schema* schema = p.has(1) ? asSchema(*p.get(1)) : nullptr;
  std::optional<types::Schema> ddl;
  if (p.has(1) && p.get(1)->type() == ValueType::Str) {
    ddl = schemaOfString(p.get(1)->asStr(), pos);
    schema = &*ddl;
  }
  if (p.has(1) && !schema) {
    if (p.get(1)->isSequence()) {
      names.clear();
      for (const Value& v : p.get(1)->items())
        names.push_back(requireStr(v, "schema", pos));
    } else {
      throw Error(ErrorClass::NotImplementedError,
                  "createDataFrame(schema=...) takes a StructType or a list of column names here",
                  pos);
    }
  }
  auto convert = [&](const std::vector<types::DataTypePtr>& types_of) {
    std::vector<std::vector<types::Value>> out;
    for (const auto& r : rows) {
      std::vector<types::Value> row;
      for (size_t i = 0; i < r.size(); ++i)
        row.push_back(pythonToSpark(r[i], i < types_of.size() ? types_of[i] : nullptr, pos));
      out.push_back(std::move(row));
    }
    return out;
  };
  if (schema) {
    std::vector<types::DataTypePtr> ts;
    for (const auto& f : schema->fields)
      ts.push_back(f.type);
    return wrapDataFrame(ctx_, ctx_->session->createDataFrame(convert(ts), *schema));
  }
  if (names.empty() && !rows.empty()) {
    for (size_t i = 0; i < rows[0].size(); ++i)
      names.push_back(fmt::format("_{}", i + 1));
  }
  return wrapDataFrame(ctx_, ctx_->session->createDataFrame(convert({}), names));
}

class BuilderObject final : public HostObject, public std::enable_shared_from_this<BuilderObject> {
 public:
  explicit BuilderObject(ContextPtr ctx) : ctx_(std::move(ctx)) {}
  const char* typeName() const override { return "Builder"; }
  bool hasMethod(const std::string& n) const override {
    return n == "appName" || n == "master" || n == "config" || n == "enableHiveSupport" ||
           n == "getOrCreate" || n == "remote" || n == "create";
  }
  std::optional<Value> callMethod(Interpreter&, const std::string& n, CallArgs& a) override {
    Value self = Value::object(ValueType::Host, shared_from_this());
    if (n == "appName" || n == "master" || n == "remote") {
      Params p(a, "Builder." + n, {"name"}, 1);
      if (n == "appName") ctx_->app_name = requireStr(*p.get(0), "name", a.pos);
      return self;
    }
    if (n == "config") {
      Params p(a, "Builder.config", {"key", "value", "conf", "map"}, 0);
      if (p.has(0) && p.has(1))
        ctx_->session->setConf(requireStr(*p.get(0), "key", a.pos), optionString(*p.get(1)));
      return self;
    }
    if (n == "enableHiveSupport") return self;
    return host<SessionObject>(ctx_);  // getOrCreate / create: the playground's one session
  }

 private:
  ContextPtr ctx_;
};

class SessionClass final : public HostObject {
 public:
  explicit SessionClass(ContextPtr ctx) : ctx_(std::move(ctx)) {}
  const char* typeName() const override { return "type"; }
  std::string repr() const override { return "<class 'pyspark.sql.session.SparkSession'>"; }
  bool hasMethod(const std::string& n) const override {
    return n == "getActiveSession" || n == "active";
  }
  std::optional<Value> getAttr(Interpreter&, const std::string& n, SourcePosition) override {
    if (n == "builder") return host<BuilderObject>(ctx_);
    return std::nullopt;
  }
  std::optional<Value> callMethod(Interpreter&, const std::string& n, CallArgs&) override {
    if (hasMethod(n)) return host<SessionObject>(ctx_);
    return std::nullopt;
  }

 private:
  ContextPtr ctx_;
};

}  // namespace

Value wrapSession(const ContextPtr& ctx) {
  return host<SessionObject>(ctx);
}

std::vector<std::pair<std::string, Value>> sqlModule(const ContextPtr& ctx) {
  std::vector<std::pair<std::string, Value>> attrs;
  attrs.emplace_back("SparkSession", host<SessionClass>(ctx));
  for (const char* cls : {"DataFrame", "Column", "GroupedData", "DataStreamReader",
                          "DataStreamWriter", "StreamingQuery"}) {
    std::string name = cls;
    attrs.emplace_back(name, Value::builtin(name, [name](Interpreter&, CallArgs& a) -> Value {
                         throw Error(ErrorClass::NotImplementedError,
                                     fmt::format("constructing {} directly is not supported", name),
                                     a.pos);
                       }));
  }
  return attrs;
}

}  // namespace runnel::pyspark
