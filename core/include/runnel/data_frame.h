// DataFrame: PySpark's DataFrame over an analysed logical plan. Transformations analyse eagerly and
// raise Spark's AnalysisException; actions run batch plans; writeStream() starts streaming ones.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "runnel/column.h"

namespace runnel {
namespace plan {
struct LogicalPlan;
}
namespace types {
struct Schema;
struct Batch;
}  // namespace types

class SparkSession;
class GroupedData;
class DataStreamWriter;
class DataFrameWriter;

class DataFrame {
 public:
  DataFrame(std::shared_ptr<SparkSession> session, std::shared_ptr<const plan::LogicalPlan> plan);

  const std::shared_ptr<const plan::LogicalPlan>& plan() const { return plan_; }
  const std::shared_ptr<SparkSession>& session() const { return session_; }
  const types::Schema& schema() const;
  std::vector<std::string> columns() const;
  bool isStreaming() const;
  Column operator[](const std::string& name) const;  // df["word"]: a column checked to exist

  DataFrame select(const std::vector<Column>& cols) const;
  DataFrame selectExpr(const std::vector<std::string>& exprs) const;
  DataFrame filter(const Column& condition) const;
  DataFrame filter(const std::string& sql_condition) const;
  DataFrame withColumn(const std::string& name, const Column& col) const;
  DataFrame withColumnRenamed(const std::string& existing, const std::string& name) const;
  DataFrame drop(const std::vector<std::string>& names) const;  // every column of these names
  DataFrame drop(const std::vector<Column>& cols) const;  // these columns (df2.key after a join)
  DataFrame unionAll(const DataFrame& other) const;       // union / unionAll: by position
  DataFrame unionByName(const DataFrame& other, bool allow_missing = false) const;
  DataFrame limit(int64_t n) const;
  DataFrame distinct() const;
  DataFrame dropDuplicates(const std::vector<std::string>& subset = {}) const;
  DataFrame dropDuplicatesWithinWatermark(const std::vector<std::string>& subset = {}) const;
  DataFrame orderBy(const std::vector<Column>& cols) const;
  DataFrame withWatermark(const std::string& event_time, const std::string& delay) const;
  DataFrame join(const DataFrame& right, const std::vector<std::string>& on,
                 const std::string& how = "inner") const;
  DataFrame join(const DataFrame& right, const Column& condition,
                 const std::string& how = "inner") const;
  DataFrame alias(const std::string& name) const;
  DataFrame toDF(const std::vector<std::string>& names) const;
  DataFrame repartition() const { return *this; }  // one partition: a no-op, kept for Spark code
  GroupedData groupBy(const std::vector<Column>& cols) const;
  DataFrame agg(const std::vector<Column>& aggs) const;  // groupBy().agg(...)

  // Actions on batch DataFrames (Spark's error for streaming ones).
  types::Batch collect() const;
  int64_t count() const;
  std::string showString(int num_rows = 20, int truncate = 20, bool vertical = false) const;
  std::string printSchemaString() const;
  std::string toString() const;  // "DataFrame[word: string, count: bigint]"

  DataStreamWriter writeStream() const;
  DataFrameWriter write() const;  // batch DataFrames only, as Dataset.write

 private:
  std::shared_ptr<SparkSession> session_;
  std::shared_ptr<const plan::LogicalPlan> plan_;
};

class GroupedData {
 public:
  GroupedData(DataFrame df, std::vector<Column> keys)
      : df_(std::move(df)), keys_(std::move(keys)) {}
  DataFrame agg(const std::vector<Column>& aggs) const;
  DataFrame count() const;
  // sum/avg/mean/min/max over the named columns (all numeric columns when empty).
  DataFrame aggregate(const std::string& function, const std::vector<std::string>& cols) const;

 private:
  DataFrame df_;
  std::vector<Column> keys_;
};

}  // namespace runnel
