// Java regex on std::regex: translation of the Java-only syntax and Matcher.find semantics.
#include "expr/functions/java_regex.h"

#include <cctype>

#include <fmt/format.h>

#include "runnel/error.h"

namespace runnel::expr {

namespace {

constexpr std::string_view kMeta = "\\^$.|?*+()[]{}";

// Java's \p{...} POSIX classes as ECMAScript bracket content.
const char* posixClass(std::string_view name) {
  if (name == "Lower") return "a-z";
  if (name == "Upper") return "A-Z";
  if (name == "Alpha" || name == "L" || name == "IsAlphabetic") return "a-zA-Z";
  if (name == "Digit" || name == "N" || name == "Nd") return "0-9";
  if (name == "Alnum") return "a-zA-Z0-9";
  if (name == "Punct" || name == "P") return "!-\\/:-@\\[-`{-~";
  if (name == "Space") return " \\t\\n\\x0B\\f\\r";
  return nullptr;
}

std::string translate(std::string_view p, bool& icase) {
  std::string out;
  size_t i = 0;
  if (p.substr(0, 4) == "(?i)") {
    icase = true;
    i = 4;
  }
  while (i < p.size()) {
    char c = p[i];
    if (c == '\\' && i + 1 < p.size()) {
      char n = p[i + 1];
      if (n == 'Q') {  // \Q...\E quotes everything in between
        size_t end = p.find("\\E", i + 2);
        std::string_view quoted =
            p.substr(i + 2, end == std::string_view::npos ? end : end - i - 2);
        for (char q : quoted) {
          if (kMeta.find(q) != std::string_view::npos) out += '\\';
          out += q;
        }
        i = end == std::string_view::npos ? p.size() : end + 2;
        continue;
      }
      if (n == 'A')
        out += '^';
      else if (n == 'z' || n == 'Z')
        out += '$';
      else if ((n == 'p' || n == 'P') && i + 2 < p.size() && p[i + 2] == '{') {
        size_t close = p.find('}', i + 3);
        const char* cls =
            close == std::string_view::npos ? nullptr : posixClass(p.substr(i + 3, close - i - 3));
        if (cls != nullptr) {
          out += n == 'p' ? "[" : "[^";
          out += cls;
          out += ']';
          i = close + 1;
          continue;
        }
        out += p.substr(i, 2);
      } else {
        out += p.substr(i, 2);
      }
      i += 2;
      continue;
    }
    // Possessive quantifiers (x*+, x++, x?+) become greedy ones; atomic groups plain groups.
    if (c == '+' && i > 0 &&
        (p[i - 1] == '*' || p[i - 1] == '+' || p[i - 1] == '?' || p[i - 1] == '}') &&
        !(i > 1 && p[i - 2] == '\\')) {
      ++i;
      continue;
    }
    if (p.substr(i, 3) == "(?>") {
      out += "(?:";
      i += 3;
      continue;
    }
    out += c;
    ++i;
  }
  return out;
}

}  // namespace

std::optional<std::string> literalPattern(std::string_view p) {
  std::string out;
  for (size_t i = 0; i < p.size(); ++i) {
    char c = p[i];
    if (c == '\\') {
      // An escaped non-alphanumeric character stands for itself (String.split's fast path).
      if (i + 1 >= p.size() || std::isalnum(static_cast<unsigned char>(p[i + 1])))
        return std::nullopt;
      out += p[++i];
      continue;
    }
    if (kMeta.find(c) != std::string_view::npos) return std::nullopt;
    out += c;
  }
  return out;
}

JavaRegex::JavaRegex(std::string_view java_regex, std::string_view function)
    : pattern_(java_regex) {
  bool icase = false;
  std::string translated = translate(java_regex, icase);
  auto flags = std::regex::ECMAScript;
  if (icase) flags |= std::regex::icase;
  try {
    regex_ = std::regex(translated, flags);
  } catch (const std::regex_error&) {
    throw Error(ErrorClass::IllegalArgumentException,
                fmt::format("[INVALID_PARAMETER_VALUE.PATTERN] The value of parameter(s) `regexp` "
                            "in `{}` is invalid: '{}'. SQLSTATE: 22023",
                            function, java_regex));
  }
}

bool JavaRegex::find(std::string_view s, size_t from, std::cmatch& m) const {
  if (from > s.size()) return false;
  auto flags =
      from > 0 ? std::regex_constants::match_prev_avail : std::regex_constants::match_default;
  return std::regex_search(s.data() + from, s.data() + s.size(), m, regex_, flags);
}

}  // namespace runnel::expr
