// Datetime functions (expressions.md §4, §6): current_timestamp is the batch timestamp,
// to_timestamp with and without a format, date_format and field extraction in the session time
// zone.
#include <gtest/gtest.h>

#include "expr_fixture.h"

namespace runnel::expr {
namespace {

using namespace testing;
using Rows = std::vector<std::string>;

TEST(Datetime, CurrentTimestampIsTheBatchTimestamp) {
  auto b = makeBatch({{"v", types::stringType(), {S("a"), S("b")}}});
  EvalContext ctx;
  ctx.batch_timestamp_micros = 1704103200000000;  // 2024-01-01 10:00:00 UTC
  EXPECT_EQ(run(call("current_timestamp", {}), b, ctx),
            (Rows{"2024-01-01 10:00:00", "2024-01-01 10:00:00"}));
  EXPECT_FALSE(resolve(call("current_timestamp", {}), b.schema)->nullable);
}

TEST(Datetime, ToTimestamp) {
  auto b = makeBatch({{"s", types::stringType(), {S("2024-01-01 10:00:00"), S("abc")}},
                      {"f", types::stringType(), {S("01/02/2024 10:30"), S("x")}}});
  EvalContext legacy;
  legacy.ansi = false;
  EXPECT_EQ(run(call("to_timestamp", {col("s")}), b, legacy),
            (Rows{"2024-01-01 10:00:00", "NULL"}));
  EXPECT_NE(errorOf([&] { run(call("to_timestamp", {col("s")}), b); }).find("[CAST_INVALID_INPUT]"),
            std::string::npos);
  ExprPtr with_format = call("to_timestamp", {col("f"), lit(S("dd/MM/yyyy HH:mm"))});
  EXPECT_EQ(run(with_format, b, legacy), (Rows{"2024-02-01 10:30:00", "NULL"}));
  EXPECT_EQ(
      errorOf([&] { run(with_format, b); }),
      "[CANNOT_PARSE_TIMESTAMP] Text 'x' could not be parsed at index 0. Use `try_to_timestamp` "
      "to tolerate invalid input string and return NULL instead. SQLSTATE: 22007");
  EXPECT_EQ(run(call("try_to_timestamp", {col("f"), lit(S("dd/MM/yyyy HH:mm"))}), b),
            (Rows{"2024-02-01 10:30:00", "NULL"}));
}

TEST(Datetime, DateFormatAndFieldsInSessionZone) {
  auto b =
      makeBatch({{"ts",
                  types::timestampType(),
                  {types::Value::timestampMicros(1704103200000000), N(types::timestampType())}}});
  EvalContext plus_two;
  plus_two.time_zone = "+02:00";
  EXPECT_EQ(run(call("date_format", {col("ts"), lit(S("yyyy-MM-dd HH:mm"))}), b, plus_two),
            (Rows{"2024-01-01 12:00", "NULL"}));
  EXPECT_EQ(run(call("hour", {col("ts")}), b, plus_two), (Rows{"12", "NULL"}));
  EXPECT_EQ(run(call("year", {col("ts")}), b), (Rows{"2024", "NULL"}));
  EXPECT_EQ(run(call("minute", {col("ts")}), b), (Rows{"0", "NULL"}));
  EXPECT_EQ(run(call("unix_timestamp", {col("ts")}), b), (Rows{"1704103200", "NULL"}));
  EXPECT_EQ(prettyName(*call("unix_timestamp", {col("ts")})),
            "unix_timestamp(ts, yyyy-MM-dd HH:mm:ss)");
}

}  // namespace
}  // namespace runnel::expr
