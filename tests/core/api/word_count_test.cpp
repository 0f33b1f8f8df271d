// The course's socket word count through the C++ API: lines typed in three batches, checked against
// Spark's console text (rows compared as a multiset within each table: complete mode is
// hash-ordered).
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "runnel/spark_session.h"
#include "stream/micro_batch_execution.h"
#include "types/value.h"

namespace runnel {
namespace {

using functions::call;
using functions::col;
using functions::litString;

// Splits console output into tables; each table's data rows are sorted so order does not matter.
std::vector<std::string> normalisedTables(const std::string& text) {
  std::vector<std::string> tables;
  std::istringstream in(text);
  std::string line, current;
  std::vector<std::string> rows;
  int borders = 0;
  auto flush = [&] {
    std::sort(rows.begin(), rows.end());
    for (const auto& r : rows)
      current += r + "\n";
    rows.clear();
  };
  while (std::getline(in, line)) {
    if (line.rfind("+", 0) == 0) {
      ++borders;
      if (borders == 3) flush();
      current += line + "\n";
      if (borders == 3) {
        tables.push_back(current);
        current.clear();
        borders = 0;
      }
    } else if (borders == 2 && line.rfind("|", 0) == 0) {
      rows.push_back(line);
    } else {
      current += line + "\n";
    }
  }
  if (!current.empty()) tables.push_back(current);
  return tables;
}

struct WordCount {
  std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>(1'700'000'000'000);
  std::string out;
  std::shared_ptr<SparkSession> spark;
  std::optional<StreamingQuery> query;

  explicit WordCount(const std::string& mode, const std::string& trigger = "") {
    SessionOptions opts;
    opts.clock = clock;
    opts.listener.on_output = [this](const std::string& t) { out += t; };
    spark = SparkSession::create(opts);
    DataFrame lines = spark->readStream()
                          .format("socket")
                          .option("host", "localhost")
                          .option("port", "9999")
                          .load();
    DataFrame words = lines.select(
        {call("explode", {call("split", {col("value"), litString(" ")})}).alias("word")});
    DataFrame counts = words.groupBy({col("word")}).count();
    DataStreamWriter w = counts.writeStream().outputMode(mode).format("console");
    if (!trigger.empty()) w.triggerProcessingTime(trigger);
    query = w.start();
  }
  void type(const std::string& line) { spark->pushSocketLines("localhost:9999", {line}); }
};

TEST(SocketWordCount, CompleteModePrintsSparkConsoleText) {
  WordCount wc("complete", "2 seconds");
  wc.spark->tick();  // batch 0 runs at start, empty
  wc.type("cat dog cat");
  wc.clock->advance(2000);
  wc.spark->tick();
  wc.type("bird dog");
  wc.clock->advance(2000);
  wc.spark->tick();
  const std::string expected =
      "-------------------------------------------\nBatch: 0\n"
      "-------------------------------------------\n"
      "+----+-----+\n|word|count|\n+----+-----+\n+----+-----+\n\n"
      "-------------------------------------------\nBatch: 1\n"
      "-------------------------------------------\n"
      "+----+-----+\n|word|count|\n+----+-----+\n| cat|    2|\n| dog|    1|\n+----+-----+\n\n"
      "-------------------------------------------\nBatch: 2\n"
      "-------------------------------------------\n"
      "+----+-----+\n|word|count|\n+----+-----+\n|bird|    1|\n| cat|    2|\n| dog|    2|\n"
      "+----+-----+\n\n";
  EXPECT_EQ(normalisedTables(wc.out), normalisedTables(expected));
}

TEST(SocketWordCount, UpdateModePrintsOnlyChangedWords) {
  WordCount wc("update");
  wc.spark->tick();
  wc.type("cat dog cat");
  wc.spark->tick();
  wc.out.clear();
  wc.type("bird dog");
  wc.spark->tick();
  EXPECT_EQ(normalisedTables(wc.out),
            normalisedTables("-------------------------------------------\nBatch: 2\n"
                             "-------------------------------------------\n"
                             "+----+-----+\n|word|count|\n+----+-----+\n|bird|    1|\n|"
                             " dog|    2|\n+----+-----+\n\n"));
}

TEST(SocketWordCount, IdleTriggerPrintsNothing) {
  WordCount wc("complete", "2 seconds");
  wc.spark->tick();
  wc.out.clear();
  wc.clock->advance(2000);
  EXPECT_FALSE(wc.spark->tick());
  EXPECT_EQ(wc.out, "");
  EXPECT_EQ(wc.query->execution()->statusMessage(), "Waiting for data to arrive");
}

TEST(SocketWordCount, AppendModeIsRejectedAtStart) {
  auto clock = std::make_shared<ManualClock>(0);
  SessionOptions opts;
  opts.clock = clock;
  auto spark = SparkSession::create(opts);
  DataFrame lines = spark->readStream()
                        .format("socket")
                        .option("host", "localhost")
                        .option("port", "9999")
                        .load();
  DataFrame counts =
      lines.select({call("explode", {call("split", {col("value"), litString(" ")})}).alias("word")})
          .groupBy({col("word")})
          .count();
  try {
    counts.writeStream().outputMode("append").format("console").start();
    FAIL() << "append mode with an aggregation must be rejected";
  } catch (const Error& e) {
    EXPECT_EQ(e.errorClass(), ErrorClass::AnalysisException);
    EXPECT_NE(e.message().find("without watermark"), std::string::npos) << e.message();
  }
}

TEST(SocketWordCount, RefusedConnectionFailsTheQuery) {
  WordCount wc("complete");
  wc.spark->failSocketTarget("localhost:9999", "Connection refused");
  wc.spark->tick();
  ASSERT_FALSE(wc.query->isActive());
  ASSERT_TRUE(wc.query->exception().has_value());
  EXPECT_NE(wc.query->exception()->message().find("terminated with exception: Connection refused"),
            std::string::npos);
}

}  // namespace
}  // namespace runnel
