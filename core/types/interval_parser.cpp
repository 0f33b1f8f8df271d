// SparkIntervalUtils.stringToInterval (Spark 3.5) as a state machine with the same states, so the
// same strings are accepted and each rejection carries Spark's reason.
#include <fmt/format.h>

#include <limits>
#include <vector>

#include "runnel/error.h"
#include "types/calendar_interval.h"
#include "types/timestamp.h"

namespace runnel::types {
namespace {

constexpr int64_t kMicrosPerMinute = 60 * kMicrosPerSecond;
constexpr int64_t kMicrosPerHour = 60 * kMicrosPerMinute;
constexpr int32_t kInitialFractionScale = 100000000;  // NANOS_PER_SECOND / 10

enum class State {
  Prefix,
  TrimBeforeSign,
  Sign,
  TrimBeforeValue,
  Value,
  ValueFractionalPart,
  TrimBeforeUnit,
  UnitBegin,
  UnitSuffix,
  UnitEnd,
};

// Java's Character.isWhitespace for the ASCII range.
bool isWhitespace(char c) {
  return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
}

struct Overflow {
  const char* message;
};

int64_t mulExact(int64_t a, int64_t b) {
  int64_t r = 0;
  if (__builtin_mul_overflow(a, b, &r)) throw Overflow{"long overflow"};
  return r;
}
int64_t addExact(int64_t a, int64_t b) {
  int64_t r = 0;
  if (__builtin_add_overflow(a, b, &r)) throw Overflow{"long overflow"};
  return r;
}
int32_t addExact32(int32_t a, int32_t b) {
  int32_t r = 0;
  if (__builtin_add_overflow(a, b, &r)) throw Overflow{"integer overflow"};
  return r;
}
int32_t toIntExact(int64_t v) {
  if (v < std::numeric_limits<int32_t>::min() || v > std::numeric_limits<int32_t>::max()) {
    throw Overflow{"integer overflow"};
  }
  return static_cast<int32_t>(v);
}

class IntervalParser {
 public:
  IntervalParser(std::string_view input, std::string s) : input_(input), s_(std::move(s)) {}

  CalendarInterval parse();

 private:
  [[noreturn]] void fail(const std::string& reason) const {
    throw Error(ErrorClass::IllegalArgumentException,
                fmt::format("Error parsing '{}' to interval, {}", input_, reason));
  }
  bool matchAt(std::string_view word) const { return s_.compare(i_, word.size(), word) == 0; }
  std::string currentWord() const;
  void trimToNextState(char b, State next) {
    if (isWhitespace(b))
      ++i_;
    else
      state_ = next;
  }
  void unitBegin(char b);

  std::string_view input_;
  std::string s_;  // trimmed, lower case
  size_t i_ = 0;
  State state_ = State::Prefix;
  int64_t value_ = 0;
  bool negative_ = false;
  int32_t fraction_scale_ = -1;
  int32_t fraction_ = 0;
  bool point_prefixed_ = false;
  CalendarInterval result_;
};

// Java's String.split("\\s+") keeps a leading empty string and drops trailing ones; Spark picks the
// word at the parse position by counting the words to its right.
std::vector<std::string> splitWords(std::string_view s) {
  std::vector<std::string> out{""};
  for (char c : s) {
    if (isWhitespace(c)) {
      if (!out.back().empty() || out.size() == 1) out.emplace_back();
    } else {
      out.back() += c;
    }
  }
  while (out.size() > 1 && out.back().empty())
    out.pop_back();
  return out;
}

std::string IntervalParser::currentWord() const {
  auto all = splitWords(s_);
  auto right = splitWords(std::string_view(s_).substr(std::min(i_, s_.size())));
  if (right.size() > all.size()) return all.front();
  return all[all.size() - right.size()];
}

void IntervalParser::unitBegin(char b) {
  // Only seconds may have a fractional part.
  if (b != 's' && fraction_scale_ >= 0)
    fail(fmt::format("'{}' cannot have fractional part", currentWord()));
  if (negative_) {
    value_ = -value_;
    fraction_ = -fraction_;
  }
  try {
    auto& r = result_;
    if (b == 'y' && matchAt("year")) {
      r.months = toIntExact(addExact(r.months, mulExact(12, value_)));
      i_ += 4;
    } else if (b == 'w' && matchAt("week")) {
      r.days = toIntExact(addExact(r.days, mulExact(7, value_)));
      i_ += 4;
    } else if (b == 'd' && matchAt("day")) {
      r.days = addExact32(r.days, toIntExact(value_));
      i_ += 3;
    } else if (b == 'h' && matchAt("hour")) {
      r.micros = addExact(r.micros, mulExact(value_, kMicrosPerHour));
      i_ += 4;
    } else if (b == 's' && matchAt("second")) {
      r.micros = addExact(addExact(r.micros, mulExact(value_, kMicrosPerSecond)), fraction_);
      i_ += 6;
    } else if (b == 'm' && matchAt("month")) {
      r.months = addExact32(r.months, toIntExact(value_));
      i_ += 5;
    } else if (b == 'm' && matchAt("minute")) {
      r.micros = addExact(r.micros, mulExact(value_, kMicrosPerMinute));
      i_ += 6;
    } else if (b == 'm' && matchAt("millisecond")) {
      r.micros = addExact(r.micros, mulExact(value_, 1000));
      i_ += 11;
    } else if (b == 'm' && matchAt("microsecond")) {
      r.micros = addExact(r.micros, value_);
      i_ += 11;
    } else {
      fail(fmt::format("invalid unit '{}'", currentWord()));
    }
  } catch (const Overflow& e) {
    fail(e.message);
  }
  state_ = State::UnitSuffix;
}

CalendarInterval IntervalParser::parse() {
  if (s_.empty()) fail("interval string cannot be empty");
  constexpr std::string_view kInterval = "interval";
  while (i_ < s_.size()) {
    const char b = s_[i_];
    switch (state_) {
      case State::Prefix:
        if (s_.compare(0, kInterval.size(), kInterval) == 0) {
          if (s_.size() == kInterval.size()) fail("interval string cannot be empty");
          if (!isWhitespace(s_[kInterval.size()])) {
            fail(fmt::format("invalid interval prefix {}", currentWord()));
          }
          i_ += kInterval.size() + 1;
        }
        state_ = State::TrimBeforeSign;
        break;
      case State::TrimBeforeSign:
        trimToNextState(b, State::Sign);
        break;
      case State::Sign:
        value_ = 0;
        fraction_ = 0;
        state_ = State::TrimBeforeValue;
        fraction_scale_ = -1;
        point_prefixed_ = false;
        if (b == '-' || b == '+') {
          negative_ = b == '-';
          ++i_;
        } else if (b >= '0' && b <= '9') {
          negative_ = false;
        } else if (b == '.') {
          negative_ = false;
          fraction_scale_ = kInitialFractionScale;
          point_prefixed_ = true;
          ++i_;
          state_ = State::ValueFractionalPart;
        } else {
          fail(fmt::format("unrecognized number '{}'", currentWord()));
        }
        break;
      case State::TrimBeforeValue:
        trimToNextState(b, State::Value);
        break;
      case State::Value:
        if (b >= '0' && b <= '9') {
          try {
            value_ = addExact(mulExact(10, value_), b - '0');
          } catch (const Overflow& e) {
            fail(e.message);
          }
        } else if (isWhitespace(b)) {
          state_ = State::TrimBeforeUnit;
        } else if (b == '.') {
          fraction_scale_ = kInitialFractionScale;
          state_ = State::ValueFractionalPart;
        } else {
          fail(fmt::format("invalid value '{}'", currentWord()));
        }
        ++i_;
        break;
      case State::ValueFractionalPart:
        if (b >= '0' && b <= '9' && fraction_scale_ > 0) {
          fraction_ += (b - '0') * fraction_scale_;
          fraction_scale_ /= 10;
        } else if (isWhitespace(b) &&
                   (!point_prefixed_ || fraction_scale_ < kInitialFractionScale)) {
          fraction_ /= 1000;  // nanoseconds to microseconds
          state_ = State::TrimBeforeUnit;
        } else if (b >= '0' && b <= '9') {
          fail(fmt::format("interval can only support nanosecond precision, '{}' is out of range",
                           currentWord()));
        } else {
          fail(fmt::format("invalid value '{}'", currentWord()));
        }
        ++i_;
        break;
      case State::TrimBeforeUnit:
        trimToNextState(b, State::UnitBegin);
        break;
      case State::UnitBegin:
        unitBegin(b);
        break;
      case State::UnitSuffix:
        if (b == 's')
          state_ = State::UnitEnd;
        else if (isWhitespace(b))
          state_ = State::TrimBeforeSign;
        else
          fail(fmt::format("invalid unit '{}'", currentWord()));
        ++i_;
        break;
      case State::UnitEnd:
        if (!isWhitespace(b)) fail(fmt::format("invalid unit '{}'", currentWord()));
        ++i_;
        state_ = State::TrimBeforeSign;
        break;
    }
  }
  switch (state_) {
    case State::UnitSuffix:
    case State::UnitEnd:
    case State::TrimBeforeSign:
      return result_;
    case State::TrimBeforeValue:
      fail(fmt::format("expect a number after '{}' but hit EOL", currentWord()));
    case State::Value:
    case State::ValueFractionalPart:
      fail(fmt::format("expect a unit name after '{}' but hit EOL", currentWord()));
    default:
      fail(fmt::format("unknown error when parsing '{}'", currentWord()));
  }
}

// UTF8String.trimAll: drops whitespace and ISO control characters at both ends.
std::string trimAllLower(std::string_view s) {
  size_t b = 0;
  size_t e = s.size();
  auto trimmable = [](char c) { return static_cast<unsigned char>(c) <= 0x20 || c == 0x7f; };
  while (b < e && trimmable(s[b]))
    ++b;
  while (e > b && trimmable(s[e - 1]))
    --e;
  std::string out(s.substr(b, e - b));
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace

CalendarInterval stringToInterval(std::string_view text) {
  return IntervalParser(text, trimAllLower(text)).parse();
}

}  // namespace runnel::types
