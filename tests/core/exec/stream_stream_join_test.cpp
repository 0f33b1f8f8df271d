// StreamStreamJoin, written like Spark's StreamingInnerJoinSuite / StreamingOuterJoinSuite: add
// data to either side, process, check the new rows and the state both sides buffer.
#include "join_stream_test.h"

namespace runnel::testing {
namespace {

using functions::col;
using functions::expr;

// input1.value AS key, value * 2 AS leftValue JOIN input2.value AS key, value * 3 AS rightValue
// USING key
DataFrame keyJoin(const std::vector<DataFrame>& in, const std::string& how) {
  DataFrame l = in[0].select({col("value").alias("key"), expr("value * 2").alias("leftValue")});
  DataFrame r = in[1].select({col("value").alias("key"), expr("value * 3").alias("rightValue")});
  return l.join(r, std::vector<std::string>{"key"}, how);
}

// leftKey, leftTime (from seconds), each side with a 10 s watermark.
DataFrame timed(const DataFrame& in, const std::string& side) {
  return in.select({col(side + "Key"), col("time").cast("timestamp").alias(side + "Time")})
      .withWatermark(side + "Time", "10 seconds");
}

TEST(StreamStreamJoin, InnerJoinOnKeyKeepsBothSidesAcrossRestart) {
  JoinStreamTest t({intColumns({"value"}), intColumns({"value"})},
                   [](const std::vector<DataFrame>& in) { return keyJoin(in, "inner"); });
  t.addData(0, {ints({1})});
  EXPECT_TRUE(t.newAnswer().empty());
  t.addData(1, {ints({1}), ints({10})});
  EXPECT_EQ(t.newAnswer(), std::vector<std::string>{"1 | 2 | 3"});
  t.addData(0, {ints({10})});
  EXPECT_EQ(t.newAnswer(), std::vector<std::string>{"10 | 20 | 30"});
  t.stopStream();
  t.startStream();  // the join state comes back from the checkpoint
  t.addData(1, {ints({1})});
  EXPECT_EQ(t.newAnswer(), std::vector<std::string>{"1 | 2 | 3"});
  t.addData(0, {ints({1})});
  EXPECT_EQ(t.newAnswer(), (std::vector<std::string>{"1 | 2 | 3", "1 | 2 | 3"}));
  EXPECT_EQ(t.numStateRows(), 6);  // nothing bounds the key: every row stays
}

TEST(StreamStreamJoin, RangeConditionEvictsOnlyTheBoundedSide) {
  JoinStreamTest t({intColumns({"leftKey", "time"}), intColumns({"rightKey", "time"})},
                   [](const std::vector<DataFrame>& in) {
                     return timed(in[0], "left")
                         .join(timed(in[1], "right"),
                               expr("leftKey = rightKey AND leftTime < rightTime - interval 5 "
                                    "seconds"))
                         .select({col("leftKey"), col("leftTime").cast("bigint"),
                                  col("rightTime").cast("bigint")});
                   });
  t.addData(0, {ints({1, 5})});
  EXPECT_TRUE(t.newAnswer().empty());
  t.addData(1, {ints({1, 11}), ints({1, 10})});
  EXPECT_EQ(t.newAnswer(), std::vector<std::string>{"1 | 5 | 11"});
  t.addData(0, {ints({1, 30})});  // left watermark 20 s, right 1 s: global 1 s
  t.newAnswer();
  t.addData(1, {ints({0, 30})});  // global 20 s: right rows at or below 25 s go
  EXPECT_TRUE(t.newAnswer().empty());
  EXPECT_EQ(t.numStateRows(), 3);                // left 5 and 30 (unbounded), right 30
  t.addData(1, {ints({1, 20}), ints({1, 28})});  // 20 is late
  EXPECT_EQ(t.newAnswer(), std::vector<std::string>{"1 | 5 | 28"});
}

TEST(StreamStreamJoin, LeftOuterEmitsUnmatchedRowsWhenTheWatermarkEvictsThem) {
  JoinStreamTest t({intColumns({"leftKey", "time"}), intColumns({"rightKey", "time"})},
                   [](const std::vector<DataFrame>& in) {
                     return timed(in[0], "left")
                         .join(
                             timed(in[1], "right"),
                             expr("leftKey = rightKey AND leftTime BETWEEN rightTime - interval 5 "
                                  "seconds AND rightTime + interval 5 seconds"),
                             "left_outer")
                         .select({col("leftKey"), col("rightKey"), col("leftTime").cast("bigint")});
                   });
  t.addData(0, {ints({1, 5}), ints({3, 5})});
  EXPECT_TRUE(t.newAnswer().empty());
  t.addData(1, {ints({1, 10})});
  EXPECT_EQ(t.newAnswer(), std::vector<std::string>{"1 | 1 | 5"});
  t.addData(0, {ints({1, 30})});
  t.addData(1, {ints({0, 30})});
  // Watermark 20 s: left rows at or below 14.999 s go; only (3, 5) never matched.
  EXPECT_EQ(t.newAnswer(), std::vector<std::string>{"3 | NULL | 5"});
  EXPECT_EQ(t.numStateRows(), 2);
}

}  // namespace
}  // namespace runnel::testing
