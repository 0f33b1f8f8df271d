// Spark datetime patterns for date_format / to_timestamp(s, fmt) (DateTimeFormatterHelper over
// Java's DateTimeFormatter, case-insensitive parsing, 'y' read as the proleptic year 'u').
#include <fmt/format.h>

#include <array>
#include <cctype>
#include <vector>

#include "runnel/error.h"
#include "types/timestamp.h"

namespace runnel::types {
namespace {

constexpr std::array<std::string_view, 12> kMonths{"January",   "February", "March",    "April",
                                                   "May",       "June",     "July",     "August",
                                                   "September", "October",  "November", "December"};
constexpr std::array<std::string_view, 7> kDays{"Monday", "Tuesday",  "Wednesday", "Thursday",
                                                "Friday", "Saturday", "Sunday"};
constexpr std::string_view kSupported = "yuMLdDHhkKmsSaE";

struct Token {
  char letter = 0;  // 0 for a literal
  int count = 0;
  std::string literal;
};

std::vector<Token> tokenize(std::string_view p) {
  std::vector<Token> out;
  for (size_t i = 0; i < p.size();) {
    char c = p[i];
    if (c == '\'') {
      // A quoted literal; '' is one quote, inside quotes or on its own.
      std::string lit;
      size_t j = i + 1;
      bool closed = false;
      for (; j < p.size() && !closed; ++j) {
        if (p[j] != '\'')
          lit += p[j];
        else if (j + 1 < p.size() && p[j + 1] == '\'')
          lit += p[j++];
        else
          closed = true;
      }
      if (!closed) {
        throw Error(ErrorClass::IllegalArgumentException,
                    fmt::format("Pattern ends with an incomplete string literal: {}", p));
      }
      out.push_back({0, 0, j == i + 2 ? "'" : lit});
      i = j;
    } else if (std::isalpha(static_cast<unsigned char>(c))) {
      size_t j = i;
      while (j < p.size() && p[j] == c)
        ++j;
      out.push_back({c, static_cast<int>(j - i), {}});
      i = j;
    } else if (c == '{' || c == '}' || c == '#') {
      throw Error(ErrorClass::IllegalArgumentException,
                  fmt::format("Pattern includes reserved character: '{}'", c));
    } else {
      out.push_back({0, 0, std::string(1, c)});
      ++i;
    }
  }
  for (const auto& t : out) {
    if (t.letter == 0) continue;
    char c = t.letter;
    if (std::string_view("AcenNp").find(c) != std::string_view::npos) {
      throw Error(ErrorClass::IllegalArgumentException,
                  fmt::format("Illegal pattern character: {}", c));
    }
    if (kSupported.find(c) == std::string_view::npos) {
      if (std::string_view("GQqwWYFVzOXxZ").find(c) != std::string_view::npos) {
        throw Error(ErrorClass::NotImplementedError,
                    fmt::format("Datetime pattern letter '{}' is not supported by Runnel", c));
      }
      throw Error(ErrorClass::IllegalArgumentException,
                  fmt::format("Unknown pattern letter: {}", c));
    }
    if ((c == 'a' && t.count > 1) ||
        (c != 'S' && c != 'y' && c != 'u' && c != 'M' && c != 'L' && c != 'E' && c != 'D' &&
         t.count > 2) ||
        t.count > 9) {
      throw Error(ErrorClass::IllegalArgumentException,
                  fmt::format("Too many pattern letters: {}", c));
    }
  }
  return out;
}

struct Fields {
  int64_t year = 1970, month = 1, day = 1;
  int64_t day_of_year = 0;                               // 0 = not given
  int64_t hour = 0, minute = 0, second = 0, micros = 0;  // hour: 0-23, or 1-12 / 0-11 with am/pm
  int64_t pm = -1;                                       // -1 = no am/pm field
  bool twelve_hour = false;
};

std::string pad(int64_t v, int width) {
  return fmt::format("{:0{}d}", v, width);
}

}  // namespace

void validatePattern(std::string_view pattern) {
  tokenize(pattern);
}

std::string formatWithPattern(int64_t micros, std::string_view pattern, const TimeZone& zone) {
  const auto tokens = tokenize(pattern);
  int64_t local = micros + int64_t{zone.offset_seconds} * kMicrosPerSecond;
  int64_t days = floorDiv(local, kMicrosPerDay);
  int64_t in_day = local - days * kMicrosPerDay;
  CivilDate d = civilFromDays(days);
  const int64_t secs = in_day / kMicrosPerSecond, hour = secs / 3600;
  int64_t dow = floorMod(days + 3, 7);  // 0 = Monday; the epoch was a Thursday
  std::string out;
  for (const auto& t : tokens) {
    const int n = t.count;
    switch (t.letter) {
      case 0:
        out += t.literal;
        break;
      case 'y':
      case 'u':
        if (n == 2)
          out += pad(floorMod(d.year, 100), 2);
        else if (d.year < 0)
          out += "-" + pad(-d.year, n);
        else if (n == 4 && d.year > 9999)
          out += "+" + std::to_string(d.year);
        else
          out += pad(d.year, n);
        break;
      case 'M':
      case 'L':
        if (n <= 2)
          out += pad(d.month, n);
        else if (n == 3)
          out += kMonths[d.month - 1].substr(0, 3);
        else
          out += kMonths[d.month - 1];
        break;
      case 'd':
        out += pad(d.day, n);
        break;
      case 'D':
        out += pad(days - daysFromCivil(d.year, 1, 1) + 1, n);
        break;
      case 'H':
        out += pad(hour, n);
        break;
      case 'k':
        out += pad(hour == 0 ? 24 : hour, n);
        break;
      case 'K':
        out += pad(hour % 12, n);
        break;
      case 'h':
        out += pad(hour % 12 == 0 ? 12 : hour % 12, n);
        break;
      case 'm':
        out += pad(secs / 60 % 60, n);
        break;
      case 's':
        out += pad(secs % 60, n);
        break;
      case 'S':
        out += pad(in_day % kMicrosPerSecond * 1000, 9).substr(0, n);
        break;
      case 'a':
        out += hour < 12 ? "AM" : "PM";
        break;
      case 'E':
        out += n <= 3 ? kDays[dow].substr(0, 3) : kDays[dow];
        break;
      default:
        break;
    }
  }
  return out;
}

std::optional<int64_t> parseWithPattern(std::string_view text, std::string_view pattern,
                                        const TimeZone& zone) {
  const auto tokens = tokenize(pattern);
  Fields f;
  size_t pos = 0;
  auto matchWord = [&](std::string_view word) {
    if (text.size() - pos < word.size()) return false;
    for (size_t k = 0; k < word.size(); ++k) {
      if (std::tolower(static_cast<unsigned char>(text[pos + k])) !=
          std::tolower(static_cast<unsigned char>(word[k]))) {
        return false;
      }
    }
    pos += word.size();
    return true;
  };
  auto readNumber = [&](int min_digits, int max_digits) -> std::optional<int64_t> {
    int64_t v = 0;
    int n = 0;
    while (pos < text.size() && n < max_digits &&
           std::isdigit(static_cast<unsigned char>(text[pos]))) {
      v = v * 10 + (text[pos++] - '0');
      ++n;
    }
    if (n < min_digits) return std::nullopt;
    return v;
  };
  for (size_t ti = 0; ti < tokens.size(); ++ti) {
    const Token& t = tokens[ti];
    const int n = t.count;
    // A numeric field right before another takes exactly its width (adjacent value parsing).
    const bool adjacent = ti + 1 < tokens.size() && tokens[ti + 1].letter != 0;
    const int width = n == 1 ? (adjacent ? 1 : 2) : n;
    std::optional<int64_t> v;
    switch (t.letter) {
      case 0:
        if (!matchWord(t.literal)) return std::nullopt;
        continue;
      case 'y':
      case 'u':
        if (n == 2) {
          v = readNumber(2, 2);
          if (v) f.year = 2000 + *v;
        } else {
          v = readNumber(n, adjacent ? n : 9);
          if (v) f.year = *v;
        }
        break;
      case 'M':
      case 'L':
        if (n >= 3) {
          for (size_t m = 0; m < kMonths.size() && !v; ++m) {
            if (matchWord(n == 3 ? kMonths[m].substr(0, 3) : kMonths[m])) v = int64_t(m + 1);
          }
        } else {
          v = readNumber(n, width);
        }
        if (v) f.month = *v;
        break;
      case 'E':
        for (size_t k = 0; k < kDays.size() && !v; ++k) {
          if (matchWord(n <= 3 ? kDays[k].substr(0, 3) : kDays[k])) v = 0;
        }
        break;
      case 'a':
        if (matchWord("AM") || matchWord("PM"))
          v = f.pm = text[pos - 2] == 'P' || text[pos - 2] == 'p';
        break;
      case 'S': {
        // Spark reads 1..n fraction digits (createBuilderWithVarLengthSecondFraction).
        size_t start = pos;
        v = readNumber(1, n);
        if (v) {
          std::string digits(text.substr(start, pos - start));
          digits.resize(6, '0');
          f.micros = std::stoll(digits.substr(0, 6));
        }
        break;
      }
      default:
        v = readNumber(n, t.letter == 'D' ? std::max(n, 3) : width);
        if (!v) break;
        if (t.letter == 'd') f.day = *v;
        if (t.letter == 'D') f.day_of_year = *v;
        if (t.letter == 'H' || t.letter == 'k' || t.letter == 'K' || t.letter == 'h') f.hour = *v;
        if (t.letter == 'h' || t.letter == 'K') f.twelve_hour = true;
        if (t.letter == 'k' && *v == 24) f.hour = 0;
        if (t.letter == 'm') f.minute = *v;
        if (t.letter == 's') f.second = *v;
        break;
    }
    if (!v) return std::nullopt;
  }
  if (pos != text.size()) return std::nullopt;
  if (f.twelve_hour) {
    if (f.hour > 12) return std::nullopt;
    f.hour = f.hour % 12 + (f.pm == 1 ? 12 : 0);
  } else if (f.pm == 1 && f.hour < 12) {
    f.hour += 12;
  }
  if (f.hour > 23 || f.minute > 59 || f.second > 59) return std::nullopt;
  int64_t days = 0;
  if (f.day_of_year > 0) {
    days = daysFromCivil(f.year, 1, 1) + f.day_of_year - 1;
    if (civilFromDays(days).year != f.year) return std::nullopt;
  } else {
    if (!isValidDate(f.year, static_cast<unsigned>(f.month), static_cast<unsigned>(f.day))) {
      return std::nullopt;
    }
    days = daysFromCivil(f.year, static_cast<unsigned>(f.month), static_cast<unsigned>(f.day));
  }
  int64_t seconds = days * 86400 + f.hour * 3600 + f.minute * 60 + f.second - zone.offset_seconds;
  return seconds * kMicrosPerSecond + f.micros;
}

}  // namespace runnel::types
