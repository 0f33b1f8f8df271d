// DataFrameReader: spark.read for csv, json and text over a file or a folder of the session's
// FileSystem. The read is eager: the rows become a LocalRelation, like createDataFrame's.
#include <algorithm>

#include <fmt/format.h>

#include "api/source_reading.h"
#include "format/file_format.h"
#include "io/file_index.h"
#include "plan/analyzer.h"
#include "runnel/data_stream_reader.h"
#include "runnel/spark_session.h"
#include "sql/data_type_parser.h"
#include "stream/file_stream_sink_log.h"

namespace runnel {

namespace {

std::string formatTitle(format::FileFormatKind kind) {
  switch (kind) {
    case format::FileFormatKind::Csv:
      return "CSV";
    case format::FileFormatKind::Json:
      return "JSON";
    case format::FileFormatKind::Text:
      return "Text";
  }
  return "";
}

}  // namespace

types::Schema nullableSchema(const types::Schema& schema) {
  types::Schema s = schema;
  for (auto& f : s.fields)
    f.nullable = true;  // file sources read user schemas as nullable
  return s;
}

format::ReadOptions readOptions(const SparkSession& session, const SourceOptions& options) {
  format::ReadOptions o;
  o.options = options.all();
  o.zone = types::tryParseTimeZone(session.timeZone()).value_or(types::TimeZone::utc());
  return o;
}

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
  std::string name = format_.empty() ? "parquet" : format_;  // spark.sql.sources.default
  auto kind = format::fileFormatKind(name);
  if (!kind) {
    throw Error(ErrorClass::NotImplementedError,
                fmt::format("spark.read.format(\"{}\") is not supported by Runnel yet (supported: "
                            "csv, json, text)",
                            name));
  }
  format::ReadOptions options = readOptions(*session_, options_);
  std::vector<io::DataFile> files;
  if (!path.empty()) files = stream::sinkAwareDataFiles(session_->fileSystem(), path);
  std::vector<std::string> contents;
  for (const auto& f : files)
    contents.push_back(session_->fileSystem().read(f.path).value_or(""));
  // FilePartition packs the biggest files first, so that is the order rows come back in.
  std::vector<size_t> order(files.size());
  for (size_t i = 0; i < order.size(); ++i)
    order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return contents[a].size() > contents[b].size(); });
  std::vector<std::string_view> views;
  for (size_t i : order)
    views.push_back(contents[i]);

  types::Schema schema;
  if (schema_) {
    schema = nullableSchema(*schema_);
    format::checkUserSchema(*kind, schema);
  } else {
    if (files.empty() && *kind != format::FileFormatKind::Text) {
      throw Error(ErrorClass::AnalysisException,
                  fmt::format("[UNABLE_TO_INFER_SCHEMA] Unable to infer schema for {}. It must be "
                              "specified manually. SQLSTATE: 42KD9",
                              formatTitle(*kind)));
    }
    schema = format::inferFileSchema(*kind, options, views);
  }
  auto batch = std::make_shared<types::Batch>(format::readFiles(*kind, options, schema, views));
  return DataFrame(session_, plan::localRelation(batch));
}
DataFrame DataFrameReader::csv(const std::string& path) {
  return format("csv").load(path);
}
DataFrame DataFrameReader::json(const std::string& path) {
  return format("json").load(path);
}
DataFrame DataFrameReader::text(const std::string& path) {
  return format("text").load(path);
}

}  // namespace runnel
