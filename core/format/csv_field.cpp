// Java's number parsing rules, written out: Long.parseLong takes a sign and ASCII digits only, and
// Double.parseDouble trims and takes a type suffix. strtod does the digits (no float from_chars in
// LLVM 14's libc++).
#include "format/csv_field.h"

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <string>

namespace runnel::format {

std::optional<int64_t> parseJavaLong(std::string_view s) {
  size_t i = 0;
  bool negative = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    negative = s[0] == '-';
    i = 1;
  }
  if (i == s.size()) return std::nullopt;
  // Accumulate negatively so INT64_MIN fits.
  int64_t v = 0;
  for (; i < s.size(); ++i) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
    int digit = s[i] - '0';
    if (v < (std::numeric_limits<int64_t>::min() + digit) / 10) return std::nullopt;
    v = v * 10 - digit;
  }
  if (!negative) {
    if (v == std::numeric_limits<int64_t>::min()) return std::nullopt;
    v = -v;
  }
  return v;
}

std::optional<int32_t> parseJavaInt(std::string_view s) {
  auto v = parseJavaLong(s);
  if (!v || *v < std::numeric_limits<int32_t>::min() || *v > std::numeric_limits<int32_t>::max())
    return std::nullopt;
  return static_cast<int32_t>(*v);
}

std::optional<double> parseJavaDouble(std::string_view s) {
  if (s == "NaN") return std::nan("");
  if (s == "Inf") return std::numeric_limits<double>::infinity();
  if (s == "-Inf") return -std::numeric_limits<double>::infinity();
  // Java trims every char <= ' '.
  while (!s.empty() && static_cast<unsigned char>(s.front()) <= ' ')
    s.remove_prefix(1);
  while (!s.empty() && static_cast<unsigned char>(s.back()) <= ' ')
    s.remove_suffix(1);
  if (s.empty()) return std::nullopt;
  size_t sign = (s[0] == '-' || s[0] == '+') ? 1 : 0;
  std::string_view body = s.substr(sign);
  if (body == "NaN") return std::nan("");
  if (body == "Infinity") {
    double inf = std::numeric_limits<double>::infinity();
    return s[0] == '-' ? -inf : inf;
  }
  char last = s.back();
  if (last == 'd' || last == 'D' || last == 'f' || last == 'F') s.remove_suffix(1);
  // Digits, at most one '.', then an optional exponent: strtod alone would also take hex and "inf".
  size_t i = sign;
  size_t digits = 0;
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])))
    ++i, ++digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])))
      ++i, ++digits;
  }
  if (digits == 0) return std::nullopt;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    size_t exp_digits = 0;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])))
      ++i, ++exp_digits;
    if (exp_digits == 0) return std::nullopt;
  }
  if (i != s.size()) return std::nullopt;
  std::string text(s);
  return std::strtod(text.c_str(), nullptr);
}

std::optional<bool> parseScalaBoolean(std::string_view s) {
  auto eq = [&](std::string_view word) {
    if (s.size() != word.size()) return false;
    for (size_t i = 0; i < s.size(); ++i) {
      if (std::tolower(static_cast<unsigned char>(s[i])) != word[i]) return false;
    }
    return true;
  };
  if (eq("true")) return true;
  if (eq("false")) return false;
  return std::nullopt;
}

std::optional<int64_t> parseCsvTimestamp(std::string_view s, const types::TimeZone& zone,
                                         bool for_inference) {
  if (for_inference && s.find_first_of(" T:") == std::string_view::npos) return std::nullopt;
  return types::parseTimestamp(s, zone);
}

}  // namespace runnel::format
