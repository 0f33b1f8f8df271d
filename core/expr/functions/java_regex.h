// A Java regular expression (java.util.regex.Pattern) run on std::regex ECMAScript: the common
// syntax is shared; Java-only pieces are translated where cheap (\Q..\E, (?i), \A, \z, \p{Alpha},
// possessive quantifiers, atomic groups). Patterns without metacharacters are recognised as plain
// literals.
#pragma once

#include <optional>
#include <regex>
#include <string>
#include <string_view>

namespace runnel::expr {

// The literal text a pattern matches when it has no regex meaning (`" "`, `","`, `"\\|"`).
std::optional<std::string> literalPattern(std::string_view java_regex);

class JavaRegex {
 public:
  // Throws runnel::Error (IllegalArgumentException) naming `function` when the pattern is invalid.
  JavaRegex(std::string_view java_regex, std::string_view function);

  // Finds the first match starting at or after byte `from` of `s` (Matcher.find(from)).
  bool find(std::string_view s, size_t from, std::cmatch& m) const;
  size_t groupCount() const { return regex_.mark_count(); }
  const std::string& pattern() const { return pattern_; }

 private:
  std::string pattern_;
  std::regex regex_;
};

}  // namespace runnel::expr
