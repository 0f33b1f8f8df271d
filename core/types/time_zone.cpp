// Session time zones: the fixed-offset subset of Java's ZoneId.of(id, SHORT_IDS) that Spark's
// SparkDateTimeUtils.getZoneId accepts. Region zones need a tz database the engine does not ship.
#include <fmt/format.h>

#include <array>
#include <cctype>

#include "runnel/error.h"
#include "types/timestamp.h"

namespace runnel::types {
namespace {

bool isDigit(char c) {
  return c >= '0' && c <= '9';
}

// Java's ZoneOffset.of: +h, +hh, +hh:mm, +hhmm, +hh:mm:ss, +hhmmss within ±18:00.
std::optional<int32_t> parseOffset(std::string_view s) {
  if (s.size() < 2 || (s[0] != '+' && s[0] != '-')) return std::nullopt;
  const int sign = s[0] == '-' ? -1 : 1;
  std::string_view body = s.substr(1);
  for (char c : body) {
    if (!isDigit(c) && c != ':') return std::nullopt;
  }
  auto num = [&](size_t at) { return (body[at] - '0') * 10 + (body[at + 1] - '0'); };
  int h = 0;
  int m = 0;
  int sec = 0;
  switch (body.size()) {
    case 1:
      if (!isDigit(body[0])) return std::nullopt;
      h = body[0] - '0';
      break;
    case 2:
    case 4:
    case 6:
      if (body.find(':') != std::string_view::npos) return std::nullopt;
      h = num(0);
      if (body.size() >= 4) m = num(2);
      if (body.size() == 6) sec = num(4);
      break;
    case 5:
    case 8:
      if (body[2] != ':' || (body.size() == 8 && body[5] != ':')) return std::nullopt;
      if (!isDigit(body[3]) || !isDigit(body[4])) return std::nullopt;
      h = num(0);
      m = num(3);
      if (body.size() == 8) sec = num(6);
      break;
    default:
      return std::nullopt;
  }
  if (h > 18 || m > 59 || sec > 59 || (h == 18 && (m != 0 || sec != 0))) return std::nullopt;
  return sign * (h * 3600 + m * 60 + sec);
}

// SparkDateTimeUtils.getZoneId rewrites the pre-3.0 spellings `+h:mm` and `+hh:m`.
std::string normaliseLegacyOffset(std::string_view zone) {
  std::string z(zone);
  size_t sign = z.find_first_of("+-");
  if (sign == std::string::npos) return z;
  if (sign + 2 < z.size() && isDigit(z[sign + 1]) && z[sign + 2] == ':') {
    z.insert(sign + 1, "0");
  }
  if (z.size() == sign + 5 && isDigit(z[sign + 1]) && isDigit(z[sign + 2]) && z[sign + 3] == ':' &&
      isDigit(z[sign + 4])) {
    z.insert(sign + 4, "0");
  }
  return z;
}

// Java region ids that are fixed offsets (the UTC aliases and Etc/GMT±N, whose sign is inverted).
std::optional<int32_t> fixedRegion(std::string_view id) {
  static constexpr std::array<std::string_view, 14> kUtc{
      "UTC",       "GMT",  "UT",      "Z",       "UCT",     "Universal", "Zulu",
      "Greenwich", "GMT0", "Etc/UTC", "Etc/GMT", "Etc/UCT", "Etc/Zulu",  "Etc/Universal"};
  for (auto u : kUtc) {
    if (id == u) return 0;
  }
  if (id == "Etc/Greenwich" || id == "Etc/GMT0" || id == "Etc/GMT+0" || id == "Etc/GMT-0") return 0;
  // SHORT_IDS entries that map to fixed offsets.
  if (id == "EST") return -5 * 3600;
  if (id == "MST") return -7 * 3600;
  if (id == "HST") return -10 * 3600;
  constexpr std::string_view kEtcGmt = "Etc/GMT";
  if (id.substr(0, kEtcGmt.size()) == kEtcGmt && id.size() > kEtcGmt.size() + 1 &&
      id.size() <= kEtcGmt.size() + 3) {
    std::string_view rest = id.substr(kEtcGmt.size() + 1);
    if (!isDigit(rest[0]) || (rest.size() == 2 && !isDigit(rest[1])) ||
        (rest.size() == 2 && rest[0] == '0')) {
      return std::nullopt;
    }
    int n = std::stoi(std::string(rest));
    bool west = id[kEtcGmt.size()] == '+';
    if (!west && id[kEtcGmt.size()] != '-') return std::nullopt;
    if ((west && n > 12) || (!west && n > 14)) return std::nullopt;
    return (west ? -n : n) * 3600;
  }
  return std::nullopt;
}

// Java's region-id syntax: ids of this shape are valid Spark zones we cannot resolve offline.
bool looksLikeRegion(std::string_view id) {
  if (id.size() < 2 || !std::isalpha(static_cast<unsigned char>(id[0]))) return false;
  for (char c : id) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '~' && c != '/' && c != '.' &&
        c != '_' && c != '+' && c != '-') {
      return false;
    }
  }
  return id.find('/') != std::string_view::npos;
}

}  // namespace

std::optional<TimeZone> tryParseTimeZone(std::string_view zone) {
  std::string id = normaliseLegacyOffset(zone);
  if (auto fixed = fixedRegion(id)) return TimeZone{std::string(zone), *fixed};
  if (auto off = parseOffset(id)) return TimeZone{std::string(zone), *off};
  for (std::string_view prefix : {"UTC", "GMT", "UT"}) {
    if (id.size() > prefix.size() && std::string_view(id).substr(0, prefix.size()) == prefix &&
        (id[prefix.size()] == '+' || id[prefix.size()] == '-')) {
      if (auto off = parseOffset(std::string_view(id).substr(prefix.size()))) {
        return TimeZone{std::string(zone), *off};
      }
      return std::nullopt;
    }
  }
  return std::nullopt;
}

TimeZone parseTimeZone(std::string_view zone) {
  if (auto tz = tryParseTimeZone(zone)) return *tz;
  if (looksLikeRegion(zone)) {
    throw Error(
        ErrorClass::NotImplementedError,
        fmt::format("Time zone '{}' needs a time zone database, which Runnel does not ship: "
                    "use UTC or a fixed offset such as '+01:00'",
                    zone));
  }
  throw Error(ErrorClass::IllegalArgumentException,
              fmt::format("[INVALID_CONF_VALUE.TIME_ZONE] The value '{}' in the config "
                          "\"spark.sql.session.timeZone\" is invalid. Cannot resolve the given "
                          "timezone. SQLSTATE: 22022",
                          zone));
}

}  // namespace runnel::types
