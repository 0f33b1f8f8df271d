// Timestamps as int64 microseconds since 1970-01-01T00:00:00Z (proleptic Gregorian), parsed and
// printed the way Spark does (SparkDateTimeUtils.stringToTimestamp,
// TimestampFormatter.getFractionFormatter). Only fixed-offset session zones are supported: the
// engine ships no tz database.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace runnel::types {

constexpr int64_t kMicrosPerSecond = 1000000;
constexpr int64_t kMicrosPerDay = 86400 * kMicrosPerSecond;

// A session time zone: `UTC`, `GMT`, `Z`, `Etc/UTC`, `+01:00`, `-0530`, `GMT+1`, `UTC+01:00`.
struct TimeZone {
  std::string id;              // as given (printed in messages)
  int32_t offset_seconds = 0;  // east of UTC

  static TimeZone utc() { return TimeZone{"UTC", 0}; }
};

// nullopt when the text names no zone Runnel can resolve.
std::optional<TimeZone> tryParseTimeZone(std::string_view zone);
// Throws runnel::Error (IllegalArgumentException) for an unknown zone name.
TimeZone parseTimeZone(std::string_view zone);

// Civil date <-> days since the epoch (Howard Hinnant's algorithms; any year, negative days fine).
int64_t daysFromCivil(int64_t year, unsigned month, unsigned day);
struct CivilDate {
  int64_t year;
  unsigned month;  // 1..12
  unsigned day;    // 1..31
};
CivilDate civilFromDays(int64_t days);
bool isValidDate(int64_t year, unsigned month, unsigned day);
// Floor division of micros into days, so negative timestamps land on the previous day.
int64_t floorDiv(int64_t a, int64_t b);
int64_t floorMod(int64_t a, int64_t b);

// Spark's cast of a string to timestamp: `2024-01-01`, `2024-01-01 10:00:00`,
// `2024-01-01T10:00:00.5`, `2024-1-1 1:2:3`, zone suffixes `Z`, `UTC`, `+01:00`, `-0100`, `GMT+1`;
// whitespace trimmed. A string without a zone is read in `session_zone`. nullopt when Spark would
// return null.
std::optional<int64_t> parseTimestamp(std::string_view text,
                                      const TimeZone& session_zone = TimeZone::utc());
// Spark's cast of a string to date: days since the epoch.
std::optional<int64_t> parseDate(std::string_view text);

// `yyyy-MM-dd HH:mm:ss[.fraction]` with trailing fraction zeros dropped, as show() prints
// timestamps.
std::string formatTimestamp(int64_t micros, const TimeZone& zone = TimeZone::utc());
// `yyyy-MM-dd'T'HH:mm:ss.SSS'Z'` in UTC, the progress JSON `timestamp` field.
std::string formatIsoMillisUtc(int64_t micros);
// yyyy-MM-dd'T'HH:mm:ss.SSSXXX in `zone` (`Z` for a zero offset, else `+01:00`): the default
// timestampFormat of Spark's CSV and JSON writers.
std::string formatIsoMillis(int64_t micros, const TimeZone& zone);
// `yyyy-MM-dd` for days since the epoch.
std::string formatDate(int64_t days);
// Days since the epoch of the instant in `zone` (Spark's cast timestamp -> date).
int64_t microsToDays(int64_t micros, const TimeZone& zone = TimeZone::utc());

// Spark datetime patterns (DateTimeFormatterHelper): y M d H h m s S a E, `MMM`/`MMMM`,
// `EEE`/`EEEE`, quoted literals ('T', '' for a quote). date_format(ts, fmt).
std::string formatWithPattern(int64_t micros, std::string_view pattern, const TimeZone& zone);
// to_timestamp(s, fmt): the whole string must match; nullopt otherwise.
std::optional<int64_t> parseWithPattern(std::string_view text, std::string_view pattern,
                                        const TimeZone& zone);
// Throws runnel::Error (IllegalArgumentException) for a pattern letter Runnel does not support,
// with Spark's text `Illegal pattern character: 'x'` or `Unknown pattern letter: x`.
void validatePattern(std::string_view pattern);

}  // namespace runnel::types
