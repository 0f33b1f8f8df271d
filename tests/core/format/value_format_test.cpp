// show() cell text: Java's Double.toString (JDK 19+), Python's float repr, and ToPrettyString
// values.
#include "format/value_format.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "format/double_format.h"

namespace runnel::format {
namespace {

using types::Value;

TEST(DoubleFormat, MatchesJavaDoubleToString) {
  struct Case {
    double v;
    const char* java;
  };
  const Case cases[] = {
      {1.0, "1.0"},
      {0.5, "0.5"},
      {12.0, "12.0"},
      {2.5, "2.5"},
      {6.0, "6.0"},
      {-1.5, "-1.5"},
      {0.0, "0.0"},
      {-0.0, "-0.0"},
      {100.0, "100.0"},
      {0.1, "0.1"},
      {0.1 + 0.2, "0.30000000000000004"},
      {1.0 / 3, "0.3333333333333333"},
      {2.0 / 3, "0.6666666666666666"},
      {0.001, "0.001"},
      {0.0009, "9.0E-4"},
      {1e-4, "1.0E-4"},
      {1.5e-5, "1.5E-5"},
      {1234567.0, "1234567.0"},
      {9999999.0, "9999999.0"},
      {1e7, "1.0E7"},
      {12345678.0, "1.2345678E7"},
      {1e10, "1.0E10"},
      {123456789.0, "1.23456789E8"},
      {1e21, "1.0E21"},
      {1e23, "1.0E23"},
      {9223372036854775807.0, "9.223372036854776E18"},
      {std::numeric_limits<double>::max(), "1.7976931348623157E308"},
      {std::numeric_limits<double>::min(), "2.2250738585072014E-308"},
      {std::numeric_limits<double>::denorm_min(), "4.9E-324"},
      {1e-322, "9.9E-323"},
      {std::nan(""), "NaN"},
      {std::numeric_limits<double>::infinity(), "Infinity"},
      {-std::numeric_limits<double>::infinity(), "-Infinity"},
  };
  for (const auto& c : cases)
    EXPECT_EQ(javaDoubleToString(c.v), c.java) << c.java;
}

TEST(DoubleFormat, MatchesPythonRepr) {
  struct Case {
    double v;
    const char* python;
  };
  const Case cases[] = {
      {2.5, "2.5"},
      {1.0, "1.0"},
      {6.0, "6.0"},
      {0.25, "0.25"},
      {-0.0, "-0.0"},
      {1e16, "1e+16"},
      {1.5e16, "1.5e+16"},
      {1e15, "1000000000000000.0"},
      {1234567890123456.0, "1234567890123456.0"},
      {0.0001, "0.0001"},
      {0.00001, "1e-05"},
      {1.5e-7, "1.5e-07"},
      {1e22, "1e+22"},
      {1e100, "1e+100"},
      {0.1 + 0.2, "0.30000000000000004"},
      {std::numeric_limits<double>::denorm_min(), "5e-324"},
      {std::numeric_limits<double>::infinity(), "inf"},
      {-std::numeric_limits<double>::infinity(), "-inf"},
      {std::nan(""), "nan"},
  };
  for (const auto& c : cases)
    EXPECT_EQ(pythonFloatRepr(c.v), c.python) << c.python;
}

types::DataTypePtr infoType() {
  return types::structType({{"id", types::intType(), true}, {"tag", types::stringType(), true}});
}

TEST(ValueFormat, RendersValuesLikeToPrettyString) {
  const auto utc = types::TimeZone::utc();
  EXPECT_EQ(prettyValue(Value::null(types::intType())), "NULL");
  EXPECT_EQ(prettyValue(Value::int32(-5)), "-5");
  EXPECT_EQ(prettyValue(Value::int64(9000000000)), "9000000000");
  EXPECT_EQ(prettyValue(Value::float64(1e10)), "1.0E10");
  EXPECT_EQ(prettyValue(Value::boolean(true)), "true");
  EXPECT_EQ(prettyValue(Value::string("a b")), "a b");
  EXPECT_EQ(prettyValue(Value::timestampMicros(1704103200500000)), "2024-01-01 10:00:00.5");
  EXPECT_EQ(prettyValue(Value::timestampMicros(1704103200000000), types::parseTimeZone("+01:00")),
            "2024-01-01 11:00:00");
  EXPECT_EQ(
      prettyValue(Value::array(types::stringType(), {Value::string("a"), Value::string("b")})),
      "[a, b]");
  EXPECT_EQ(prettyValue(Value::array(types::stringType(), {})), "[]");
  EXPECT_EQ(
      prettyValue(Value::array(types::intType(), {Value::int32(1), Value::null(types::intType())})),
      "[1, NULL]");
  EXPECT_EQ(
      prettyValue(Value::structOf(infoType(), {Value::int32(1), Value::null(types::stringType())}),
                  utc),
      "{1, NULL}");
  auto window = types::structType(
      {{"start", types::timestampType(), true}, {"end", types::timestampType(), true}});
  EXPECT_EQ(prettyValue(Value::structOf(window, {Value::timestampMicros(1704103200000000),
                                                 Value::timestampMicros(1704103800000000)})),
            "{2024-01-01 10:00:00, 2024-01-01 10:10:00}");
}

TEST(ValueFormat, ColumnCellsMatchValues) {
  std::vector<Value> values = {
      Value::structOf(infoType(), {Value::int32(1), Value::string("x")}),
      Value::null(infoType()),
      Value::structOf(infoType(),
                      {Value::null(types::intType()), Value::null(types::stringType())}),
  };
  auto col = types::Column::make(infoType());
  for (const auto& v : values)
    col->appendValue(v);
  for (size_t r = 0; r < values.size(); ++r)
    EXPECT_EQ(prettyCell(*col, r), prettyValue(values[r])) << r;
  EXPECT_EQ(prettyCell(*col, 0), "{1, x}");
  EXPECT_EQ(prettyCell(*col, 1), "NULL");

  auto arr = types::Column::make(types::arrayType(types::doubleType()));
  arr->appendValue(
      Value::array(types::doubleType(), {Value::float64(0.5), Value::null(types::doubleType())}));
  arr->appendValue(Value::array(types::doubleType(), {}));
  EXPECT_EQ(prettyCell(*arr, 0), "[0.5, NULL]");
  EXPECT_EQ(prettyCell(*arr, 1), "[]");
}

}  // namespace
}  // namespace runnel::format
