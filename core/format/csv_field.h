// One CSV field as Spark reads it: Java's Integer/Long/Double.parseDouble and Scala's toBoolean
// (what CSVInferSchema's tryParse* and UnivocityParser's converters call), plus the timestamp cast.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "types/timestamp.h"

namespace runnel::format {

std::optional<int64_t> parseJavaLong(std::string_view s);
std::optional<int32_t> parseJavaInt(std::string_view s);
// Double.parseDouble: surrounding whitespace, an optional d/f suffix, NaN and Infinity. Spark's CSV
// reader also takes its nanValue / positiveInf / negativeInf strings (NaN, Inf, -Inf).
std::optional<double> parseJavaDouble(std::string_view s);
std::optional<bool> parseScalaBoolean(std::string_view s);
// A timestamp as CSVInferSchema accepts it: a date-only text is a DateType in Spark (preferDate),
// which Runnel has not, so it is not a timestamp here.
std::optional<int64_t> parseCsvTimestamp(std::string_view s, const types::TimeZone& zone,
                                         bool for_inference);

}  // namespace runnel::format
