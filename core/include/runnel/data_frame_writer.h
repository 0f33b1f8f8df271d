// DataFrameWriter: df.write for batch DataFrames (Spark's DataFrameWriter with
// InsertIntoHadoopFsRelationCommand's save modes): csv, json and text folders of part files, and
// the console format (ConsoleSinkProvider.createRelation shows the rows).
#pragma once

#include <string>

#include "runnel/data_frame.h"
#include "runnel/data_stream_reader.h"

namespace runnel {

// SaveMode: what save() does when the output path already exists.
enum class SaveMode { Append, Overwrite, ErrorIfExists, Ignore };

class DataFrameWriter {
 public:
  explicit DataFrameWriter(DataFrame df) : df_(std::move(df)) {}
  // "append", "overwrite", "ignore", "error" / "errorifexists" / "default", any case.
  DataFrameWriter& mode(const std::string& save_mode);
  DataFrameWriter& format(const std::string& source);
  DataFrameWriter& option(const std::string& key, const std::string& value);
  void save(const std::string& path = "");

 private:
  DataFrame df_;
  SaveMode mode_ = SaveMode::ErrorIfExists;
  std::string format_ = "parquet";  // spark.sql.sources.default
  SourceOptions options_;
};

}  // namespace runnel
