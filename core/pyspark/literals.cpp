// Python literals: number tokens (underscores, 0x/0o/0b, floats) and string escapes (\n, \x41,
// \u00e9, octal) decoded to UTF-8.
#include "pyspark/literals.h"

#include <fmt/format.h>

#include <cctype>
#include <cerrno>
#include <cstdlib>

namespace runnel::pyspark {

NumberShape numberShape(std::string_view rest) {
  NumberShape shape;
  size_t i = 0;
  auto at = [&](size_t k) -> unsigned char {
    return k < rest.size() ? static_cast<unsigned char>(rest[k]) : 0;
  };
  auto digits = [&](auto pred) {
    while (i < rest.size() && (pred(at(i)) || at(i) == '_'))
      ++i;
  };
  char prefix = static_cast<char>(std::tolower(at(1)));
  if (at(0) == '0' && (prefix == 'x' || prefix == 'o' || prefix == 'b')) {
    shape.base = prefix == 'x' ? 16 : prefix == 'o' ? 8 : 2;
    i = 2;
    digits([](unsigned char ch) { return std::isxdigit(ch) != 0; });
    shape.length = i;
    return shape;
  }
  digits([](unsigned char ch) { return std::isdigit(ch) != 0; });
  if (at(i) == '.') {
    shape.is_float = true;
    ++i;
    digits([](unsigned char ch) { return std::isdigit(ch) != 0; });
  }
  if (at(i) == 'e' || at(i) == 'E') {
    unsigned char s = at(i + 1);
    if (std::isdigit(s) || ((s == '+' || s == '-') && std::isdigit(at(i + 2)))) {
      shape.is_float = true;
      i += (s == '+' || s == '-') ? 2 : 1;
      digits([](unsigned char ch) { return std::isdigit(ch) != 0; });
    }
  }
  shape.length = i;
  return shape;
}

Token numberToken(std::string_view literal, bool is_float, int base, SourcePosition pos) {
  std::string text;
  for (char ch : literal) {
    if (ch != '_') text.push_back(ch);
  }
  Token t;
  t.pos = pos;
  t.text = std::string(literal);
  if (is_float) {
    t.kind = TokenKind::Float;
    t.float_value = std::strtod(text.c_str(), nullptr);
    return t;
  }
  t.kind = TokenKind::Int;
  const char* digits = text.c_str() + (base == 10 ? 0 : 2);
  if (*digits == '\0') throw Error(ErrorClass::SyntaxError, "invalid literal", pos);
  errno = 0;
  char* end = nullptr;
  unsigned long long v = std::strtoull(digits, &end, base);
  if (errno == ERANGE || v > static_cast<unsigned long long>(INT64_MAX) || *end != '\0') {
    throw Error(ErrorClass::NotImplementedError, "integers beyond 64 bits are not supported", pos);
  }
  t.int_value = static_cast<int64_t>(v);
  return t;
}

void appendUtf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string decodeEscapes(std::string_view body, SourcePosition pos) {
  std::string out;
  out.reserve(body.size());
  for (size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if (c != '\\' || i + 1 >= body.size()) {
      out.push_back(c);
      continue;
    }
    char e = body[++i];
    switch (e) {
      case '\n':
        break;  // an escaped newline joins the lines
      case 'n':
        out.push_back('\n');
        break;
      case 't':
        out.push_back('\t');
        break;
      case 'r':
        out.push_back('\r');
        break;
      case '0':
      case '1':
      case '2':
      case '3':
      case '4':
      case '5':
      case '6':
      case '7': {
        uint32_t v = 0;
        size_t k = 0;
        for (; k < 3 && i + k < body.size() && body[i + k] >= '0' && body[i + k] <= '7'; ++k) {
          v = v * 8 + static_cast<uint32_t>(body[i + k] - '0');
        }
        i += k - 1;
        appendUtf8(out, v);
        break;
      }
      case 'a':
        out.push_back('\a');
        break;
      case 'b':
        out.push_back('\b');
        break;
      case 'f':
        out.push_back('\f');
        break;
      case 'v':
        out.push_back('\v');
        break;
      case '\\':
      case '\'':
      case '"':
        out.push_back(e);
        break;
      case 'x':
      case 'u':
      case 'U': {
        size_t n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
        uint32_t v = 0;
        for (size_t k = 1; k <= n; ++k) {
          char h = i + k < body.size() ? body[i + k] : '\0';
          if (!std::isxdigit(static_cast<unsigned char>(h))) {
            throw Error(ErrorClass::SyntaxError,
                        fmt::format("(unicode error) truncated \\{}{} escape", e,
                                    e == 'x'   ? "XX"
                                    : e == 'u' ? "XXXX"
                                               : "XXXXXXXX"),
                        pos);
          }
          v = v * 16 +
              static_cast<uint32_t>(std::isdigit(static_cast<unsigned char>(h))
                                        ? h - '0'
                                        : std::tolower(static_cast<unsigned char>(h)) - 'a' + 10);
        }
        if (v > 0x10FFFF)
          throw Error(ErrorClass::SyntaxError, "(unicode error) illegal Unicode character", pos);
        i += n;
        appendUtf8(out, v);
        break;
      }
      default:  // unknown escapes keep the backslash, as Python does
        out.push_back('\\');
        out.push_back(e);
    }
  }
  return out;
}

const char* tokenKindName(TokenKind kind) {
  switch (kind) {
    case TokenKind::Name:
      return "NAME";
    case TokenKind::Int:
      return "INT";
    case TokenKind::Float:
      return "FLOAT";
    case TokenKind::String:
      return "STRING";
    case TokenKind::FString:
      return "FSTRING";
    case TokenKind::Op:
      return "OP";
    case TokenKind::Newline:
      return "NEWLINE";
    case TokenKind::Indent:
      return "INDENT";
    case TokenKind::Dedent:
      return "DEDENT";
    case TokenKind::EndOfFile:
      return "ENDMARKER";
  }
  return "?";
}

}  // namespace runnel::pyspark
