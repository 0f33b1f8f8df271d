// Timestamps: Spark's string-to-timestamp cast, show()'s formatter, session zones and datetime
// patterns.
#include "types/timestamp.h"

#include <gtest/gtest.h>

#include "runnel/error.h"

namespace runnel::types {
namespace {

constexpr int64_t k2024 = 1704103200000000;  // 2024-01-01 10:00:00 UTC

TEST(Timestamp, ParsesSparkCastForms) {
  struct Case {
    const char* text;
    std::optional<int64_t> micros;
  };
  const Case cases[] = {
      {"2024-01-01 10:00:00", k2024},
      {"2024-01-01T10:00:00", k2024},
      {"  2024-01-01 10:00:00 \n", k2024},
      {"2024-1-1 10:0:0", k2024},
      {"2024-01-01 10:00", k2024},
      {"2024-01-01", k2024 - 10 * 3600 * kMicrosPerSecond},
      {"2024-01", k2024 - 10 * 3600 * kMicrosPerSecond},
      {"2024-01-01 10:00:00.5", k2024 + 500000},
      {"2024-01-01 10:00:00.123456", k2024 + 123456},
      {"2024-01-01 10:00:00.123456789", k2024 + 123456},
      {"2024-01-01 10:00:00Z", k2024},
      {"2024-01-01 10:00:00.25Z", k2024 + 250000},
      {"2024-01-01 10:00:00+01:00", k2024 - 3600 * kMicrosPerSecond},
      {"2024-01-01 10:00:00 UTC", k2024},
      {"2024-01-01T10:00:00GMT+1", k2024 - 3600 * kMicrosPerSecond},
      {"2024-01-01 10:00:00-05:30", k2024 + 19800 * kMicrosPerSecond},
      {"1970-01-01 00:00:00", 0},
      {"1969-12-31 23:59:59.5", -500000},
      {"0001-01-01 00:00:00", -62135596800000000},
      {"2024-02-29 00:00:00", 1709164800000000},
      {"2023-02-29 00:00:00", std::nullopt},
      {"2024-13-01", std::nullopt},
      {"2024-01-01 24:00:00", std::nullopt},
      {"2024-01-01 10:00:00 Nowhere", std::nullopt},
      {"10:00:00", std::nullopt},
      {"abc", std::nullopt},
      {"", std::nullopt},
      {"24-01-01", std::nullopt},
      {"2024-01-01X10:00:00", std::nullopt},
  };
  for (const auto& c : cases)
    EXPECT_EQ(parseTimestamp(c.text), c.micros) << c.text;
}

TEST(Timestamp, ReadsZonelessTextInTheSessionZone) {
  EXPECT_EQ(parseTimestamp("2024-01-01 10:00:00", parseTimeZone("+01:00")),
            k2024 - 3600 * kMicrosPerSecond);
  EXPECT_EQ(parseTimestamp("2024-01-01 10:00:00Z", parseTimeZone("+01:00")), k2024);
}

TEST(Timestamp, FormatsLikeShow) {
  EXPECT_EQ(formatTimestamp(k2024), "2024-01-01 10:00:00");
  EXPECT_EQ(formatTimestamp(k2024 + 500000), "2024-01-01 10:00:00.5");
  EXPECT_EQ(formatTimestamp(k2024 + 123456), "2024-01-01 10:00:00.123456");
  EXPECT_EQ(formatTimestamp(k2024 + 120000), "2024-01-01 10:00:00.12");
  EXPECT_EQ(formatTimestamp(0), "1970-01-01 00:00:00");
  EXPECT_EQ(formatTimestamp(-1), "1969-12-31 23:59:59.999999");
  EXPECT_EQ(formatTimestamp(-62135596800000000), "0001-01-01 00:00:00");
  EXPECT_EQ(formatTimestamp(253402300800000000), "+10000-01-01 00:00:00");
  EXPECT_EQ(formatTimestamp(k2024, parseTimeZone("+01:00")), "2024-01-01 11:00:00");
  EXPECT_EQ(formatTimestamp(k2024, parseTimeZone("GMT-10")), "2024-01-01 00:00:00");
  EXPECT_EQ(formatTimestamp(0, parseTimeZone("EST")), "1969-12-31 19:00:00");
}

TEST(Timestamp, FormatsProgressTimestampsInUtcMillis) {
  EXPECT_EQ(formatIsoMillisUtc(1732442402000000), "2024-11-24T10:00:02.000Z");
  EXPECT_EQ(formatIsoMillisUtc(1732442402123999), "2024-11-24T10:00:02.123Z");
  EXPECT_EQ(formatIsoMillisUtc(-1), "1969-12-31T23:59:59.999Z");
}

TEST(Timestamp, DateHelpers) {
  EXPECT_EQ(parseDate("2024-01-31"), 19753);
  EXPECT_EQ(parseDate("2024-01-31 10:00"), 19753);
  EXPECT_EQ(parseDate("1969-12-31"), -1);
  EXPECT_EQ(parseDate("2024-02-30"), std::nullopt);
  EXPECT_EQ(parseDate("2024-01x"), std::nullopt);
  EXPECT_EQ(formatDate(19753), "2024-01-31");
  EXPECT_EQ(formatDate(-1), "1969-12-31");
  EXPECT_EQ(microsToDays(-1), -1);
  EXPECT_EQ(microsToDays(k2024, parseTimeZone("-11:00")), 19722);
  for (int64_t d : {-800000, -1, 0, 59, 60, 365, 11016, 2932896}) {
    CivilDate c = civilFromDays(d);
    EXPECT_EQ(daysFromCivil(c.year, c.month, c.day), d);
  }
}

TEST(TimeZone, ResolvesFixedOffsets) {
  struct Case {
    const char* id;
    int32_t offset;
  };
  const Case cases[] = {{"UTC", 0},
                        {"GMT", 0},
                        {"Z", 0},
                        {"Etc/UTC", 0},
                        {"+01:00", 3600},
                        {"-05:30", -19800},
                        {"+0530", 19800},
                        {"+1", 3600},
                        {"+1:00", 3600},
                        {"GMT+1", 3600},
                        {"UTC-02:00", -7200},
                        {"UT+3", 10800},
                        {"Etc/GMT+5", -18000},
                        {"Etc/GMT-14", 50400},
                        {"EST", -18000},
                        {"+18:00", 64800}};
  for (const auto& c : cases) {
    auto tz = tryParseTimeZone(c.id);
    ASSERT_TRUE(tz.has_value()) << c.id;
    EXPECT_EQ(tz->offset_seconds, c.offset) << c.id;
  }
  for (const char* bad : {"", "Foo", "+19:00", "GMT+", "utc", "pst", "+01:60", "Etc/GMT+13"}) {
    EXPECT_FALSE(tryParseTimeZone(bad).has_value()) << bad;
  }
}

TEST(TimeZone, UnknownZonesAreClearErrors) {
  try {
    parseTimeZone("Foo");
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.errorClass(), ErrorClass::IllegalArgumentException);
    EXPECT_EQ(e.message(),
              "[INVALID_CONF_VALUE.TIME_ZONE] The value 'Foo' in the config "
              "\"spark.sql.session.timeZone\" "
              "is invalid. Cannot resolve the given timezone. SQLSTATE: 22022");
  }
  try {
    parseTimeZone("Europe/Paris");
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.errorClass(), ErrorClass::NotImplementedError);
    EXPECT_NE(e.message().find("Europe/Paris"), std::string::npos);
  }
}

TEST(DatetimePattern, Formats) {
  const TimeZone utc = TimeZone::utc();
  struct Case {
    int64_t micros;
    const char* pattern;
    const char* text;
  };
  const Case cases[] = {
      {k2024 + 123000, "yyyy-MM-dd HH:mm:ss.SSS", "2024-01-01 10:00:00.123"},
      {k2024, "yyyy-MM-dd", "2024-01-01"},
      {k2024, "hh:mm a", "10:00 AM"},
      {k2024 + 5 * 3600 * kMicrosPerSecond, "hh:mm a", "03:00 PM"},
      {k2024 - 10 * 3600 * kMicrosPerSecond, "h a", "12 AM"},
      {k2024, "E, MMM d yyyy", "Mon, Jan 1 2024"},
      {k2024, "EEEE MMMM", "Monday January"},
      {k2024, "yyyy-MM-dd'T'HH:mm", "2024-01-01T10:00"},
      {k2024, "HH 'o''clock'", "10 o'clock"},
      {k2024, "yy/M/d D", "24/1/1 1"},
      {-1, "yyyy-MM-dd HH:mm:ss.SSSSSS", "1969-12-31 23:59:59.999999"},
  };
  for (const auto& c : cases)
    EXPECT_EQ(formatWithPattern(c.micros, c.pattern, utc), c.text) << c.pattern;
  EXPECT_EQ(formatWithPattern(k2024, "HH:mm", parseTimeZone("+02:00")), "12:00");
}

TEST(DatetimePattern, Parses) {
  const TimeZone utc = TimeZone::utc();
  EXPECT_EQ(parseWithPattern("2024/01/01 10:00", "yyyy/MM/dd HH:mm", utc), k2024);
  EXPECT_EQ(parseWithPattern("01-jan-2024 10:00 AM", "dd-MMM-yyyy hh:mm a", utc), k2024);
  EXPECT_EQ(parseWithPattern("01-Jan-2024 03:00 PM", "dd-MMM-yyyy hh:mm a", utc),
            k2024 + 5 * 3600 * kMicrosPerSecond);
  EXPECT_EQ(parseWithPattern("20240101", "yyyyMMdd", utc), k2024 - 10 * 3600 * kMicrosPerSecond);
  EXPECT_EQ(parseWithPattern("2024-01-01 10:00:00.5", "yyyy-MM-dd HH:mm:ss.SSS", utc),
            k2024 + 500000);
  EXPECT_EQ(parseWithPattern("2024-01-01 10:00", "yyyy-MM-dd HH:mm", parseTimeZone("+01:00")),
            k2024 - 3600 * kMicrosPerSecond);
  EXPECT_EQ(parseWithPattern("2024-01-01 10:00x", "yyyy-MM-dd HH:mm", utc), std::nullopt);
  EXPECT_EQ(parseWithPattern("2024-02-30", "yyyy-MM-dd", utc), std::nullopt);
  EXPECT_EQ(parseWithPattern("abc", "yyyy-MM-dd", utc), std::nullopt);
}

TEST(DatetimePattern, RejectsBadLetters) {
  auto message = [](const char* pattern) {
    try {
      validatePattern(pattern);
    } catch (const Error& e) {
      return e.message();
    }
    return std::string("no error");
  };
  EXPECT_EQ(message("yyyy-MM-dd"), "no error");
  EXPECT_EQ(message("yyyy-bb"), "Unknown pattern letter: b");
  EXPECT_EQ(message("A"), "Illegal pattern character: A");
  EXPECT_EQ(message("aa"), "Too many pattern letters: a");
  EXPECT_EQ(message("yyyy'T"), "Pattern ends with an incomplete string literal: yyyy'T");
}

}  // namespace
}  // namespace runnel::types
