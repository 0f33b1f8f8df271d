// StreamingJoinHelper and the join rules of UnsupportedOperationChecker, as tables in the manner of
// Spark's StreamingJoinHelperSuite and UnsupportedOperationsSuite.
#include <gtest/gtest.h>

#include "plan/streaming_join_helper.h"
#include "plan/unsupported_operation_checker.h"
#include "runnel/spark_session.h"
#include "stream/memory_stream.h"

namespace runnel::plan {
namespace {

using functions::col;
using functions::expr;

struct JoinPlans : ::testing::Test {
  std::shared_ptr<SparkSession> spark = [] {
    SessionOptions opts;
    opts.clock = std::make_shared<ManualClock>(0);
    return SparkSession::create(opts);
  }();
  DataFrame side(const std::string& name, bool watermark) {
    types::Schema s{{{name + "Key", types::intType(), true}, {"t", types::intType(), true}}};
    DataFrame df = spark->memoryStream(s).second.select(
        {col(name + "Key"), col("t").cast("timestamp").alias(name + "Time")});
    return watermark ? df.withWatermark(name + "Time", "10 seconds") : df;
  }
  PlanPtr joinPlan(const std::string& condition, const std::string& how = "inner",
                   bool watermarks = true) {
    return side("left", watermarks).join(side("right", watermarks), expr(condition), how).plan();
  }
  std::string checkError(const PlanPtr& p, exec::OutputMode mode = exec::OutputMode::Append) {
    try {
      checkForStreaming(*p, mode);
    } catch (const Error& e) {
      return e.message();
    }
    return "";
  }
};

TEST_F(JoinPlans, StateValueWatermarkFromRangeConditions) {
  struct Case {
    std::string condition;
    bool left_side;
    std::optional<int64_t> expected;
  };
  const std::vector<Case> cases = {
      {"leftKey = rightKey AND leftTime < rightTime - interval 5 seconds", false, 25000},
      {"leftKey = rightKey AND leftTime < rightTime - interval 5 seconds", true, std::nullopt},
      {"leftKey = rightKey AND leftTime > rightTime + interval 5 seconds", true, 25000},
      {"leftKey = rightKey AND leftTime >= rightTime - interval 5 seconds", true, 14999},
      {"leftKey = rightKey AND leftTime BETWEEN rightTime - interval 5 seconds AND rightTime + "
       "interval 5 seconds",
       false, 14999},
      {"leftKey = rightKey", true, std::nullopt},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(stateValueWatermarkOf(*joinPlan(c.condition), c.left_side, 20000), c.expected)
        << c.condition << (c.left_side ? " (left)" : " (right)");
  }
}

TEST_F(JoinPlans, CheckerRejectsWhatSparkRejects) {
  EXPECT_NE(checkError(joinPlan("leftKey = rightKey", "left_outer", false))
                .find("Stream-stream LeftOuter join between two streaming DataFrame/Datasets is "
                      "not supported without a watermark in the join keys"),
            std::string::npos);
  EXPECT_NE(checkError(joinPlan("leftKey = rightKey"), exec::OutputMode::Update)
                .find("Join between two streaming DataFrames/Datasets is not supported in Update "
                      "output mode, only in Append output mode"),
            std::string::npos);
  EXPECT_EQ(checkError(joinPlan("leftKey = rightKey AND leftTime BETWEEN rightTime - interval 5 "
                                "seconds AND rightTime",
                                "left_outer")),
            "");
  DataFrame table =
      spark->createDataFrame({}, types::Schema{{{"rightKey", types::intType(), true}}});
  PlanPtr right_outer = side("left", false).join(table, expr("leftKey = rightKey"), "right").plan();
  EXPECT_NE(checkError(right_outer)
                .find("RightOuter join with a streaming DataFrame/Dataset on the "
                      "left and a static DataFrame/DataSet on the right not "
                      "supported"),
            std::string::npos);
  PlanPtr static_left = table.join(side("left", false), expr("leftKey = rightKey"), "left").plan();
  EXPECT_NE(checkError(static_left)
                .find("LeftOuter join with a streaming DataFrame/Dataset on the "
                      "right and a static DataFrame/Dataset on the left is not "
                      "supported"),
            std::string::npos);
}

}  // namespace
}  // namespace runnel::plan
