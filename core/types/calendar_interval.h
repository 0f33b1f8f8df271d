// CalendarInterval and Spark's interval-string parser (SparkIntervalUtils.stringToInterval,
// Spark 3.5), used by triggers (TriggerIntervalUtils), windows (TimeWindow) and watermarks
// (Dataset.withWatermark).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace runnel::types {

struct CalendarInterval {
  int32_t months = 0;
  int32_t days = 0;
  int64_t micros = 0;

  bool operator==(const CalendarInterval&) const = default;
  // IntervalUtils.isNegative: the interval as a duration with 31-day months is below zero.
  bool isNegative() const;
};

// Throws runnel::Error (IllegalArgumentException) `Error parsing '<s>' to interval, <reason>`.
CalendarInterval stringToInterval(std::string_view text);

// IntervalUtils.fromIntervalString (watermark delays, window durations): a parse failure becomes
// AnalysisException `[CANNOT_PARSE_INTERVAL] Unable to parse '<s>'. …`.
CalendarInterval fromIntervalString(std::string_view text);

// TriggerIntervalUtils.convert: milliseconds of a processingTime/continuous interval (days are 24
// h). Throws IllegalArgumentException for months/years (`Doesn't support month or year interval:
// <s>`), negative intervals (`requirement failed: the interval of trigger should not be negative`),
// and what stringToInterval rejects.
int64_t triggerIntervalMs(std::string_view text);

// TimeWindow.getIntervalInMicroSeconds: days * 86400000000 + micros; months are refused with
// IllegalArgumentException `Intervals greater than a month is not supported (<s>).`.
int64_t intervalDurationMicros(std::string_view text);

}  // namespace runnel::types
