// DataStreamReader / DataFrameReader: options and source validation at load(), with Spark's
// messages.
#include "runnel/data_stream_reader.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "api/source_reading.h"
#include "format/file_format.h"
#include "io/file_index.h"
#include "plan/analyzer.h"
#include "runnel/spark_session.h"
#include "sql/data_type_parser.h"
#include "stream/file_stream_sink_log.h"
#include "stream/file_stream_source.h"
#include "stream/rate_source.h"
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
    throw Error(ErrorClass::AnalysisException,
                "Set a host to read from with option(\"host\", ...).");
  }
  if (port == nullptr) {
    throw Error(ErrorClass::AnalysisException,
                "Set a port to read from with option(\"port\", ...).");
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
  for (const auto& [k, v] : options.all())
    spec->options.push_back({k, v});
  spec->description = fmt::format("TextSocketV2[host: {}, port: {}]", *host, port_number);
  return DataFrame(
      session, plan::streamingRelation(spec, stream::SocketSource::schemaFor(include_timestamp)));
}

// RateStreamProvider.getTable: the options are checked when the stream is defined.
DataFrame loadRate(const std::shared_ptr<SparkSession>& session, const SourceOptions& options) {
  stream::RateOptions rate = stream::RateOptions::parse(readOptions(*session, options));
  auto spec = std::make_shared<plan::SourceSpec>();
  spec->format = "rate";
  for (const auto& [k, v] : options.all())
    spec->options.push_back({k, v});
  spec->description = fmt::format(
      "RateStreamV2[rowsPerSecond={}, rampUpTimeSeconds={}, numPartitions={}", rate.rows_per_second,
      rate.ramp_up_seconds, rate.num_partitions.value_or("default"));
  return DataFrame(session, plan::streamingRelation(spec, stream::RateSource::rateSchema()));
}

// DataSource.sourceSchema for a FileFormat: the path must be given and exist, and only text may go
// without a schema (unless spark.sql.streaming.schemaInference infers one from the files there
// now).
DataFrame loadFiles(const std::shared_ptr<SparkSession>& session, const std::string& format_name,
                    const SourceOptions& reader_options,
                    const std::shared_ptr<const types::Schema>& user_schema,
                    format::FileFormatKind kind, const std::string& path) {
  if (path.empty()) throw Error(ErrorClass::IllegalArgumentException, "'path' is not specified");
  FileSystem& fs = session->fileSystem();
  if (!fs.exists(path)) io::throwPathNotFound(path);
  format::ReadOptions options = readOptions(*session, reader_options);
  stream::FileStreamOptions::parse(options);  // validates now, as Spark's FileStreamOptions
  types::Schema schema;
  auto inference = session->getConf("spark.sql.streaming.schemaInference");
  if (user_schema) {
    schema = nullableSchema(*user_schema);
    format::checkUserSchema(kind, schema);
  } else if (kind == format::FileFormatKind::Text) {
    schema = format::textSchema();
  } else if (inference && lower(*inference) == "true") {
    std::vector<std::string> contents;
    for (const auto& file : stream::sinkAwareDataFiles(fs, path))
      contents.push_back(fs.read(file.path).value_or(""));
    std::vector<std::string_view> views(contents.begin(), contents.end());
    schema = format::inferFileSchema(kind, options, views);
  } else {
    throw Error(ErrorClass::IllegalArgumentException,
                "Schema must be specified when creating a streaming source DataFrame. If some "
                "files already exist in the directory, then depending on the file format you may "
                "be able to create a static DataFrame on that directory with "
                "'spark.read.load(directory)' and infer schema from it.");
  }
  auto spec = std::make_shared<plan::SourceSpec>();
  spec->format = lower(format_name);
  for (const auto& [k, v] : reader_options.all())
    spec->options.push_back({k, v});
  spec->path = path;
  spec->description = "FileStreamSource[" + path + "]";
  return DataFrame(session, plan::streamingRelation(spec, schema));
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
  if (f == "rate") return loadRate(session_, options_);
  if (f.empty()) f = "parquet";
  if (auto kind = format::fileFormatKind(f))
    return loadFiles(session_, format_, options_, schema_, *kind, path);
  throw Error(ErrorClass::NotImplementedError,
              fmt::format("the streaming source format \"{}\" is not supported by Runnel yet "
                          "(supported: socket, rate, csv, json, text)",
                          format_.empty() ? f : format_));
}

DataFrame DataStreamReader::csv(const std::string& path) {
  return format("csv").load(path);
}
DataFrame DataStreamReader::json(const std::string& path) {
  return format("json").load(path);
}
DataFrame DataStreamReader::text(const std::string& path) {
  return format("text").load(path);
}

}  // namespace runnel
