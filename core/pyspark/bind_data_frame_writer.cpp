// df.write (pyspark.sql.readwriter.DataFrameWriter): mode, format, option(s), save, and the
// csv / json / text shortcuts whose keyword arguments become options when they are not None.
#include <fmt/format.h>

#include "pyspark/bindings.h"
#include "pyspark/call_args.h"
#include "runnel/data_frame_writer.h"

namespace runnel::pyspark {
namespace {

// The keyword options of DataFrameWriter.csv / json / text after `path` (and `mode`), in
// PySpark's order.
const std::vector<std::string> kCsvParams = {"path",
                                             "mode",
                                             "compression",
                                             "sep",
                                             "quote",
                                             "escape",
                                             "header",
                                             "nullValue",
                                             "escapeQuotes",
                                             "quoteAll",
                                             "dateFormat",
                                             "timestampFormat",
                                             "ignoreLeadingWhiteSpace",
                                             "ignoreTrailingWhiteSpace",
                                             "charToEscapeQuoteEscaping",
                                             "encoding",
                                             "emptyValue",
                                             "lineSep"};
const std::vector<std::string> kJsonParams = {
    "path",    "mode",     "compression",     "dateFormat", "timestampFormat",
    "lineSep", "encoding", "ignoreNullFields"};
const std::vector<std::string> kTextParams = {"path", "compression", "lineSep"};

class WriterObject final : public HostObject, public std::enable_shared_from_this<WriterObject> {
 public:
  explicit WriterObject(DataFrame df) : w_(df.write()) {}
  const char* typeName() const override { return "DataFrameWriter"; }
  bool hasMethod(const std::string& n) const override {
    return n == "mode" || n == "format" || n == "option" || n == "options" || n == "save" ||
           n == "csv" || n == "json" || n == "text" || n == "parquet" || n == "orc" ||
           n == "partitionBy" || n == "bucketBy" || n == "sortBy" || n == "saveAsTable" ||
           n == "insertInto" || n == "jdbc";
  }

  std::optional<Value> callMethod(Interpreter&, const std::string& n, CallArgs& a) override {
    SourcePosition pos = a.pos;
    std::string fn = "DataFrameWriter." + n;
    Value self = Value::object(ValueType::Host, shared_from_this());
    if (n == "mode") {
      Params p(a, fn, {"saveMode"}, 1);
      if (p.has(0)) w_.mode(requireStr(*p.get(0), "saveMode", pos));  // None keeps the mode
      return self;
    }
    if (n == "format") {
      Params p(a, fn, {"source"}, 1);
      w_.format(requireStr(*p.get(0), "source", pos));
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
    if (n == "save") {
      Params p(a, fn, {"path", "format", "mode", "partitionBy"}, 0, false, true);
      if (p.has(1)) w_.format(requireStr(*p.get(1), "format", pos));
      if (p.has(2)) w_.mode(requireStr(*p.get(2), "mode", pos));
      if (p.has(3)) unsupported("partitionBy", pos);
      for (const auto& [k, v] : p.extraKeywords())
        w_.option(k, optionString(v));
      w_.save(p.has(0) ? requireStr(*p.get(0), "path", pos) : "");
      return Value();
    }
    if (n == "csv" || n == "json" || n == "text") {
      const auto& names = n == "csv" ? kCsvParams : n == "json" ? kJsonParams : kTextParams;
      Params p(a, fn, names, 1);
      bool has_mode = n != "text";
      if (has_mode && p.has(1)) w_.mode(requireStr(*p.get(1), "mode", pos));
      for (size_t i = has_mode ? 2 : 1; i < names.size(); ++i) {
        if (p.has(i)) w_.option(names[i], optionString(*p.get(i)));
      }
      w_.format(n);
      w_.save(requireStr(*p.get(0), "path", pos));
      return Value();
    }
    if (hasMethod(n)) unsupported(n, pos);
    return std::nullopt;
  }

 private:
  [[noreturn]] static void unsupported(const std::string& what, SourcePosition pos) {
    throw Error(ErrorClass::NotImplementedError,
                fmt::format("DataFrameWriter.{}() is not supported by Runnel (df.write supports "
                            "csv, json, text and console)",
                            what),
                pos);
  }

  DataFrameWriter w_;
};

}  // namespace

Value wrapDataFrameWriter(DataFrame df) {
  return host<WriterObject>(std::move(df));
}

}  // namespace runnel::pyspark
