// DataStreamReader and DataFrameReader: spark.readStream / spark.read (format, option, schema,
// load).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "runnel/data_frame.h"

namespace runnel {

class SparkSession;

// Options are case-insensitive (CaseInsensitiveStringMap); values are strings as PySpark's to_str
// makes them.
class SourceOptions {
 public:
  void set(const std::string& key, const std::string& value);
  const std::string* find(const std::string& key) const;
  const std::map<std::string, std::string>& all() const { return options_; }

 private:
  std::map<std::string, std::string> options_;  // lower-cased key -> value
};

class DataStreamReader {
 public:
  explicit DataStreamReader(std::shared_ptr<SparkSession> session) : session_(std::move(session)) {}
  DataStreamReader& format(const std::string& source);
  DataStreamReader& option(const std::string& key, const std::string& value);
  DataStreamReader& schema(const std::string& ddl);
  DataStreamReader& schema(const types::Schema& schema);
  DataFrame load(const std::string& path = "");
  DataFrame csv(const std::string& path);
  DataFrame json(const std::string& path);
  DataFrame text(const std::string& path);

 private:
  std::shared_ptr<SparkSession> session_;
  std::string format_;
  SourceOptions options_;
  std::shared_ptr<const types::Schema> schema_;
};

class DataFrameReader {
 public:
  explicit DataFrameReader(std::shared_ptr<SparkSession> session) : session_(std::move(session)) {}
  DataFrameReader& format(const std::string& source);
  DataFrameReader& option(const std::string& key, const std::string& value);
  DataFrameReader& schema(const std::string& ddl);
  DataFrameReader& schema(const types::Schema& schema);
  DataFrame load(const std::string& path = "");
  DataFrame csv(const std::string& path);
  DataFrame json(const std::string& path);
  DataFrame text(const std::string& path);

 private:
  std::shared_ptr<SparkSession> session_;
  std::string format_;
  SourceOptions options_;
  std::shared_ptr<const types::Schema> schema_;
};

}  // namespace runnel
