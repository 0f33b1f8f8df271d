// spark.readStream / spark.read: DataStreamReader and DataFrameReader (format, option(s), schema as
// DDL or StructType, load, csv, json, text). Option values go through PySpark's to_str (True ->
// "true").
#include <fmt/format.h>

#include "pyspark/bindings.h"
#include "pyspark/call_args.h"

namespace runnel::pyspark {
namespace {

template <class Reader>
class ReaderObject final : public HostObject,
                           public std::enable_shared_from_this<ReaderObject<Reader>> {
 public:
  ReaderObject(ContextPtr ctx, Reader r, const char* name)
      : ctx_(std::move(ctx)), r_(std::move(r)), name_(name) {}
  const char* typeName() const override { return name_; }
  bool hasMethod(const std::string& n) const override {
    return n == "format" || n == "option" || n == "options" || n == "schema" || n == "load" ||
           n == "csv" || n == "json" || n == "text" || n == "table" || n == "parquet";
  }

  std::optional<Value> callMethod(Interpreter& in, const std::string& n, CallArgs& a) override {
    SourcePosition pos = a.pos;
    std::string fn = std::string(name_) + "." + n;
    // Readers are mutable builders returning self, so `r.option(...)` on its own line still counts.
    auto self = [&]() { return Value::object(ValueType::Host, this->shared_from_this()); };
    if (n == "format") {
      Params p(a, fn, {"source"}, 1);
      r_.format(requireStr(*p.get(0), "source", pos));
      return self();
    }
    if (n == "option") {
      Params p(a, fn, {"key", "value"}, 2);
      r_.option(requireStr(*p.get(0), "key", pos), optionString(*p.get(1)));
      return self();
    }
    if (n == "options") {
      Params p(a, fn, {}, 0, false, true);
      setOptions(p.extraKeywords());
      return self();
    }
    if (n == "schema") {
      Params p(a, fn, {"schema"}, 1);
      setSchema(*p.get(0), pos);
      return self();
    }
    if (n == "load" || n == "csv" || n == "json" || n == "text" || n == "parquet") {
      Params p(a, fn, {"path", "format", "schema"}, 0, false, true);
      std::string path = p.has(0) ? requireStr(*p.get(0), "path", pos) : "";
      if (n == "load" && p.has(1)) r_.format(requireStr(*p.get(1), "format", pos));
      if (p.has(2)) setSchema(*p.get(2), pos);
      setOptions(p.extraKeywords());
      (void)in;
      if (n == "csv") return wrapDataFrame(ctx_, r_.csv(path));
      if (n == "json") return wrapDataFrame(ctx_, r_.json(path));
      if (n == "text") return wrapDataFrame(ctx_, r_.text(path));
      if (n == "parquet") r_.format("parquet");
      return wrapDataFrame(ctx_, r_.load(path));
    }
    if (n == "table")
      throw Error(ErrorClass::NotImplementedError, fmt::format("{}() is not supported", fn), pos);
    return std::nullopt;
  }

 private:
  void setOptions(const std::vector<std::pair<std::string, Value>>& kv) {
    for (const auto& [k, v] : kv) {
      if (!v.isNone()) r_.option(k, optionString(v));
    }
  }
  void setSchema(const Value& v, SourcePosition pos) {
    if (v.isStr()) {
      r_.schema(v.asStr());
    } else if (const types::Schema* s = asSchema(v)) {
      r_.schema(*s);
    } else {
      throw Error(
          ErrorClass::PySparkTypeError,
          fmt::format("[NOT_STR_OR_STRUCT] Argument `schema` should be a str or struct, got {}.",
                      typeNameOf(v)),
          pos);
    }
  }

  ContextPtr ctx_;
  Reader r_;
  const char* name_;
};

}  // namespace

Value wrapStreamReader(const ContextPtr& ctx, bool streaming) {
  if (streaming)
    return host<ReaderObject<DataStreamReader>>(ctx, ctx->session->readStream(),
                                                "DataStreamReader");
  return host<ReaderObject<DataFrameReader>>(ctx, ctx->session->read(), "DataFrameReader");
}

}  // namespace runnel::pyspark
