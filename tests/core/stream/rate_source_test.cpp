// Spark's rate source (RateStreamProvider / RateStreamMicroBatchStream): valueAtSecond, the rows
// and timestamps of each batch on a manual clock, restart from the checkpoint, and option errors.
#include <gtest/gtest.h>

#include "format/read_options.h"
#include "runnel/error.h"
#include "stream/rate_source.h"
#include "support/source_harness.h"

namespace runnel::stream {
namespace {

constexpr int64_t kStart = 1'700'000'000'000;

std::string row(int64_t ts_ms, int64_t value) {
  return std::to_string(ts_ms * 1000) + " | " + std::to_string(value);
}

TEST(RateStreamProvider, ValueAtSecondRampsUpLinearly) {
  // The table in RateStreamProvider's comment: rampUpTimeSeconds = 4, rowsPerSecond = 10.
  const int64_t expected[] = {0, 2, 6, 12, 20, 30, 40};
  for (int64_t s = 0; s < 7; ++s)
    EXPECT_EQ(valueAtSecond(s, 10, 4), expected[s]) << s;
  for (int64_t s = 0; s < 5; ++s)
    EXPECT_EQ(valueAtSecond(s, 5, 0), 5 * s) << s;
}

TEST(RateStreamProvider, TimeStringAsSec) {
  const std::pair<const char*, int64_t> cases[] = {{"0s", 0},     {"5", 5},    {"5s", 5},
                                                   {"1500ms", 1}, {"2m", 120}, {"1min", 60},
                                                   {"1h", 3600},  {" 3S ", 3}};
  for (const auto& [text, seconds] : cases)
    EXPECT_EQ(timeStringAsSec(text), seconds) << text;
}

TEST(RateStreamMicroBatchStream, BatchesFollowTheManualClock) {
  testing::SourceHarness h;
  DataFrame rate = h.spark->readStream().format("rate").option("rowsPerSecond", "2").load();
  EXPECT_EQ(rate.schema().simpleString(), "timestamp: timestamp, value: bigint");
  StreamingQuery q = h.start(rate);
  h.spark->tick();  // batch 0: offsets 0 -> 0, no rows (as in Spark)
  EXPECT_EQ(h.lastBatchId(), 0);
  EXPECT_TRUE(h.lastBatch().empty());

  h.clock->advance(999);
  h.spark->tick();  // still second 0: no new offset, no batch
  EXPECT_EQ(h.lastBatchId(), 0);

  h.clock->advance(1);
  h.spark->tick();
  EXPECT_EQ(h.lastBatchId(), 1);
  EXPECT_EQ(h.lastBatch(), (std::vector<std::string>{row(kStart, 0), row(kStart + 500, 1)}));

  h.clock->advance(2500);  // now 3.5 s: seconds 1..3
  h.spark->tick();
  EXPECT_EQ(h.lastBatch(),
            (std::vector<std::string>{row(kStart + 1000, 2), row(kStart + 1500, 3),
                                      row(kStart + 2000, 4), row(kStart + 2500, 5)}));
  q.stop();
}

TEST(RateStreamMicroBatchStream, RampUpSpreadsTimestampsOverTheBatch) {
  testing::SourceHarness h;
  DataFrame rate = h.spark->readStream()
                       .format("rate")
                       .option("rowsPerSecond", "10")
                       .option("rampUpTime", "4s")
                       .load();
  StreamingQuery q = h.start(rate);
  h.spark->tick();
  h.clock->advance(2000);
  h.spark->tick();  // seconds 0..2: values [0, 6), 2000 ms over 6 values, Math.round
  EXPECT_EQ(h.lastBatch(),
            (std::vector<std::string>{row(kStart, 0), row(kStart + 333, 1), row(kStart + 667, 2),
                                      row(kStart + 1000, 3), row(kStart + 1333, 4),
                                      row(kStart + 1667, 5)}));
  q.stop();
}

TEST(RateStreamMicroBatchStream, RestartKeepsTheCreationTime) {
  testing::SourceHarness h;
  DataFrame rate = h.spark->readStream().format("rate").load();
  StreamingQuery q = h.start(rate, "/cp");
  h.spark->tick();
  h.clock->advance(1000);
  h.spark->tick();
  EXPECT_EQ(h.lastBatch(), (std::vector<std::string>{row(kStart, 0)}));
  q.stop();
  EXPECT_EQ(h.fs->read("/cp/sources/0/0"), "v1\n" + std::to_string(kStart));

  h.clock->advance(2000);  // the query was down; the rows of those seconds are still produced
  StreamingQuery again = h.start(rate, "/cp");
  h.spark->tick();
  EXPECT_EQ(h.lastBatchId(), 2);
  EXPECT_EQ(h.lastBatch(),
            (std::vector<std::string>{row(kStart + 1000, 1), row(kStart + 2000, 2)}));
  again.stop();
}

TEST(RateStreamMicroBatchStream, DescriptionIsSparks) {
  auto fs = makeMemoryFileSystem();
  format::ReadOptions o;
  o.options = {{"rowspersecond", "5"}, {"numpartitions", "3"}};
  RateSource s(*fs, "/m", RateOptions::parse(o), 0);
  // Spark's toString has no closing bracket.
  EXPECT_EQ(s.description(), "RateStreamV2[rowsPerSecond=5, rampUpTimeSeconds=0, numPartitions=3");
}

TEST(RateStreamProvider, InvalidOptionsUseSparkMessages) {
  struct Case {
    const char* key;
    const char* value;
    ErrorClass cls;
    const char* message;
  };
  const Case cases[] = {
      {"rowsPerSecond", "0", ErrorClass::IllegalArgumentException,
       "Invalid value '0'. The option 'rowsPerSecond' must be positive"},
      {"rowsPerSecond", "abc", ErrorClass::NumberFormatException, "For input string: \"abc\""},
      {"rampUpTime", "-1s", ErrorClass::IllegalArgumentException,
       "Invalid value '-1'. The option 'rampUpTime' must not be negative"},
      {"rampUpTime", "5x", ErrorClass::NumberFormatException,
       "Time must be specified as seconds (s), milliseconds (ms), microseconds (us), minutes (m or "
       "min), hour (h), or day (d). E.g. 50s, 100ms, or 250us.\nInvalid suffix: \"x\""},
      {"numPartitions", "0", ErrorClass::IllegalArgumentException,
       "Invalid value '0'. The option 'numPartitions' must be positive"},
  };
  for (const auto& c : cases) {
    testing::SourceHarness h;
    try {
      h.spark->readStream().format("rate").option(c.key, c.value).load();
      ADD_FAILURE() << c.key << "=" << c.value;
    } catch (const Error& e) {
      EXPECT_EQ(e.errorClass(), c.cls) << c.key;
      EXPECT_EQ(e.message(), c.message);
    }
  }
}

}  // namespace
}  // namespace runnel::stream
