// DataStreamReader / DataFrameReader: options and source validation at load(), with Spark's messages.
#include "runnel/data_stream_reader.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "plan/analyzer.h"
#include "runnel/spark_session.h"
#include "sql/data_type_parser.h"
#include "stream/socket_source.h"

namespace runnel {

namespace {
std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

int parseInt(const std::string& v) {
  // Java's Integer.parseInt: optional sign, digits only, within int range.
  size_t i = (!v.empty() && (v[0] == '-' || v[0] == '+')) ? 1 : 0;
  bool ok = i < v.size() && v.size() - i <= 10 &&
            std::all_of(v.begin() + static_cast<long>(i), v.end(),
                        [](unsigned char c) { return std::isdigit(c); });
  long long n = ok ? std::stoll(v) : 0;
  if (!ok || n < INT32_MIN || n > INT32_MAX) {
    throw Error(ErrorClass::NumberFormatException, fmt::format("For input string: \"{}\"", v));
  }
  return static_cast<int>(n);
}

DataFrame loadSocket(const std::shared_ptr<SparkSession>& session, const SourceOptions& options) {
  const std::string* host = options.find("host");
  const std::string* port = options.find("port");
  if (host == nullptr) {
    throw Error(ErrorClass::AnalysisException, "Set a host to read from with option(\"host\", ...).");
  }
  if (port == nullptr) {
    throw Error(ErrorClass::AnalysisException, "Set a port to read from with option(\"port\", ...).");
  }
  int port_number = parseInt(*port);
  bool include_timestamp = false;
  if (const std::string* ts = options.find("includetimestamp")) {
    std::string v = lower(*ts);
    if (v != "true" && v != "false") {
      throw Error(ErrorClass::AnalysisException,
                  "includeTimestamp must be set to either \"true\" or \"false\"");
    }
    include_timestamp = v == "true";
  }
  session->log("WARN",
               "The socket source should not be used for production applications! It does not "
               "support recovery.");
  auto spec = std::make_shared<plan::SourceSpec>();
  spec->format = "socket";
  for (const auto& [k, v] : options.all()) spec->options.push_back({k, v});
  spec->description =
      fmt::format("TextSocketV2[host: {}, port: {}]", *host, port_number);
  return DataFrame(session, plan::streamingRelation(
                                spec, stream::SocketSource::schemaFor(include_timestamp)));
}

}  // namespace

void SourceOptions::set(const std::string& key, const std::string& value) {
  options_[lower(key)] = value;
}

const std::string* SourceOptions::find(const std::string& key) const {
  auto it = options_.find(lower(key));
  return it == options_.end() ? nullptr : &it->second;
}

DataStreamReader& DataStreamReader::format(const std::string& source) {
  format_ = source;
  return *this;
}
DataStreamReader& DataStreamReader::option(const std::string& key, const std::string& value) {
  options_.set(key, value);
  return *this;
}
DataStreamReader& DataStreamReader::schema(const std::string& ddl) {
  schema_ = std::make_shared<types::Schema>(sql::parseDdlSchema(ddl));
  return *this;
}
DataStreamReader& DataStreamReader::schema(const types::Schema& schema) {
  schema_ = std::make_shared<types::Schema>(schema);
  return *this;
}

DataFrame DataStreamReader::load(const std::string& path) {
  std::string f = lower(format_);
  if (f == "socket") return loadSocket(session_, options_);
  if (f.empty()) f = "parquet";
  throw Error(ErrorClass::NotImplementedError,
              fmt::format("the streaming source format \"{}\" is not supported by Runnel yet "
                          "(supported: socket{})",
                          format_.empty() ? f : format_, path.empty() ? "" : ""));
}
DataFrame DataStreamReader::csv(const std::string& path) { return format("csv").load(path); }
DataFrame DataStreamReader::json(const std::string& path) { return format("json").load(path); }
DataFrame DataStreamReader::text(const std::string& path) { return format("text").load(path); }

DataFrameReader& DataFrameReader::format(const std::string& source) {
  format_ = source;
  return *this;
}
DataFrameReader& DataFrameReader::option(const std::string& key, const std::string& value) {
  options_.set(key, value);
  return *this;
}
DataFrameReader& DataFrameReader::schema(const std::string& ddl) {
  schema_ = std::make_shared<types::Schema>(sql::parseDdlSchema(ddl));
  return *this;
}
DataFrameReader& DataFrameReader::schema(const types::Schema& schema) {
  schema_ = std::make_shared<types::Schema>(schema);
  return *this;
}
DataFrame DataFrameReader::load(const std::string& path) {
  throw Error(ErrorClass::NotImplementedError,
              fmt::format("spark.read.format(\"{}\") is not supported by Runnel yet ({})", format_,
                          path));
}
DataFrame DataFrameReader::csv(const std::string& path) { return format("csv").load(path); }
DataFrame DataFrameReader::json(const std::string& path) { return format("json").load(path); }
DataFrame DataFrameReader::text(const std::string& path) { return format("text").load(path); }

}  // namespace runnel
