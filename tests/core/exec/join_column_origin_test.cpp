// Join conditions over same-named columns, as Spark's DataFrameJoinSuite and DataFrameSelfJoinSuite
// check them: df1["key"] binds to df1's side (Spark's attribute ids), col("a.key") to the side
// aliased "a", a bare "key" both sides hold is ambiguous, and a self-join's df["key"] == df["key"]
// compares the left side with the right.
#include "join_stream_test.h"

namespace runnel::testing {
namespace {

using functions::col;
using types::Value;

Column eq(const Column& a, const Column& b) {
  return a.binary("=", b);
}

std::string errorOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.message();
  }
  return "no error";
}

struct DataFrameJoin : ::testing::Test {
  std::shared_ptr<SparkSession> spark = [] {
    SessionOptions opts;
    opts.clock = std::make_shared<ManualClock>(0);
    return SparkSession::create(opts);
  }();
  DataFrame left = spark->createDataFrame(
      {{Value::int32(1), Value::string("a")}, {Value::int32(2), Value::string("b")}},
      types::Schema{{{"key", types::intType(), true}, {"v", types::stringType(), true}}});
  DataFrame right = spark->createDataFrame(
      {{Value::int32(2), Value::string("x")}, {Value::int32(3), Value::string("y")}},
      types::Schema{{{"key", types::intType(), true}, {"v", types::stringType(), true}}});
  std::vector<std::string> rows(const DataFrame& df) { return sortedRows(df.collect()); }
};

TEST_F(DataFrameJoin, ColumnOfEachDataFrameBindsToItsSide) {
  DataFrame j = left.join(right, eq(left["key"], right["key"]), "left_outer");
  EXPECT_EQ(j.columns(), (std::vector<std::string>{"key", "v", "key", "v"}));
  EXPECT_EQ(rows(j), (std::vector<std::string>{"1 | a | NULL | NULL", "2 | b | 2 | x"}));
  EXPECT_EQ(rows(j.select({right["key"], left["v"], right["v"]})),
            (std::vector<std::string>{"2 | b | x", "NULL | a | NULL"}));
  // Through a filter and a projection that keep the columns as they are.
  DataFrame kept = j.filter(left["key"].binary(">", functions::litInt(1))).select({right["v"]});
  EXPECT_EQ(rows(kept), std::vector<std::string>{"x"});
}

TEST_F(DataFrameJoin, DropAndWithColumnKeepTheOtherSideIntact) {
  DataFrame j = left.join(right, eq(left["key"], right["key"]));
  EXPECT_EQ(rows(j.drop(std::vector<Column>{right["key"]})), std::vector<std::string>{"2 | b | x"});
  EXPECT_EQ(rows(j.withColumn("next", left["key"].binary("+", functions::litInt(1)))),
            std::vector<std::string>{"2 | b | 2 | x | 3"});
}

TEST_F(DataFrameJoin, BareNameBothSidesHoldIsAmbiguous) {
  DataFrame j = left.join(right, eq(left["key"], right["key"]));
  const std::string message =
      "[AMBIGUOUS_REFERENCE] Reference `key` is ambiguous, could be: [`key`, `key`]. SQLSTATE: "
      "42704";
  EXPECT_EQ(errorOf([&] { j.select({col("key")}); }), message);
  EXPECT_EQ(errorOf([&] { j["key"]; }), message);  // Dataset.col resolves eagerly
  EXPECT_EQ(errorOf([&] { left.join(right, eq(col("key"), right["key"])); }), message);
  EXPECT_EQ(errorOf([&] { j.filter(col("v").binary("=", functions::litString("x"))); }),
            "[AMBIGUOUS_REFERENCE] Reference `v` is ambiguous, could be: [`v`, `v`]. SQLSTATE: "
            "42704");
}

TEST_F(DataFrameJoin, AliasedSelfJoinResolvesQualifiedNames) {
  DataFrame j = left.alias("a").join(left.alias("b"), col("a.key").binary("<", col("b.key")));
  EXPECT_EQ(rows(j), std::vector<std::string>{"1 | a | 2 | b"});
  EXPECT_EQ(rows(j.select({col("b.v"), col("a.v")})), std::vector<std::string>{"b | a"});
  EXPECT_EQ(errorOf([&] { j.select({col("key")}); }),
            "[AMBIGUOUS_REFERENCE] Reference `key` is ambiguous, could be: [`a`.`key`, "
            "`b`.`key`]. SQLSTATE: 42704");
}

TEST_F(DataFrameJoin, AliasKeepsTheDataFramesColumns) {
  DataFrame j = left.alias("a").join(right.alias("b"), eq(left["key"], right["key"]));
  EXPECT_EQ(rows(j.select({left["v"], col("b.v")})), std::vector<std::string>{"b | x"});
}

TEST_F(DataFrameJoin, SelfJoinEqualityComparesLeftWithRight) {
  DataFrame j = left.join(left, eq(left["key"], left["key"]));
  EXPECT_EQ(rows(j), (std::vector<std::string>{"1 | a | 1 | a", "2 | b | 2 | b"}));
  EXPECT_EQ(errorOf([&] { j.select({left["key"]}); }).substr(0, 70),
            "[AMBIGUOUS_COLUMN_REFERENCE] Column `key` is ambiguous. It's because y");
}

TEST(StreamStaticJoin, ColumnsOfTheSameNameBindToTheirSide) {
  JoinStreamTest t({intColumns({"key"})}, [](const std::vector<DataFrame>& in) {
    DataFrame table = in[0].session()->createDataFrame(
        {{Value::int32(1), Value::string("one")}, {Value::int32(2), Value::string("two")}},
        types::Schema{{{"key", types::intType(), true}, {"word", types::stringType(), true}}});
    return in[0].join(table, eq(in[0]["key"], table["key"]), "left_outer");
  });
  t.addData(0, {ints({1}), ints({3})});
  EXPECT_EQ(t.newAnswer(), (std::vector<std::string>{"1 | 1 | one", "3 | NULL | NULL"}));
}

TEST(StreamStreamJoin, ColumnsOfTheSameNameBindToTheirSide) {
  JoinStreamTest t({intColumns({"key", "v"}), intColumns({"key", "v"})},
                   [](const std::vector<DataFrame>& in) {
                     return in[0]
                         .join(in[1], eq(in[0]["key"], in[1]["key"]))
                         .select({in[0]["key"], in[0]["v"], in[1]["v"]});
                   });
  t.addData(0, {ints({1, 10}), ints({2, 20})});
  EXPECT_TRUE(t.newAnswer().empty());
  t.addData(1, {ints({2, 200})});
  EXPECT_EQ(t.newAnswer(), std::vector<std::string>{"2 | 20 | 200"});
  t.stopStream();
  t.startStream();
  t.addData(1, {ints({1, 100})});
  EXPECT_EQ(t.newAnswer(), std::vector<std::string>{"1 | 10 | 100"});
}

// Both sides named key and time: the range condition is recognised on the columns the origins
// pick, so state is bounded as in StreamStreamJoin.RangeConditionEvictsOnlyTheBoundedSide.
TEST(StreamStreamJoin, RangeConditionOverSameNamedColumnsBoundsState) {
  auto timed = [](const DataFrame& in) {
    return in.select({col("key"), col("time").cast("timestamp").alias("time")})
        .withWatermark("time", "10 seconds");
  };
  JoinStreamTest t({intColumns({"key", "time"}), intColumns({"key", "time"})},
                   [&](const std::vector<DataFrame>& in) {
                     DataFrame l = timed(in[0]);
                     DataFrame r = timed(in[1]);
                     Column before = l["time"].binary(
                         "<", r["time"].binary("-", functions::expr("interval 5 seconds")));
                     return l.join(r, eq(l["key"], r["key"]).binary("and", before))
                         .select({l["key"], l["time"].cast("bigint"), r["time"].cast("bigint")});
                   });
  t.addData(0, {ints({1, 5})});
  EXPECT_TRUE(t.newAnswer().empty());
  t.addData(1, {ints({1, 11}), ints({1, 10})});
  EXPECT_EQ(t.newAnswer(), std::vector<std::string>{"1 | 5 | 11"});
  t.addData(0, {ints({1, 30})});
  t.newAnswer();
  t.addData(1, {ints({0, 30})});
  EXPECT_TRUE(t.newAnswer().empty());
  EXPECT_EQ(t.numStateRows(), 3);  // left 5 and 30 (unbounded), right 30
}

}  // namespace
}  // namespace runnel::testing
