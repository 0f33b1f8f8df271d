// Session windows, written like Spark's StreamingSessionWindowSuite on StreamTest: add data,
// process every due batch, check the rows the sink got since the last check and the sessions left
// in state. Sessions print as {start, end} in microseconds.
#include <gtest/gtest.h>

#include <algorithm>

#include "runnel/error.h"
#include "runnel/spark_session.h"
#include "stream/memory_stream.h"
#include "stream/micro_batch_execution.h"
#include "support/batch_rows.h"

namespace runnel {
namespace {

using functions::call;
using functions::col;
using functions::litInt;
using functions::litString;
using testing::sortedRows;
using Rows = std::vector<std::string>;

constexpr int64_t kSec = 1'000'000;

// One output row: sessionId | {start, end} | numEvents.
std::string row(const std::string& id, int64_t start_s, int64_t end_s, int64_t count) {
  return id + " | {" + std::to_string(start_s * kSec) + ", " + std::to_string(end_s * kSec) +
         "} | " + std::to_string(count);
}

Rows sorted(Rows rows) {
  std::sort(rows.begin(), rows.end());
  return rows;
}

class SessionWindowTest : public ::testing::Test {
 protected:
  void SetUp() override {
    SessionOptions opts;
    opts.clock = clock_;
    spark_ = SparkSession::create(opts);
    spark_->setConf("spark.sql.session.timeZone", "UTC");
    types::Schema schema;
    schema.fields.push_back({"value", types::stringType(), true});
    schema.fields.push_back({"timestamp", types::bigintType(), true});
    auto [stream, df] = spark_->memoryStream(schema);
    input_ = stream;
    input_df_ = df;
  }

  // StreamingSessionWindowSuite.sessionWindowQuery: words of a line are session ids.
  DataFrame sessionWindowQuery() const {
    DataFrame events = input_df_->withColumn("eventTime", col("timestamp").cast("timestamp"))
                           .withWatermark("eventTime", "30 seconds")
                           .selectExpr({"explode(split(value, ' ')) AS sessionId", "eventTime"});
    return events
        .groupBy(
            {call("session_window", {col("eventTime"), litString("10 seconds")}).alias("session"),
             col("sessionId")})
        .agg({call("count", {litInt(1)}).alias("numEvents")})
        .select({col("sessionId"), col("session"), col("numEvents")});
  }

  void start(const DataFrame& df, const std::string& mode) {
    df_ = df;
    mode_ = mode;
    query_ = df.writeStream()
                 .outputMode(mode)
                 .format("memory")
                 .queryName("sink")
                 .option("checkpointLocation", "/session-test")
                 .start();
  }
  void restart() {
    query_->stop();
    start(*df_, mode_);
  }
  void addData(const std::vector<std::pair<std::string, int64_t>>& lines) {
    std::vector<std::vector<types::Value>> rows;
    for (const auto& [text, ts] : lines)
      rows.push_back({types::Value::string(text), types::Value::int64(ts)});
    input_->addData(rows);
  }
  // CheckNewAnswer: processes everything due (no-data batches included), returns the new rows.
  Rows newRows() {
    query_->processAllAvailable();
    if (query_->exception()) ADD_FAILURE() << query_->exception()->describe();
    auto all = spark_->tableRows("sink");
    types::Batch rows = all ? *all : types::Batch::empty(df_->schema());
    std::vector<uint32_t> fresh;
    for (size_t r = seen_; r < rows.num_rows; ++r)
      fresh.push_back(static_cast<uint32_t>(r));
    seen_ = rows.num_rows;
    return sortedRows(rows.gather(fresh));
  }
  // CheckLastBatch in complete mode: the last batch is the whole result table.
  Rows lastBatch() {
    query_->processAllAvailable();
    if (query_->exception()) ADD_FAILURE() << query_->exception()->describe();
    auto all = spark_->tableRows("sink");
    return all ? sortedRows(*all) : Rows{};
  }
  int64_t numStateRows() const { return query_->execution()->numStateRows(); }

  std::shared_ptr<ManualClock> clock_ = std::make_shared<ManualClock>(0);
  std::shared_ptr<SparkSession> spark_;
  std::shared_ptr<stream::MemoryStream> input_;
  std::optional<DataFrame> input_df_;
  std::optional<DataFrame> df_;
  std::string mode_;
  std::optional<StreamingQuery> query_;
  size_t seen_ = 0;
};

TEST_F(SessionWindowTest, CompleteModeMergesSessionsAcrossBatches) {
  // StreamingSessionWindowSuite "complete mode - session window".
  start(sessionWindowQuery(), "complete");
  addData({{"hello world spark streaming", 40}, {"world hello structured streaming", 41}});
  EXPECT_EQ(lastBatch(),
            sorted({row("hello", 40, 51, 2), row("world", 40, 51, 2), row("streaming", 40, 51, 2),
                    row("spark", 40, 50, 1), row("structured", 41, 51, 1)}));
  addData({{"spark streaming", 25}});  // new sessions before the stored ones
  EXPECT_EQ(lastBatch(),
            sorted({row("spark", 25, 35, 1), row("streaming", 25, 35, 1), row("hello", 40, 51, 2),
                    row("world", 40, 51, 2), row("streaming", 40, 51, 2), row("spark", 40, 50, 1),
                    row("structured", 41, 51, 1)}));
  addData({{"spark streaming", 30}});  // bridges two stored sessions per word into one
  EXPECT_EQ(lastBatch(),
            sorted({row("spark", 25, 50, 3), row("streaming", 25, 51, 4), row("hello", 40, 51, 2),
                    row("world", 40, 51, 2), row("structured", 41, 51, 1)}));
  EXPECT_EQ(numStateRows(), 5);
  addData({{"hello apache spark", 60}});  // new sessions after the stored ones
  EXPECT_EQ(lastBatch(),
            sorted({row("spark", 25, 50, 3), row("streaming", 25, 51, 4), row("hello", 40, 51, 2),
                    row("world", 40, 51, 2), row("structured", 41, 51, 1), row("hello", 60, 70, 1),
                    row("apache", 60, 70, 1), row("spark", 60, 70, 1)}));
}

TEST_F(SessionWindowTest, AppendModeWritesASessionOnceTheWatermarkPassesItsEnd) {
  // StreamingSessionWindowSuite "append mode - session window".
  start(sessionWindowQuery(), "append");
  addData({{"hello world spark streaming", 40}, {"world hello structured streaming", 41}});
  EXPECT_EQ(newRows(), Rows{});  // watermark 11 s
  addData({{"spark streaming", 25}});
  EXPECT_EQ(newRows(), Rows{});
  addData({{"spark streaming", 0}});  // sessions [0, 10) end below the watermark: dropped
  EXPECT_EQ(newRows(), Rows{});
  EXPECT_EQ(query_->execution()
                ->recentProgress()
                .back()
                .state_operators.at(0)
                .num_rows_dropped_by_watermark,
            2);
  addData({{"spark streaming", 30}});
  EXPECT_EQ(newRows(), Rows{});
  EXPECT_EQ(numStateRows(), 5);
  addData({{"hello apache spark", 60}});  // watermark 30 s
  EXPECT_EQ(newRows(), Rows{});
  EXPECT_EQ(numStateRows(), 8);
  addData({{"structured streaming", 90}});  // watermark 60 s: every session before 60 s closes
  EXPECT_EQ(newRows(),
            sorted({row("spark", 25, 50, 3), row("streaming", 25, 51, 4), row("hello", 40, 51, 2),
                    row("world", 40, 51, 2), row("structured", 41, 51, 1)}));
  EXPECT_EQ(numStateRows(), 5);  // three at 60 s and two at 90 s remain
}

TEST_F(SessionWindowTest, SessionsAndWatermarkSurviveARestart) {
  start(sessionWindowQuery(), "append");
  addData({{"a b", 40}});
  EXPECT_EQ(newRows(), Rows{});
  restart();
  addData({{"a", 45}});  // extends the restored session of a: [40, 55)
  EXPECT_EQ(newRows(), Rows{});
  EXPECT_EQ(numStateRows(), 2);
  restart();
  addData({{"b", 52}, {"a", 0}});  // b's [52, 62) touches nothing; a at 0 s is late (watermark 15)
  EXPECT_EQ(newRows(), Rows{});
  restart();
  addData({{"c", 100}});  // watermark 70 s closes every earlier session
  EXPECT_EQ(newRows(), sorted({row("a", 40, 55, 2), row("b", 40, 50, 1), row("b", 52, 62, 1)}));
  EXPECT_EQ(numStateRows(), 1);
}

TEST_F(SessionWindowTest, RowsOfOneBatchBridgeSessionsInAnyOrder) {
  // One-row chunks and rows out of time order: the result equals one sorted pass.
  spark_->setChunkCapacity(1);
  start(sessionWindowQuery(), "complete");
  addData({{"k", 50}, {"k", 30}, {"k", 40}, {"k", 10}, {"k", 5}});
  EXPECT_EQ(lastBatch(), sorted({row("k", 5, 20, 2), row("k", 30, 60, 3)}));
  addData({{"k", 22}});  // [22, 32) reaches [30, 60) only
  EXPECT_EQ(lastBatch(), sorted({row("k", 5, 20, 2), row("k", 22, 60, 4)}));
  addData({{"k", 20}});  // [20, 30) touches both ends: one session
  EXPECT_EQ(lastBatch(), Rows{row("k", 5, 60, 7)});
  EXPECT_EQ(numStateRows(), 1);
}

TEST_F(SessionWindowTest, BatchQueryMergesEverySessionAtOnce) {
  // As DataFrameSessionWindowingSuite: a batch aggregation has no state and no watermark. The row
  // at 25 s comes last and bridges [20, 25) and [30, 35), so sum and max merge two buffers.
  types::Schema schema;
  schema.fields.push_back({"id", types::stringType(), true});
  schema.fields.push_back({"t", types::bigintType(), true});
  schema.fields.push_back({"v", types::bigintType(), true});
  auto r = [](const char* id, int64_t t, int64_t v) {
    return std::vector<types::Value>{types::Value::string(id), types::Value::int64(t),
                                     types::Value::int64(v)};
  };
  DataFrame df = spark_
                     ->createDataFrame({r("a", 10, 1), r("a", 12, 2), r("b", 10, 5), r("a", 30, 4),
                                        r("a", 20, 8), r("a", 25, 16)},
                                       schema)
                     .withColumn("ts", col("t").cast("timestamp"));
  DataFrame sessions =
      df.groupBy(
            {call("session_window", {col("ts"), litString("5 seconds")}).alias("s"), col("id")})
          .agg({call("sum", {col("v")}).alias("total"), call("max", {col("t")}).alias("last")})
          .select({col("id"), col("s"), col("total"), col("last")});
  auto session = [](int64_t start_s, int64_t end_s) {
    return "{" + std::to_string(start_s * kSec) + ", " + std::to_string(end_s * kSec) + "}";
  };
  EXPECT_EQ(sortedRows(sessions.collect()),
            sorted({"a | " + session(10, 17) + " | 3 | 12", "a | " + session(20, 35) + " | 28 | 30",
                    "b | " + session(10, 15) + " | 5 | 10"}));
}

TEST_F(SessionWindowTest, EveryBufferMergesWhenABatchBridgesStoredSessions) {
  DataFrame events = input_df_->withColumn("eventTime", col("timestamp").cast("timestamp"))
                         .withWatermark("eventTime", "30 seconds");
  auto agg = [](const char* f) { return call(f, {col("timestamp")}).alias(f); };
  start(
      events
          .groupBy(
              {call("session_window", {col("eventTime"), litString("5 seconds")}).alias("session"),
               col("value")})
          .agg({agg("count"), agg("sum"), agg("min"), agg("max"), agg("avg"),
                call("approx_count_distinct", {col("timestamp")}).alias("distinct")})
          .select({col("value"), col("count"), col("sum"), col("min"), col("max"), col("avg"),
                   col("distinct")}),
      "complete");
  addData({{"a", 20}, {"a", 30}, {"a", 30}});
  EXPECT_EQ(lastBatch(),
            sorted({"a | 1 | 20 | 20 | 20 | 20 | 1", "a | 2 | 60 | 30 | 30 | 30 | 1"}));
  addData({{"a", 25}});  // [25, 30) touches both stored sessions
  EXPECT_EQ(lastBatch(), Rows{"a | 4 | 105 | 20 | 30 | 26.25 | 3"});
  EXPECT_EQ(numStateRows(), 1);
}

TEST_F(SessionWindowTest, UpdateModeIsRejected) {
  try {
    start(sessionWindowQuery(), "update");
    FAIL() << "expected AnalysisException";
  } catch (const Error& e) {
    EXPECT_EQ(e.errorClass(), ErrorClass::AnalysisException);
    EXPECT_EQ(e.message().rfind("Update output mode not supported for session window on streaming "
                                "DataFrames/DataSets;\n",
                                0),
              0u)
        << e.message();
  }
}

TEST_F(SessionWindowTest, GlobalAggregationWithSessionWindowFails) {
  DataFrame global =
      input_df_->withColumn("eventTime", col("timestamp").cast("timestamp"))
          .withWatermark("eventTime", "10 seconds")
          .groupBy(
              {call("session_window", {col("eventTime"), litString("5 seconds")}).alias("session")})
          .agg({call("count", {litInt(1)}).alias("count")});
  std::string message;
  try {
    start(global, "complete");
    addData({{"x", 40}});
    query_->processAllAvailable();
    if (query_->exception()) message = query_->exception()->message();
  } catch (const Error& e) {
    message = e.message();
  }
  EXPECT_NE(message.find("Global aggregation with session window in streaming query is not "
                         "supported."),
            std::string::npos)
      << message;
}

}  // namespace
}  // namespace runnel
