// SqlLexer: Spark SQL's tokens (SqlBaseLexer.g4): identifiers, back-quoted identifiers, string and
// numeric literals, operators. Keywords are identifiers here; the parsers compare them
// case-insensitively.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace runnel::sql {

enum class TokenKind {
  Identifier,            // word (keywords included); `text` as written
  BackquotedIdentifier,  // `value` has the quotes removed and `` unescaped
  String,                // '...', "..." or R'...'; `value` is unescaped
  Integer,               // 123
  BigInt,                // 123L
  SmallInt,              // 123S
  TinyInt,               // 123Y
  Decimal,               // 1.5, .5, 1.
  Exponent,              // 1e5, 1.5E-3
  Double,                // 1.5D
  Float,                 // 1.5F
  BigDecimal,            // 1.5BD
  Operator,              // punctuation and operators; `text` is the canonical spelling
  Unrecognized,          // any other character, or an unterminated quote
  End,                   // end of input
};

struct Token {
  TokenKind kind = TokenKind::End;
  std::string text;   // as written in the SQL (operators: canonical, "!>" reads "<=")
  std::string value;  // String / BackquotedIdentifier: the decoded content
  int line = 1;       // 1-based, as Spark's "(line L, pos P)"
  int pos = 0;        // 0-based code point within the line
  size_t offset = 0;  // byte offset into the SQL text

  bool isKeyword(std::string_view upper) const;  // Identifier spelled `upper`, any case
  bool isOperator(std::string_view op) const { return kind == TokenKind::Operator && text == op; }
  bool isNumber() const { return kind >= TokenKind::Integer && kind <= TokenKind::BigDecimal; }
};

// Splits `sql` into tokens, the last one End; comments and whitespace are skipped. A /* comment
// left open runs to the end; its start is stored in `unclosed_comment` (Spark reports it once the
// parse succeeded).
std::vector<Token> tokenize(std::string_view sql, Token* unclosed_comment = nullptr);

}  // namespace runnel::sql
