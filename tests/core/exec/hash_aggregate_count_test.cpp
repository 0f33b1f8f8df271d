// HashAggregate: count(1) / count(*) count rows without a column of the constant; count(NULL)
// and count(x) still look at the values (Spark's Count skips null inputs).
#include <gtest/gtest.h>

#include "runnel/spark_session.h"
#include "support/batch_rows.h"

namespace runnel::testing {
namespace {

using types::Value;

TEST(HashAggregateCount, ConstantNullAndColumnArguments) {
  SessionOptions opts;
  opts.clock = std::make_shared<ManualClock>(0);
  auto spark = SparkSession::create(opts);
  DataFrame df = spark->createDataFrame(
      {{Value::string("a"), Value::int32(1)},
       {Value::string("a"), Value::null(types::intType())},
       {Value::string("b"), Value::null(types::intType())}},
      types::Schema{{{"k", types::stringType(), true}, {"x", types::intType(), true}}});
  DataFrame counts = df.groupBy({functions::col("k")})
                         .agg({functions::call("count", {functions::litInt(1)}),
                               functions::call("count", {functions::litNull()}),
                               functions::call("count", {functions::col("x")})});
  EXPECT_EQ(sortedRows(counts.collect()),
            (std::vector<std::string>{"a | 2 | 0 | 1", "b | 1 | 0 | 0"}));
}

}  // namespace
}  // namespace runnel::testing
