// Interval strings: SparkIntervalUtils.stringToInterval results and Spark 3.5's exact error
// reasons.
#include "types/calendar_interval.h"

#include <gtest/gtest.h>

#include <functional>

#include "runnel/error.h"

namespace runnel::types {
namespace {

constexpr int64_t kSec = 1000000;

TEST(CalendarInterval, ParsesUnitsAndCombinations) {
  struct Case {
    const char* text;
    CalendarInterval expected;
  };
  const Case cases[] = {
      {"10 seconds", {0, 0, 10 * kSec}},
      {"1 second", {0, 0, kSec}},
      {"0 seconds", {0, 0, 0}},
      {"1 minute 30 seconds", {0, 0, 90 * kSec}},
      {"interval 1 day", {0, 1, 0}},
      {"INTERVAL 2 Hours", {0, 0, 7200 * kSec}},
      {"  2 seconds  ", {0, 0, 2 * kSec}},
      {"1.5 seconds", {0, 0, 1500000}},
      {".5 seconds", {0, 0, 500000}},
      {"1. second", {0, 0, kSec}},
      {"0.000001 second", {0, 0, 1}},
      {"-1 second", {0, 0, -kSec}},
      {"- 1 second", {0, 0, -kSec}},
      {"+3 days", {0, 3, 0}},
      {"1 week", {0, 7, 0}},
      {"2 years 3 months", {27, 0, 0}},
      {"1 month -1 day", {1, -1, 0}},
      {"100 milliseconds", {0, 0, 100000}},
      {"5 microseconds", {0, 0, 5}},
      {"1 day 2 hours 3 minutes 4 seconds", {0, 1, (2 * 3600 + 3 * 60 + 4) * kSec}},
      {"1 hour 1 hour", {0, 0, 7200 * kSec}},
  };
  for (const auto& c : cases)
    EXPECT_EQ(stringToInterval(c.text), c.expected) << c.text;
}

std::string errorOf(const std::function<void()>& f, ErrorClass expected_class) {
  try {
    f();
  } catch (const Error& e) {
    EXPECT_EQ(e.errorClass(), expected_class) << e.message();
    return e.message();
  }
  return "no error";
}

TEST(CalendarInterval, RejectsWithSparkReasons) {
  struct Case {
    const char* text;
    const char* reason;
  };
  const Case cases[] = {
      {"", "interval string cannot be empty"},
      {"  ", "interval string cannot be empty"},
      {"interval", "interval string cannot be empty"},
      {"intervalx 1 day", "invalid interval prefix intervalx"},
      {"2s", "invalid value '2s'"},
      {"2 sec", "invalid unit 'sec'"},
      {"2 secondz", "invalid unit 'secondz'"},
      {"2 dayx", "invalid unit 'dayx'"},
      {"2 dayss", "invalid unit 'dayss'"},
      {"abc", "unrecognized number 'abc'"},
      {"1 day abc", "unrecognized number 'abc'"},
      {"1.5 minutes", "'minutes' cannot have fractional part"},
      {"1", "expect a unit name after '1' but hit EOL"},
      {"1.5", "expect a unit name after '1.5' but hit EOL"},
      {"1 day -", "expect a number after '-' but hit EOL"},
      {"1.0000000001 seconds",
       "interval can only support nanosecond precision, '1.0000000001' is out of range"},
      {"1x seconds", "invalid value '1x'"},
      {"99999999999999999999 seconds", "long overflow"},
      {"9999999999 days", "integer overflow"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(errorOf([&] { stringToInterval(c.text); }, ErrorClass::IllegalArgumentException),
              std::string("Error parsing '") + c.text + "' to interval, " + c.reason);
  }
}

TEST(CalendarInterval, TriggerIntervalMs) {
  EXPECT_EQ(triggerIntervalMs("2 seconds"), 2000);
  EXPECT_EQ(triggerIntervalMs("0 seconds"), 0);
  EXPECT_EQ(triggerIntervalMs("1 day"), 86400000);
  EXPECT_EQ(triggerIntervalMs("1500 microseconds"), 1);
  EXPECT_EQ(triggerIntervalMs("1 minute 30 seconds"), 90000);
  EXPECT_EQ(errorOf([] { triggerIntervalMs("1 month"); }, ErrorClass::IllegalArgumentException),
            "Doesn't support month or year interval: 1 month");
  EXPECT_EQ(errorOf([] { triggerIntervalMs("2 years"); }, ErrorClass::IllegalArgumentException),
            "Doesn't support month or year interval: 2 years");
  EXPECT_EQ(errorOf([] { triggerIntervalMs("-1 second"); }, ErrorClass::IllegalArgumentException),
            "requirement failed: the interval of trigger should not be negative");
  EXPECT_EQ(errorOf([] { triggerIntervalMs("2s"); }, ErrorClass::IllegalArgumentException),
            "Error parsing '2s' to interval, invalid value '2s'");
}

TEST(CalendarInterval, WindowAndWatermarkDurations) {
  EXPECT_EQ(intervalDurationMicros("10 minutes"), 600 * kSec);
  EXPECT_EQ(intervalDurationMicros("1 day 1 second"), 86401 * kSec);
  EXPECT_EQ(
      errorOf([] { intervalDurationMicros("1 month"); }, ErrorClass::IllegalArgumentException),
      "Intervals greater than a month is not supported (1 month).");
  EXPECT_EQ(
      errorOf([] { fromIntervalString("10 parsecs"); }, ErrorClass::AnalysisException),
      "[CANNOT_PARSE_INTERVAL] Unable to parse '10 parsecs'. Please ensure that the value provided "
      "is in a valid format for defining an interval. You can reference the documentation for the "
      "correct format. If the issue persists, please double check that the input value is not null "
      "or empty and try again.");
  EXPECT_TRUE(stringToInterval("-1 second").isNegative());
  EXPECT_FALSE(stringToInterval("1 month -1 day").isNegative());
}

}  // namespace
}  // namespace runnel::types
