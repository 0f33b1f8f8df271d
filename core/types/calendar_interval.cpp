// CalendarInterval helpers: the conversions triggers (TriggerIntervalUtils.convert), windows
// (TimeWindow.getIntervalInMicroSeconds) and watermarks (IntervalUtils.fromIntervalString) apply.
#include "types/calendar_interval.h"

#include <fmt/format.h>

#include "runnel/error.h"
#include "types/timestamp.h"

namespace runnel::types {
bool CalendarInterval::isNegative() const {
  return micros + int64_t{days} * kMicrosPerDay + int64_t{months} * 31 * kMicrosPerDay < 0;
}

CalendarInterval fromIntervalString(std::string_view text) {
  try {
    return stringToInterval(text);
  } catch (const Error&) {
    throw Error(ErrorClass::AnalysisException,
                fmt::format("[CANNOT_PARSE_INTERVAL] Unable to parse '{}'. Please ensure that the "
                            "value provided is in a valid format for defining an interval. You can "
                            "reference the documentation for the correct format. If the issue "
                            "persists, please double check that the input value is not null or "
                            "empty and try again.",
                            text));
  }
}

int64_t triggerIntervalMs(std::string_view text) {
  CalendarInterval cal = stringToInterval(text);
  if (cal.months != 0) {
    throw Error(ErrorClass::IllegalArgumentException,
                fmt::format("Doesn't support month or year interval: {}", text));
  }
  int64_t micros = cal.micros + int64_t{cal.days} * kMicrosPerDay;
  int64_t ms = micros / 1000 - ((micros % 1000 != 0 && micros < 0) ? 1 : 0);  // floorDiv
  if (ms < 0) {
    throw Error(ErrorClass::IllegalArgumentException,
                "requirement failed: the interval of trigger should not be negative");
  }
  return ms;
}

int64_t intervalDurationMicros(std::string_view text) {
  CalendarInterval cal = fromIntervalString(text);
  if (cal.months != 0) {
    throw Error(ErrorClass::IllegalArgumentException,
                fmt::format("Intervals greater than a month is not supported ({}).", text));
  }
  return cal.micros + int64_t{cal.days} * kMicrosPerDay;
}

}  // namespace runnel::types
