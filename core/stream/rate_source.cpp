// RateSource: the arithmetic of RateStreamProvider / RateStreamMicroBatchStream, including their
// overflow checks and Math.round of each row's relative time.
#include "stream/rate_source.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <limits>

#include <fmt/format.h>

#include "stream/metadata_log.h"

namespace runnel::stream {

namespace {

// CaseInsensitiveStringMap.getLong: Long.parseLong.
int64_t parseLong(const std::string& v) {
  size_t i = (!v.empty() && (v[0] == '-' || v[0] == '+')) ? 1 : 0;
  bool ok = i < v.size() && v.size() - i <= 19 &&
            std::all_of(v.begin() + static_cast<long>(i), v.end(),
                        [](unsigned char c) { return std::isdigit(c); });
  if (ok) {
    errno = 0;
    long long n = std::strtoll(v.c_str(), nullptr, 10);
    if (errno == 0) return n;
  }
  throw Error(ErrorClass::NumberFormatException, fmt::format("For input string: \"{}\"", v));
}

}  // namespace

int64_t timeStringAsSec(const std::string& text) {
  std::string s = text;
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  s.erase(0, s.find_first_not_of(" \t\n\r"));
  s.erase(s.find_last_not_of(" \t\n\r") + 1);
  const std::string help =
      "Time must be specified as seconds (s), milliseconds (ms), microseconds (us), minutes (m or "
      "min), hour (h), or day (d). E.g. 50s, 100ms, or 250us.\n";
  size_t i = (!s.empty() && s[0] == '-') ? 1 : 0;
  size_t digits_end = i;
  while (digits_end < s.size() && std::isdigit(static_cast<unsigned char>(s[digits_end])))
    ++digits_end;
  std::string suffix = s.substr(digits_end);
  bool letters =
      std::all_of(suffix.begin(), suffix.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  if (digits_end == i || !letters) {
    throw Error(ErrorClass::NumberFormatException, help + "Failed to parse time string: " + text);
  }
  int64_t value;
  try {
    value = parseLong(s.substr(0, digits_end));
  } catch (const Error& e) {
    throw Error(ErrorClass::NumberFormatException, help + e.message());
  }
  // TimeUnit.convert to seconds truncates toward zero.
  if (suffix.empty() || suffix == "s") return value;
  if (suffix == "us") return value / 1000000;
  if (suffix == "ms") return value / 1000;
  if (suffix == "m" || suffix == "min") return value * 60;
  if (suffix == "h") return value * 3600;
  if (suffix == "d") return value * 86400;
  throw Error(ErrorClass::NumberFormatException, help + "Invalid suffix: \"" + suffix + "\"");
}

RateOptions RateOptions::parse(const format::ReadOptions& o) {
  RateOptions r;
  if (const std::string* v = o.find("rowsPerSecond")) r.rows_per_second = parseLong(*v);
  if (r.rows_per_second <= 0) {
    throw Error(ErrorClass::IllegalArgumentException,
                fmt::format("Invalid value '{}'. The option 'rowsPerSecond' must be positive",
                            r.rows_per_second));
  }
  if (const std::string* v = o.find("rampUpTime")) r.ramp_up_seconds = timeStringAsSec(*v);
  if (r.ramp_up_seconds < 0) {
    throw Error(ErrorClass::IllegalArgumentException,
                fmt::format("Invalid value '{}'. The option 'rampUpTime' must not be negative",
                            r.ramp_up_seconds));
  }
  if (const std::string* v = o.find("numPartitions")) {
    int64_t n = parseLong(*v);
    if (n < std::numeric_limits<int32_t>::min() || n > std::numeric_limits<int32_t>::max()) {
      throw Error(ErrorClass::NumberFormatException, fmt::format("For input string: \"{}\"", *v));
    }
    if (n <= 0) {
      throw Error(
          ErrorClass::IllegalArgumentException,
          fmt::format("Invalid value '{}'. The option 'numPartitions' must be positive", n));
    }
    r.num_partitions = *v;
  }
  return r;
}

int64_t valueAtSecond(int64_t seconds, int64_t rows_per_second, int64_t ramp_up_seconds) {
  // E.g. rampUpTimeSeconds = 4, rowsPerSecond = 10: speed 0 2 4 6 8 10 10, end value
  // 0 2 6 12 20 30 40. The halving order avoids overflow, as in Spark.
  int64_t speed_delta_per_second = rows_per_second / (ramp_up_seconds + 1);
  if (seconds <= ramp_up_seconds) {
    if (seconds % 2 == 1) return (seconds + 1) / 2 * speed_delta_per_second * seconds;
    return seconds / 2 * speed_delta_per_second * (seconds + 1);
  }
  int64_t ramp_up_part = valueAtSecond(ramp_up_seconds, rows_per_second, ramp_up_seconds);
  return ramp_up_part + (seconds - ramp_up_seconds) * rows_per_second;
}

types::Schema RateSource::rateSchema() {
  types::Schema s;
  s.fields.push_back({"timestamp", types::timestampType(), true});
  s.fields.push_back({"value", types::bigintType(), true});
  return s;
}

RateSource::RateSource(FileSystem& fs, const std::string& metadata_dir, RateOptions options,
                       int64_t now_ms)
    : options_(std::move(options)), schema_(rateSchema()) {
  max_seconds_ = std::numeric_limits<int64_t>::max() / options_.rows_per_second;
  if (options_.ramp_up_seconds > max_seconds_) {
    throw Error(ErrorClass::ArithmeticException,
                fmt::format("Integer overflow. Max offset with {} rowsPerSecond is {}, but "
                            "'rampUpTimeSeconds' is {}.",
                            options_.rows_per_second, max_seconds_, options_.ramp_up_seconds));
  }
  // The creation time is the source's log entry 0 ("v1" then the LongOffset), written once.
  MetadataLog log(fs, metadata_dir);
  auto existing = log.get(0);
  size_t nl = existing ? existing->find('\n') : std::string::npos;
  if (existing && existing->rfind("v1", 0) == 0 && nl != std::string::npos) {
    creation_ms_ = parseLong(existing->substr(nl + 1));
  } else {
    creation_ms_ = now_ms;
    log.add(0, "v1\n" + std::to_string(now_ms));
  }
  last_time_ms_ = creation_ms_;
}

std::string RateSource::description() const {
  // Spark's toString has no closing bracket.
  return fmt::format("RateStreamV2[rowsPerSecond={}, rampUpTimeSeconds={}, numPartitions={}",
                     options_.rows_per_second, options_.ramp_up_seconds,
                     options_.num_partitions.value_or("default"));
}

std::optional<int64_t> RateSource::latestOffset(int64_t now_ms) {
  last_time_ms_ = std::max(last_time_ms_, now_ms);
  return (last_time_ms_ - creation_ms_) / 1000;
}

types::Batch RateSource::getBatch(std::optional<int64_t> start, int64_t end) {
  int64_t start_seconds = start.value_or(0);
  RUNNEL_ASSERT(start_seconds <= end, "offsets only grow");
  if (end > max_seconds_) {
    throw Error(ErrorClass::ArithmeticException,
                fmt::format("Integer overflow. Max offset with {} rowsPerSecond is {}, but it's {} "
                            "now.",
                            options_.rows_per_second, max_seconds_, end));
  }
  // Recovery: a replayed batch moves the clock of the source forward to its end.
  last_time_ms_ = std::max(last_time_ms_, end * 1000 + creation_ms_);
  int64_t range_start =
      valueAtSecond(start_seconds, options_.rows_per_second, options_.ramp_up_seconds);
  int64_t range_end = valueAtSecond(end, options_.rows_per_second, options_.ramp_up_seconds);
  auto ts = types::Column::make(types::timestampType());
  auto values = types::Column::make(types::bigintType());
  if (range_end > range_start) {
    int64_t local_start_ms = creation_ms_ + start_seconds * 1000;
    double relative_ms_per_value = static_cast<double>((end - start_seconds) * 1000) /
                                   static_cast<double>(range_end - range_start);
    size_t n = static_cast<size_t>(range_end - range_start);
    ts->reserve(n);
    values->reserve(n);
    for (int64_t v = range_start; v < range_end; ++v) {
      // Math.round: floor(x + 0.5).
      auto relative = static_cast<int64_t>(
          std::floor(static_cast<double>(v - range_start) * relative_ms_per_value + 0.5));
      ts->appendInt((relative + local_start_ms) * 1000);
      values->appendInt(v);
    }
  }
  types::Batch batch;
  batch.schema = schema_;
  batch.num_rows = values->size;
  batch.columns = {ts, values};
  return batch;
}

}  // namespace runnel::stream
