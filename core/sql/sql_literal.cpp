// SQL literal decoding: Spark's unescapeSQLString and the numeric literal rules of AstBuilder
// (int if it fits, else bigint; suffixed literals checked against their type's range).
#include "sql/sql_literal.h"

#include <fmt/format.h>

#include <cstdlib>
#include <limits>

#include "sql/parse_error.h"

namespace runnel::sql {

namespace {

void appendUtf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Reads `n` hex digits at body[i..]; false when they are not all hex digits.
bool readHex(std::string_view body, size_t i, size_t n, uint32_t& out) {
  if (i + n > body.size()) return false;
  out = 0;
  for (size_t k = 0; k < n; ++k) {
    const char c = body[i + k];
    uint32_t d = 0;
    if (c >= '0' && c <= '9') {
      d = static_cast<uint32_t>(c - '0');
    } else if (c >= 'a' && c <= 'f') {
      d = static_cast<uint32_t>(c - 'a' + 10);
    } else if (c >= 'A' && c <= 'F') {
      d = static_cast<uint32_t>(c - 'A' + 10);
    } else {
      return false;
    }
    out = out * 16 + d;
  }
  return true;
}

bool isOctal(char c) {
  return c >= '0' && c <= '7';
}

void appendEscaped(std::string& out, char c) {
  switch (c) {
    case '0':
      out += '\0';
      break;
    case 'b':
      out += '\b';
      break;
    case 'n':
      out += '\n';
      break;
    case 'r':
      out += '\r';
      break;
    case 't':
      out += '\t';
      break;
    case 'Z':
      out += '\x1A';
      break;
    case '%':
      out += "\\%";
      break;
    case '_':
      out += "\\_";
      break;
    default:
      out += c;
      break;
  }
}

// Digits (with an optional leading '-') to int64; false on overflow.
bool parseInt64(std::string_view digits, int64_t& out) {
  const bool negative = !digits.empty() && digits[0] == '-';
  uint64_t magnitude = 0;
  const uint64_t limit =
      negative ? uint64_t{1} << 63 : static_cast<uint64_t>(std::numeric_limits<int64_t>::max());
  for (size_t i = negative ? 1 : 0; i < digits.size(); ++i) {
    const auto d = static_cast<uint64_t>(digits[i] - '0');
    if (magnitude > (limit - d) / 10) return false;
    magnitude = magnitude * 10 + d;
  }
  out = negative ? static_cast<int64_t>(0 - magnitude) : static_cast<int64_t>(magnitude);
  return true;
}

std::string withoutSuffix(const Token& number, size_t suffix_len, bool negative) {
  return (negative ? "-" : "") + number.text.substr(0, number.text.size() - suffix_len);
}

}  // namespace

std::string unescapeSqlString(std::string_view body) {
  std::string out;
  out.reserve(body.size());
  for (size_t i = 0; i < body.size(); ++i) {
    if (body[i] != '\\' || i + 1 >= body.size()) {
      out += body[i];
      continue;
    }
    const char c = body[i + 1];
    uint32_t cp = 0;
    if (c == 'u' && readHex(body, i + 2, 4, cp)) {
      appendUtf8(out, cp);
      i += 5;
    } else if (c == 'U' && readHex(body, i + 2, 8, cp) && cp <= 0x10FFFF) {
      appendUtf8(out, cp);
      i += 9;
    } else if (c >= '0' && c <= '3' && i + 3 < body.size() && isOctal(body[i + 2]) &&
               isOctal(body[i + 3])) {
      appendUtf8(out, static_cast<uint32_t>((c - '0') * 64 + (body[i + 2] - '0') * 8 +
                                            (body[i + 3] - '0')));
      i += 3;
    } else {
      appendEscaped(out, c);
      i += 1;
    }
  }
  return out;
}

types::Value numericLiteral(const Token& number, bool negative, std::string_view command,
                            const Token& at) {
  auto checked = [&](size_t suffix_len, int64_t min, int64_t max, const char* type_name) {
    const std::string raw = withoutSuffix(number, suffix_len, negative);
    int64_t v = 0;
    if (!parseInt64(raw, v) || v < min || v > max) {
      throw parseException(
          command, "INVALID_NUMERIC_LITERAL_RANGE",
          fmt::format(
              "Numeric literal {} is outside the valid range for {} with minimum value of {} "
              "and maximum value of {}. Please adjust the value accordingly.",
              raw, type_name, min, max),
          "22003", at.line, at.pos);
    }
    return v;
  };
  auto real = [&](size_t suffix_len) {
    const std::string raw = withoutSuffix(number, suffix_len, negative);
    return types::Value::float64(std::strtod(raw.c_str(), nullptr));
  };
  switch (number.kind) {
    case TokenKind::Integer: {
      const std::string raw = withoutSuffix(number, 0, negative);
      int64_t v = 0;
      if (!parseInt64(raw, v)) return real(0);  // Spark: a decimal literal
      if (v >= std::numeric_limits<int32_t>::min() && v <= std::numeric_limits<int32_t>::max())
        return types::Value::int32(static_cast<int32_t>(v));
      return types::Value::int64(v);
    }
    case TokenKind::BigInt:
      return types::Value::int64(checked(1, std::numeric_limits<int64_t>::min(),
                                         std::numeric_limits<int64_t>::max(), "bigint"));
    case TokenKind::SmallInt:
      return types::Value::int32(static_cast<int32_t>(checked(1, -32768, 32767, "smallint")));
    case TokenKind::TinyInt:
      return types::Value::int32(static_cast<int32_t>(checked(1, -128, 127, "tinyint")));
    case TokenKind::Double:
    case TokenKind::Float:
      return real(1);
    case TokenKind::BigDecimal:
      return real(2);
    default:
      return real(0);  // Decimal, Exponent
  }
}

}  // namespace runnel::sql
