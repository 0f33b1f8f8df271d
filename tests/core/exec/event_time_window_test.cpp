// Event-time windows and watermark eviction, written like Spark's StreamTest
// (EventTimeWatermarkSuite, StreamingDeduplicationSuite): add data, process every due batch, check
// the rows the sink got since the last check and the state left behind. Timestamps print as
// microseconds.
#include <gtest/gtest.h>

#include <algorithm>

#include "expr/functions/time_window.h"
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

std::string window(int64_t start_s, int64_t end_s) {
  return "{" + std::to_string(start_s * kSec) + ", " + std::to_string(end_s * kSec) + "}";
}

class StreamTest : public ::testing::Test {
 protected:
  void SetUp() override {
    SessionOptions opts;
    opts.clock = clock_;
    spark_ = SparkSession::create(opts);
    spark_->setConf("spark.sql.session.timeZone", "UTC");
    types::Schema schema;
    schema.fields.push_back({"value", types::intType(), true});
    auto [stream, df] = spark_->memoryStream(schema);
    input_ = stream;
    events_ = df.withColumn("eventTime", col("value").cast("timestamp"));
  }

  DataFrame watermarked() const { return events_->withWatermark("eventTime", "10 seconds"); }

  static DataFrame windowedCount(const DataFrame& df) {
    return df.groupBy({call("window", {col("eventTime"), litString("5 seconds")}).alias("window")})
        .agg({call("count", {litInt(1)}).alias("count")});
  }

  void start(const DataFrame& df, const std::string& mode) {
    df_ = df;
    mode_ = mode;
    query_ = df.writeStream()
                 .outputMode(mode)
                 .format("memory")
                 .queryName("sink")
                 .option("checkpointLocation", "/stream-test")
                 .start();
  }
  void restart() {
    query_->stop();
    start(*df_, mode_);
  }
  void addData(const std::vector<int>& values) {
    std::vector<std::vector<types::Value>> rows;
    for (int v : values)
      rows.push_back({types::Value::int32(v)});
    input_->addData(rows);
  }
  // CheckNewAnswer: processes everything due (no-data batches included) and returns the new rows.
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
  int64_t numStateRows() const { return query_->execution()->numStateRows(); }

  std::shared_ptr<ManualClock> clock_ = std::make_shared<ManualClock>(0);
  std::shared_ptr<SparkSession> spark_;
  std::shared_ptr<stream::MemoryStream> input_;
  std::optional<DataFrame> events_;
  std::optional<DataFrame> df_;
  std::string mode_;
  std::optional<StreamingQuery> query_;
  size_t seen_ = 0;
};

TEST(TimeWindowSpec, AlignsWindowsToTheEpochPlusStartTime) {
  expr::TimeWindowSpec tumbling{5 * kSec, 5 * kSec, 0};
  EXPECT_EQ(tumbling.lastStart(12 * kSec), 10 * kSec);
  EXPECT_EQ(tumbling.lastStart(10 * kSec), 10 * kSec);  // windows are [start, end)
  EXPECT_EQ(tumbling.lastStart(-1 * kSec), -5 * kSec);  // before the epoch: still aligned
  EXPECT_EQ(tumbling.candidates(), 1);
  expr::TimeWindowSpec sliding{10 * kSec, 3 * kSec, 1 * kSec};
  EXPECT_EQ(sliding.lastStart(9 * kSec), 7 * kSec);
  EXPECT_EQ(sliding.candidates(), 4);  // ceil(10 / 3)
}

TEST_F(StreamTest, SlidingWindowPutsARowInEveryWindowHoldingIt) {
  // DataFrameTimeWindowingSuite "sliding window grouping": 10 s windows every 3 s.
  start(events_
            ->groupBy({call("window", {col("eventTime"), litString("10 seconds"),
                                       litString("3 seconds"), litString("0 second")})
                           .alias("window")})
            .agg({call("count", {litInt(1)}).alias("counts")}),
        "complete");
  addData({34, 27});
  Rows expected = {window(18, 28) + " | 1", window(21, 31) + " | 1", window(24, 34) + " | 1",
                   window(27, 37) + " | 2", window(30, 40) + " | 1", window(33, 43) + " | 1"};
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(newRows(), expected);
  EXPECT_EQ(numStateRows(), 6);
}

TEST_F(StreamTest, AppendModeWritesAWindowOnceTheWatermarkPassesItsEnd) {
  start(windowedCount(watermarked()), "append");
  addData({10, 11, 12, 13, 14, 15});
  EXPECT_EQ(newRows(), Rows{});  // watermark 5 s after the batch: nothing closes
  EXPECT_EQ(numStateRows(), 2);
  addData({25});
  EXPECT_EQ(newRows(), Rows{window(10, 15) + " | 5"});  // watermark 15 s: [10, 15) is final
  EXPECT_EQ(numStateRows(), 2);
  addData({10});  // its window ends at the watermark: late, dropped
  EXPECT_EQ(newRows(), Rows{});
  EXPECT_EQ(numStateRows(), 2);
}

TEST_F(StreamTest, UpdateModeEvictsClosedWindowsWithoutWritingThem) {
  start(windowedCount(watermarked()), "update");
  addData({10, 11, 12, 13, 14, 15});
  EXPECT_EQ(newRows(), (Rows{window(10, 15) + " | 5", window(15, 20) + " | 1"}));
  addData({25});
  EXPECT_EQ(newRows(), Rows{window(25, 30) + " | 1"});
  EXPECT_EQ(numStateRows(), 2);  // [10, 15) evicted by the no-data batch at 15 s
  addData({10, 25});
  EXPECT_EQ(newRows(), Rows{window(25, 30) + " | 2"});
}

TEST_F(StreamTest, WindowStateAndWatermarkSurviveARestart) {
  start(windowedCount(watermarked()), "append");
  addData({10, 11, 12, 13, 14, 15});
  EXPECT_EQ(newRows(), Rows{});
  addData({25});
  EXPECT_EQ(newRows(), Rows{window(10, 15) + " | 5"});
  restart();
  addData({10, 27, 30});  // the restored watermark (15 s) drops 10
  EXPECT_EQ(newRows(), Rows{window(15, 20) + " | 1"});
  restart();
  addData({40});
  EXPECT_EQ(newRows(), Rows{window(25, 30) + " | 2"});
}

TEST_F(StreamTest, AppendWithoutWatermarkIsRejected) {
  try {
    start(windowedCount(*events_), "append");
    FAIL() << "expected AnalysisException";
  } catch (const Error& e) {
    EXPECT_EQ(e.errorClass(), ErrorClass::AnalysisException);
    EXPECT_NE(e.message().find("without watermark"), std::string::npos) << e.message();
  }
}

TEST_F(StreamTest, DropDuplicatesEvictsKeysBelowTheWatermark) {
  start(watermarked().dropDuplicates().select({col("value")}), "append");
  addData({10, 11, 10, 11, 12});
  EXPECT_EQ(newRows(), (Rows{"10", "11", "12"}));
  EXPECT_EQ(numStateRows(), 3);
  addData({25});  // watermark 15 s: keys 10 to 12 are evicted
  EXPECT_EQ(newRows(), Rows{"25"});
  EXPECT_EQ(numStateRows(), 1);
  addData({10});  // late
  EXPECT_EQ(newRows(), Rows{});
  EXPECT_EQ(numStateRows(), 1);
}

TEST_F(StreamTest, DropDuplicatesWithinWatermarkKeepsAKeyUntilEventTimePlusDelay) {
  start(watermarked().dropDuplicatesWithinWatermark().select({col("value")}), "append");
  addData({10, 15, 10});
  EXPECT_EQ(newRows(), (Rows{"10", "15"}));  // watermark 5 s
  addData({15, 21});                         // 15 is still a duplicate; watermark 11 s
  EXPECT_EQ(newRows(), Rows{"21"});
  EXPECT_EQ(numStateRows(), 3);
  addData({30});  // watermark 20 s: key 10 (expires at 20 s) goes, 15 (25 s) stays
  EXPECT_EQ(newRows(), Rows{"30"});
  EXPECT_EQ(numStateRows(), 3);
}

}  // namespace
}  // namespace runnel
