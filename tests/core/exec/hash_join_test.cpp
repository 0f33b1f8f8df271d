// HashJoin: batch joins (every join type, USING-column merge as Spark's ResolveNaturalAndUsingJoin
// does it) and stream-static joins, where each micro-batch joins only its own rows with the whole
// table.
#include "join_stream_test.h"

namespace runnel::testing {
namespace {

using functions::col;
using types::Value;

struct BatchJoins : ::testing::Test {
  std::shared_ptr<SparkSession> spark = [] {
    SessionOptions opts;
    opts.clock = std::make_shared<ManualClock>(0);
    return SparkSession::create(opts);
  }();
  DataFrame left = spark->createDataFrame(
      {{Value::int32(1), Value::string("a")}, {Value::int32(2), Value::string("b")}},
      types::Schema{{{"key", types::intType(), true}, {"l", types::stringType(), true}}});
  DataFrame right = spark->createDataFrame(
      {{Value::int32(2), Value::string("x")}, {Value::int32(3), Value::string("y")}},
      types::Schema{{{"key", types::intType(), true}, {"r", types::stringType(), true}}});
  std::vector<std::string> rows(const DataFrame& df) { return sortedRows(df.collect()); }
};

TEST_F(BatchJoins, UsingColumnAppearsOnceForEveryJoinType) {
  struct Case {
    std::string how;
    std::vector<std::string> columns;
    std::vector<std::string> rows;
  };
  const std::vector<Case> cases = {
      {"inner", {"key", "l", "r"}, {"2 | b | x"}},
      {"left", {"key", "l", "r"}, {"1 | a | NULL", "2 | b | x"}},
      {"right_outer", {"key", "l", "r"}, {"2 | b | x", "3 | NULL | y"}},
      {"full", {"key", "l", "r"}, {"1 | a | NULL", "2 | b | x", "3 | NULL | y"}},
      {"left_semi", {"key", "l"}, {"2 | b"}},
      {"anti", {"key", "l"}, {"1 | a"}},
  };
  for (const auto& c : cases) {
    DataFrame j = left.join(right, std::vector<std::string>{"key"}, c.how);
    EXPECT_EQ(j.columns(), c.columns) << c.how;
    EXPECT_EQ(rows(j), c.rows) << c.how;
  }
}

TEST_F(BatchJoins, ConditionOnASharedNameIsAmbiguous) {
  try {
    left.join(right, col("key").binary("=", col("key")));
    FAIL() << "expected AMBIGUOUS_REFERENCE";
  } catch (const Error& e) {
    EXPECT_NE(e.message().find("[AMBIGUOUS_REFERENCE] Reference `key` is ambiguous"),
              std::string::npos);
  }
}

TEST_F(BatchJoins, UnknownJoinTypeIsRejected) {
  EXPECT_THROW(left.join(right, std::vector<std::string>{"key"}, "sideways"), Error);
}

TEST(StreamStaticJoin, EachBatchJoinsItsOwnRowsWithTheWholeTable) {
  auto make = [](const std::vector<DataFrame>& in, const std::string& how) {
    DataFrame table = in[0].session()->createDataFrame(
        {{Value::int32(1), Value::string("one")}, {Value::int32(2), Value::string("two")}},
        types::Schema{{{"number", types::intType(), true}, {"word", types::stringType(), true}}});
    return in[0].join(table, col("value").binary("=", col("number")), how);
  };
  JoinStreamTest inner({intColumns({"value"})},
                       [&](const std::vector<DataFrame>& in) { return make(in, "inner"); });
  inner.addData(0, {ints({1}), ints({3})});
  EXPECT_EQ(inner.newAnswer(), std::vector<std::string>{"1 | 1 | one"});
  inner.addData(0, {ints({2})});
  EXPECT_EQ(inner.newAnswer(), std::vector<std::string>{"2 | 2 | two"});
  EXPECT_EQ(inner.numStateRows(), 0);  // stateless

  JoinStreamTest outer({intColumns({"value"})},
                       [&](const std::vector<DataFrame>& in) { return make(in, "left_outer"); });
  outer.addData(0, {ints({2}), ints({3})});
  EXPECT_EQ(outer.newAnswer(), (std::vector<std::string>{"2 | 2 | two", "3 | NULL | NULL"}));
}

}  // namespace
}  // namespace runnel::testing
