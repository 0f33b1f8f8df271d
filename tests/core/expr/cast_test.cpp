// Cast (expressions.md §4): string parsing with trimming, ANSI errors vs null / wrapping, try_cast,
// casts to string rendered as show() does.
#include <gtest/gtest.h>

#include "expr_fixture.h"

namespace runnel::expr {
namespace {

using namespace testing;
using Rows = std::vector<std::string>;

Rows castAll(const types::Batch& b, const char* column, types::DataTypePtr to, bool ansi,
             bool try_mode = false) {
  EvalContext ctx;
  ctx.ansi = ansi;
  return run(cast(col(column), std::move(to), try_mode), b, ctx);
}

TEST(Cast, StringToNumbersWithoutAnsi) {
  auto b = makeBatch({{"s",
                       types::stringType(),
                       {S(" 42 "), S("abc"), S("-7"), S("1.9"), S("3000000000"), S(""),
                        N(types::stringType()), S("+5")}}});
  EXPECT_EQ(castAll(b, "s", types::intType(), false),
            (Rows{"42", "NULL", "-7", "1", "NULL", "NULL", "NULL", "5"}));
  EXPECT_EQ(castAll(b, "s", types::bigintType(), false),
            (Rows{"42", "NULL", "-7", "1", "3000000000", "NULL", "NULL", "5"}));
  EXPECT_EQ(castAll(b, "s", types::doubleType(), false),
            (Rows{"42.0", "NULL", "-7.0", "1.9", "3.0E9", "NULL", "NULL", "5.0"}));
}

TEST(Cast, AnsiMalformedInputAndTryCast) {
  auto b = makeBatch({{"s", types::stringType(), {S(" 42 "), S("abc")}}});
  EXPECT_EQ(
      errorOf([&] { castAll(b, "s", types::intType(), true); }),
      "[CAST_INVALID_INPUT] The value 'abc' of the type \"STRING\" cannot be cast to \"INT\" "
      "because it is malformed. Correct the value as per the syntax, or change its target type. "
      "Use `try_cast` to tolerate malformed input and return NULL instead. SQLSTATE: 22018");
  EXPECT_EQ(castAll(b, "s", types::intType(), true, true), (Rows{"42", "NULL"}));
  auto decimal = makeBatch({{"s", types::stringType(), {S("1.5")}}});
  EXPECT_NE(errorOf([&] { castAll(decimal, "s", types::intType(), true); }), "");
}

TEST(Cast, NumericOverflow) {
  auto b = makeBatch({{"l", types::bigintType(), {L(3000000000LL), L(-1)}},
                      {"d", types::doubleType(), {D(1e10), D(-2.7)}}});
  EXPECT_EQ(castAll(b, "l", types::intType(), false), (Rows{"-1294967296", "-1"}));
  EXPECT_EQ(
      errorOf([&] { castAll(b, "l", types::intType(), true); }),
      "[CAST_OVERFLOW] The value 3000000000L of the type \"BIGINT\" cannot be cast to \"INT\" "
      "due to an overflow. Use `try_cast` to tolerate overflow and return NULL instead. "
      "SQLSTATE: 22003");
  EXPECT_EQ(castAll(b, "d", types::intType(), false), (Rows{"2147483647", "-2"}));
  EXPECT_EQ(
      errorOf([&] { castAll(b, "d", types::intType(), true); }),
      "[CAST_OVERFLOW] The value 1.0E10D of the type \"DOUBLE\" cannot be cast to \"INT\" due "
      "to an overflow. Use `try_cast` to tolerate overflow and return NULL instead. "
      "SQLSTATE: 22003");
  EXPECT_EQ(castAll(b, "d", types::bigintType(), true), (Rows{"10000000000", "-2"}));
}

TEST(Cast, BooleanAndTimestamp) {
  auto b = makeBatch(
      {{"s", types::stringType(), {S("true"), S(" Y "), S("0"), S("maybe")}},
       {"t",
        types::stringType(),
        {S("2024-01-01 10:00:00"), S("2024-01-01T10:00:00.5"), S("2024-01-01"), S("nope")}}});
  EXPECT_EQ(castAll(b, "s", types::booleanType(), false), (Rows{"true", "true", "false", "NULL"}));
  EXPECT_EQ(castAll(b, "t", types::timestampType(), false),
            (Rows{"2024-01-01 10:00:00", "2024-01-01 10:00:00.5", "2024-01-01 00:00:00", "NULL"}));
  EXPECT_EQ(
      errorOf([&] { castAll(b, "t", types::timestampType(), true); }),
      "[CAST_INVALID_INPUT] The value 'nope' of the type \"STRING\" cannot be cast to "
      "\"TIMESTAMP\" because it is malformed. Correct the value as per the syntax, or change its "
      "target type. Use `try_cast` to tolerate malformed input and return NULL instead. "
      "SQLSTATE: 22018");
  auto ts = makeBatch({{"ts", types::timestampType(), {types::Value::timestampMicros(1500000)}}});
  EXPECT_EQ(castAll(ts, "ts", types::bigintType(), true), Rows{"1"});
  EXPECT_EQ(castAll(ts, "ts", types::doubleType(), true), Rows{"1.5"});
}

TEST(Cast, ToStringAsShowRendersIt) {
  auto arr = types::Value::array(types::stringType(), {S("a"), N(types::stringType())});
  auto b = makeBatch({{"d", types::doubleType(), {D(1.0), D(1e7), D(0.0001), D(-0.0)}},
                      {"b", types::booleanType(), {B(true), B(false), B(true), B(false)}},
                      {"a", types::arrayType(types::stringType()), {arr, arr, arr, arr}}});
  EXPECT_EQ(castAll(b, "d", types::stringType(), true), (Rows{"1.0", "1.0E7", "1.0E-4", "-0.0"}));
  EXPECT_EQ(castAll(b, "b", types::stringType(), true), (Rows{"true", "false", "true", "false"}));
  EXPECT_EQ(castAll(b, "a", types::stringType(), true)[0], "[a, null]");
}

TEST(Cast, AnalysisRejectsImpossibleCasts) {
  auto b = makeBatch({{"a", types::arrayType(types::stringType()), {}}});
  EXPECT_EQ(errorOf([&] { resolve(cast(col("a"), types::intType()), b.schema); }),
            "[DATATYPE_MISMATCH.CAST_WITHOUT_SUGGESTION] Cannot resolve \"CAST(a AS INT)\" due to "
            "data type mismatch: cannot cast \"ARRAY<STRING>\" to \"INT\". SQLSTATE: 42K09");
}

}  // namespace
}  // namespace runnel::expr
