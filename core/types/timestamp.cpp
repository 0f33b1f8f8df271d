// Timestamp parsing and printing: SparkDateTimeUtils.stringToTimestamp/stringToDate and the
// fraction formatter show() uses (TimestampFormatter.getFractionFormatter).
#include "types/timestamp.h"

#include <fmt/format.h>

#include <array>

namespace runnel::types {
namespace {

// UTF8String.isWhitespaceOrISOControl on single bytes.
bool isTrimmable(char c) {
  return static_cast<unsigned char>(c) <= 0x20 || c == 0x7f;
}

std::string_view trimSpark(std::string_view s) {
  size_t b = 0;
  while (b < s.size() && isTrimmable(s[b]))
    ++b;
  size_t e = s.size();
  while (e > b && isTrimmable(s[e - 1]))
    --e;
  return s.substr(b, e - b);
}

bool isDigit(char c) {
  return c >= '0' && c <= '9';
}

// Java's DateTimeFormatter year field 'uuuu' (SignStyle.EXCEEDS_PAD): `-0001`, `0000`, `+10000`.
std::string formatYear(int64_t year) {
  if (year > 9999) return fmt::format("+{}", year);
  if (year < 0) return fmt::format("-{:04d}", -year);
  return fmt::format("{:04d}", year);
}

// Spark's segments: year, month, day, hour, minute, second, micros. The parser mirrors
// parseTimestampString segment by segment so the same strings are accepted and rejected.
struct Segments {
  std::array<int64_t, 7> v{1, 1, 1, 0, 0, 0, 0};
  std::string_view zone;
  bool has_zone = false;
  bool just_time = false;
};

bool validDigits(int segment, int digits) {
  if (segment == 6) return true;
  if (segment == 0) return digits >= 4 && digits <= 6;
  return digits > 0 && digits <= 2;
}

std::optional<Segments> parseSegments(std::string_view raw) {
  std::string_view s = trimSpark(raw);
  if (s.empty()) return std::nullopt;
  Segments out;
  int i = 0;
  int64_t value = 0;
  int digits = 0;
  int fraction_digits = 0;
  int64_t year_sign = 1;
  bool has_sign = false;
  size_t j = 0;
  if (s[0] == '-' || s[0] == '+') {
    year_sign = s[0] == '-' ? -1 : 1;
    has_sign = true;
    j = 1;
  }
  auto close = [&](int segment) {
    if (!validDigits(segment, digits)) return false;
    out.v[segment] = value;
    value = 0;
    digits = 0;
    return true;
  };
  for (; j < s.size(); ++j) {
    char b = s[j];
    if (isDigit(b)) {
      if (i == 6) ++fraction_digits;
      // Spark truncates a fraction beyond microseconds.
      if (i != 6 || digits < 6) value = value * 10 + (b - '0');
      ++digits;
      if (i != 6 && digits > 9) return std::nullopt;
      continue;
    }
    if (j == 0 && b == 'T') {
      out.just_time = true;
      i += 3;
    } else if (i < 2) {
      if (b == '-') {
        if (!close(i)) return std::nullopt;
        ++i;
      } else if (i == 0 && b == ':' && !has_sign) {
        out.just_time = true;
        if (!close(3)) return std::nullopt;
        i = 4;
      } else {
        return std::nullopt;
      }
    } else if (i == 2) {
      if (b != ' ' && b != 'T') return std::nullopt;
      if (!close(i)) return std::nullopt;
      ++i;
    } else if (i == 3 || i == 4) {
      if (b != ':') return std::nullopt;
      if (!close(i)) return std::nullopt;
      ++i;
    } else if (i == 5 || i == 6) {
      if (!close(i)) return std::nullopt;
      if (b == '.' && i == 5) {
        i = 6;
        continue;
      }
      out.zone = trimSpark(s.substr(j));
      out.has_zone = true;
      i = 7;
      j = s.size();
      break;
    } else {
      return std::nullopt;
    }
  }
  if (i < 7 && !close(i)) return std::nullopt;
  for (; fraction_digits < 6; ++fraction_digits)
    out.v[6] *= 10;
  out.v[0] *= year_sign;
  return out;
}

}  // namespace

int64_t floorDiv(int64_t a, int64_t b) {
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

int64_t floorMod(int64_t a, int64_t b) {
  return a - floorDiv(a, b) * b;
}

int64_t daysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2 ? 1 : 0;
  const int64_t era = floorDiv(y, 400);
  const int64_t yoe = y - era * 400;
  const int64_t mp = (m + 9) % 12;
  const int64_t doy = (153 * mp + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate civilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = floorDiv(z, 146097);
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const auto d = static_cast<unsigned>(doy - (153 * mp + 2) / 5 + 1);
  const auto m = static_cast<unsigned>(mp < 10 ? mp + 3 : mp - 9);
  return CivilDate{yoe + era * 400 + (m <= 2 ? 1 : 0), m, d};
}

bool isValidDate(int64_t year, unsigned month, unsigned day) {
  if (month < 1 || month > 12 || day < 1) return false;
  static constexpr std::array<unsigned, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  unsigned max_day = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
  return day <= max_day;
}

std::optional<int64_t> parseTimestamp(std::string_view text, const TimeZone& session_zone) {
  auto seg = parseSegments(text);
  // A time without a date takes today's date in Spark; the engine has no wall clock, so it is null.
  if (!seg || seg->just_time) return std::nullopt;
  const auto& v = seg->v;
  if (!isValidDate(v[0], static_cast<unsigned>(v[1]), static_cast<unsigned>(v[2]))) {
    return std::nullopt;
  }
  if (v[3] > 23 || v[4] > 59 || v[5] > 59) return std::nullopt;
  int64_t offset = session_zone.offset_seconds;
  if (seg->has_zone) {
    auto zone = tryParseTimeZone(seg->zone);
    if (!zone) return std::nullopt;
    offset = zone->offset_seconds;
  }
  int64_t days = daysFromCivil(v[0], static_cast<unsigned>(v[1]), static_cast<unsigned>(v[2]));
  int64_t seconds = days * 86400 + v[3] * 3600 + v[4] * 60 + v[5] - offset;
  return seconds * kMicrosPerSecond + v[6];
}

std::optional<int64_t> parseDate(std::string_view text) {
  std::string_view s = trimSpark(text);
  if (s.empty()) return std::nullopt;
  int64_t sign = 1;
  size_t j = 0;
  if (s[0] == '-' || s[0] == '+') {
    sign = s[0] == '-' ? -1 : 1;
    j = 1;
  }
  std::array<int64_t, 3> seg{1, 1, 1};
  int i = 0;
  int64_t value = 0;
  int digits = 0;
  auto valid = [&](int segment) {
    return segment == 0 ? digits >= 4 && digits <= 7 : digits > 0 && digits <= 2;
  };
  for (; j < s.size() && i < 3 && s[j] != ' ' && s[j] != 'T'; ++j) {
    if (i < 2 && s[j] == '-') {
      if (!valid(i)) return std::nullopt;
      seg[i++] = value;
      value = 0;
      digits = 0;
    } else if (isDigit(s[j]) && digits < 8) {
      value = value * 10 + (s[j] - '0');
      ++digits;
    } else {
      return std::nullopt;
    }
  }
  if (!valid(i)) return std::nullopt;
  // `yyyy` and `yyyy-[m]m` must consume the whole input.
  if (i < 2 && j < s.size()) return std::nullopt;
  seg[i] = value;
  int64_t year = sign * seg[0];
  if (!isValidDate(year, static_cast<unsigned>(seg[1]), static_cast<unsigned>(seg[2]))) {
    return std::nullopt;
  }
  return daysFromCivil(year, static_cast<unsigned>(seg[1]), static_cast<unsigned>(seg[2]));
}

int64_t microsToDays(int64_t micros, const TimeZone& zone) {
  return floorDiv(micros + int64_t{zone.offset_seconds} * kMicrosPerSecond, kMicrosPerDay);
}

std::string formatTimestamp(int64_t micros, const TimeZone& zone) {
  int64_t local = micros + int64_t{zone.offset_seconds} * kMicrosPerSecond;
  int64_t days = floorDiv(local, kMicrosPerDay);
  int64_t in_day = local - days * kMicrosPerDay;
  CivilDate date = civilFromDays(days);
  int64_t secs = in_day / kMicrosPerSecond;
  int64_t frac = in_day % kMicrosPerSecond;
  std::string out = fmt::format("{}-{:02d}-{:02d} {:02d}:{:02d}:{:02d}", formatYear(date.year),
                                date.month, date.day, secs / 3600, secs / 60 % 60, secs % 60);
  if (frac != 0) {
    std::string f = fmt::format("{:06d}", frac);
    while (f.back() == '0')
      f.pop_back();
    out += '.';
    out += f;
  }
  return out;
}

std::string formatIsoMillisUtc(int64_t micros) {
  int64_t millis = floorDiv(micros, 1000);
  int64_t days = floorDiv(millis, 86400000);
  int64_t in_day = millis - days * 86400000;
  CivilDate date = civilFromDays(days);
  int64_t secs = in_day / 1000;
  return fmt::format("{}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}.{:03d}Z", formatYear(date.year),
                     date.month, date.day, secs / 3600, secs / 60 % 60, secs % 60, in_day % 1000);
}

std::string formatIsoMillis(int64_t micros, const TimeZone& zone) {
  std::string out = formatIsoMillisUtc(micros + zone.offset_seconds * kMicrosPerSecond);
  if (zone.offset_seconds == 0) return out;
  out.pop_back();  // the Z
  int32_t off = zone.offset_seconds < 0 ? -zone.offset_seconds : zone.offset_seconds;
  out += fmt::format("{}{:02d}:{:02d}", zone.offset_seconds < 0 ? '-' : '+', off / 3600,
                     off / 60 % 60);
  return out;
}

std::string formatDate(int64_t days) {
  CivilDate date = civilFromDays(days);
  return fmt::format("{}-{:02d}-{:02d}", formatYear(date.year), date.month, date.day);
}

}  // namespace runnel::types
