// DataFrameWriter: save() as Spark's InsertIntoHadoopFsRelationCommand runs it on one partition:
// the save mode decides against the output folder, then one part file
// (part-00000-<job uuid>-c000.<ext>) and an empty _SUCCESS marker are written.
#include "runnel/data_frame_writer.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "api/source_reading.h"
#include "format/csv_writer.h"
#include "format/file_format.h"
#include "format/json_writer.h"
#include "plan/logical_plan.h"
#include "runnel/spark_session.h"
#include "types/batch.h"

namespace runnel {

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

// TextOutputWriter: the value, then '\n' (a null writes an empty line).
std::string textRows(const types::Batch& rows) {
  std::string out;
  const types::Column& c = rows.column(0);
  for (size_t r = 0; r < rows.num_rows; ++r) {
    if (!c.isNull(r)) out += c.stringAt(r);
    out += '\n';
  }
  return out;
}

// How Spark names the output path in its messages: qualified with the local file system's scheme.
std::string qualifiedPath(const std::string& path) {
  return path.rfind('/', 0) == 0 ? "file:" + path : path;
}

}  // namespace

DataFrameWriter DataFrame::write() const {
  if (plan_->streaming) {
    throw Error(ErrorClass::AnalysisException,
                "[CALL_ON_STREAMING_DATASET_UNSUPPORTED] The method `write` can not be called on "
                "streaming Dataset/DataFrame. SQLSTATE: 42KDE");
  }
  return DataFrameWriter(*this);
}

DataFrameWriter& DataFrameWriter::mode(const std::string& save_mode) {
  std::string m = lower(save_mode);
  if (m == "append") {
    mode_ = SaveMode::Append;
  } else if (m == "overwrite") {
    mode_ = SaveMode::Overwrite;
  } else if (m == "ignore") {
    mode_ = SaveMode::Ignore;
  } else if (m == "error" || m == "errorifexists" || m == "default") {
    mode_ = SaveMode::ErrorIfExists;
  } else {
    throw Error(ErrorClass::AnalysisException,
                fmt::format("[INVALID_SAVE_MODE] The specified save mode \"{}\" is invalid. Valid "
                            "save modes include \"append\", \"overwrite\", \"ignore\", \"error\", "
                            "\"errorifexists\", and \"default\". SQLSTATE: 42000",
                            save_mode));
  }
  return *this;
}

DataFrameWriter& DataFrameWriter::format(const std::string& source) {
  format_ = source;
  return *this;
}

DataFrameWriter& DataFrameWriter::option(const std::string& key, const std::string& value) {
  options_.set(key, value);
  return *this;
}

void DataFrameWriter::save(const std::string& path_arg) {
  SparkSession& session = *df_.session();
  std::string f = lower(format_);
  if (f == "console") {
    int num_rows = 20;
    if (const auto* n = options_.find("numRows")) num_rows = std::stoi(*n);
    bool truncate = true;
    if (const auto* t = options_.find("truncate")) truncate = lower(*t) != "false";
    session.output(df_.showString(num_rows, truncate ? 20 : 0) + "\n");
    return;
  }
  if (f == "noop") {
    // Spark's NoopDataSource: a v2 table that takes batch writes only to append or overwrite.
    if (mode_ == SaveMode::ErrorIfExists || mode_ == SaveMode::Ignore) {
      throw Error(ErrorClass::AnalysisException,
                  fmt::format("TableProvider implementation {} cannot be written with {} mode, "
                              "please use Append or Overwrite modes instead.",
                              format_, mode_ == SaveMode::Ignore ? "Ignore" : "ErrorIfExists"));
    }
    df_.collect();  // the whole plan runs, and nothing is written
    return;
  }
  if (f != "csv" && f != "json" && f != "text") {
    throw Error(ErrorClass::NotImplementedError,
                fmt::format("the batch data source \"{}\" is not supported by Runnel's "
                            "DataFrame.write (supported: csv, json, text, console, noop)",
                            format_));
  }
  if (!path_arg.empty()) options_.set("path", path_arg);
  const std::string* path_option = options_.find("path");
  if (path_option == nullptr) {
    throw Error(ErrorClass::IllegalArgumentException,
                "Expected exactly one path to be specified, but got: ");
  }
  std::string dir = *path_option;
  while (dir.size() > 1 && dir.back() == '/')
    dir.pop_back();
  if (const auto* codec = options_.find("compression");
      codec && lower(*codec) != "none" && lower(*codec) != "uncompressed") {
    throw Error(ErrorClass::NotImplementedError,
                fmt::format("DataFrame.write with compression \"{}\" is not supported by Runnel; "
                            "files are written uncompressed",
                            *codec));
  }
  // The formats check a schema alike for reading and writing (Spark's supportDataType).
  if (auto kind = format::fileFormatKind(f)) format::checkUserSchema(*kind, df_.schema());

  FileSystem& fs = session.fileSystem();
  if (fs.exists(dir)) {
    switch (mode_) {
      case SaveMode::ErrorIfExists:
        throw Error(ErrorClass::AnalysisException,
                    fmt::format("[PATH_ALREADY_EXISTS] Path {} already exists. Set mode as "
                                "\"overwrite\" to overwrite the existing path. SQLSTATE: 42K04",
                                qualifiedPath(dir)));
      case SaveMode::Ignore:
        return;
      case SaveMode::Overwrite:
        fs.remove(dir);
        break;
      case SaveMode::Append:
        break;
    }
  }

  types::Batch rows = df_.collect();
  const format::ReadOptions read_options = readOptions(session, options_);
  std::string text;
  if (f == "csv") {
    format::CsvOptions options = format::CsvOptions::from(read_options);
    if (options.header) format::appendCsvHeader(text, rows.schema, options);
    format::appendCsvRows(text, rows, options);
  } else if (f == "json") {
    format::appendJsonRows(text, rows, format::JsonWriteOptions::from(read_options));
  } else {
    text = textRows(rows);
  }
  std::string ext = f == "text" ? ".txt" : "." + f;
  fs.writeAtomic(dir + "/part-00000-" + session.newUuid() + "-c000" + ext, text);
  fs.writeAtomic(dir + "/_SUCCESS", "");
}

}  // namespace runnel
