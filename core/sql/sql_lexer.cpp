// SqlLexer: a hand-written scanner that follows SqlBaseLexer.g4's rules, including ANTLR's
// longest-match choice between numeric literals and identifiers ("1e5" is a number, "1e5x" an
// identifier).
#include "sql/sql_lexer.h"

#include <array>
#include <cctype>

#include "sql/sql_literal.h"
#include "types/schema.h"

namespace runnel::sql {

bool Token::isKeyword(std::string_view upper) const {
  return kind == TokenKind::Identifier && types::equalsIgnoreCase(text, upper);
}

namespace {

bool isDigit(char c) {
  return c >= '0' && c <= '9';
}
// Spark's IDENTIFIER takes Unicode letters; any non-ASCII byte counts as one here.
bool isWordChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}
bool isSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
char upper(char c) {
  return static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
}

// Operators, longest first so that a prefix never shadows a longer spelling.
constexpr std::array<std::string_view, 30> kOperators = {
    "<=>", "/*+", "||", "::", "<=", ">=", "<>", "!=", "==", "=>", "->", "!<", "!>", "*/", "(",
    ")",   ",",   ".",  "[",  "]",  "!",  "=",  "<",  ">",  "+",  "-",  "*",  "/",  "%",  ";"};
constexpr std::array<std::string_view, 6> kMoreOperators = {"~", "&", "|", "^", ":", "?"};

class Scanner {
 public:
  Scanner(std::string_view sql, Token* unclosed_comment)
      : sql_(sql), unclosed_comment_(unclosed_comment) {}

  std::vector<Token> run() {
    std::vector<Token> out;
    while (true) {
      skipSpaceAndComments();
      Token t = startToken();
      if (i_ >= sql_.size()) {
        t.kind = TokenKind::End;
        out.push_back(std::move(t));
        return out;
      }
      scanOne(t);
      out.push_back(std::move(t));
    }
  }

 private:
  Token startToken() const {
    Token t;
    t.line = line_;
    t.pos = pos_;
    t.offset = i_;
    return t;
  }

  char at(size_t k) const { return i_ + k < sql_.size() ? sql_[i_ + k] : '\0'; }

  void advance(size_t n) {
    for (size_t k = 0; k < n && i_ < sql_.size(); ++k, ++i_) {
      const auto c = static_cast<unsigned char>(sql_[i_]);
      if (c == '\n') {
        ++line_;
        pos_ = 0;
      } else if ((c & 0xC0) != 0x80) {  // count code points, not UTF-8 continuation bytes
        ++pos_;
      }
    }
  }

  void skipSpaceAndComments() {
    while (i_ < sql_.size()) {
      if (isSpace(at(0))) {
        advance(1);
      } else if (at(0) == '-' && at(1) == '-') {
        while (i_ < sql_.size() && at(0) != '\n')
          advance(1);
      } else if (at(0) == '/' && at(1) == '*' && at(2) != '+') {
        skipBracketedComment();
      } else {
        return;
      }
    }
  }

  void skipBracketedComment() {  // nested, as BRACKETED_COMMENT
    Token start = startToken();
    start.kind = TokenKind::Operator;
    start.text = "/*";
    int depth = 0;
    while (i_ < sql_.size()) {
      if (at(0) == '/' && at(1) == '*') {
        ++depth;
        advance(2);
      } else if (at(0) == '*' && at(1) == '/') {
        advance(2);
        if (--depth == 0) return;
      } else {
        advance(1);
      }
    }
    if (unclosed_comment_ != nullptr) *unclosed_comment_ = start;
  }

  void scanOne(Token& t) {
    const char c = at(0);
    if ((c == 'r' || c == 'R') && (at(1) == '\'' || at(1) == '"') && scanRawString(t)) return;
    if (c == '\'' || c == '"') {
      if (!scanQuoted(t, c)) unrecognized(t);
      return;
    }
    if (c == '`') {
      if (!scanBackquoted(t)) unrecognized(t);
      return;
    }
    if ((isWordChar(c) || (c == '.' && isDigit(at(1)))) && scanWordOrNumber(t)) return;
    for (auto op : kOperators) {
      if (sql_.substr(i_, op.size()) == op) return emitOperator(t, op);
    }
    for (auto op : kMoreOperators) {
      if (sql_.substr(i_, op.size()) == op) return emitOperator(t, op);
    }
    unrecognized(t);
  }

  void emitOperator(Token& t, std::string_view op) {
    t.kind = TokenKind::Operator;
    t.text = op == "!>" ? "<=" : op == "!<" ? ">=" : std::string(op);
    advance(op.size());
  }

  void unrecognized(Token& t) {  // one code point, as ANTLR's UNRECOGNIZED: .
    size_t n = 1;
    while (i_ + n < sql_.size() && (static_cast<unsigned char>(sql_[i_ + n]) & 0xC0) == 0x80)
      ++n;
    t.kind = TokenKind::Unrecognized;
    t.text = std::string(sql_.substr(i_, n));
    advance(n);
  }

  bool scanQuoted(Token& t, char quote) {
    size_t k = 1;
    while (i_ + k < sql_.size() && sql_[i_ + k] != quote)
      k += sql_[i_ + k] == '\\' ? 2 : 1;
    if (i_ + k >= sql_.size()) return false;
    t.kind = TokenKind::String;
    t.text = std::string(sql_.substr(i_, k + 1));
    t.value = unescapeSqlString(sql_.substr(i_ + 1, k - 1));
    advance(k + 1);
    return true;
  }

  bool scanRawString(Token& t) {
    const char quote = at(1);
    const size_t close = sql_.find(quote, i_ + 2);
    if (close == std::string_view::npos) return false;
    t.kind = TokenKind::String;
    t.text = std::string(sql_.substr(i_, close + 1 - i_));
    t.value = std::string(sql_.substr(i_ + 2, close - i_ - 2));
    advance(close + 1 - i_);
    return true;
  }

  bool scanBackquoted(Token& t) {
    std::string value;
    size_t k = 1;
    while (true) {
      if (i_ + k >= sql_.size()) return false;
      if (sql_[i_ + k] == '`') {
        if (at(k + 1) != '`') break;
        ++k;  // `` is one back quote
      }
      value += sql_[i_ + k];
      ++k;
    }
    t.kind = TokenKind::BackquotedIdentifier;
    t.text = std::string(sql_.substr(i_, k + 1));
    t.value = std::move(value);
    advance(k + 1);
    return true;
  }

  // isValidDecimal: a literal with a '.' must not run into a letter, digit or underscore.
  bool validDecimalEnd(size_t k) const {
    const char c = at(k);
    return !(std::isalnum(static_cast<unsigned char>(c)) || c == '_');
  }

  size_t digitsFrom(size_t k) const {
    size_t n = 0;
    while (isDigit(at(k + n)))
      ++n;
    return n;
  }

  size_t exponentFrom(size_t k) const {  // 'E' [+-]? DIGIT+, or 0
    if (upper(at(k)) != 'E') return 0;
    size_t n = 1;
    if (at(k + n) == '+' || at(k + n) == '-') ++n;
    const size_t d = digitsFrom(k + n);
    return d == 0 ? 0 : n + d;
  }

  void consider(TokenKind kind, size_t len, TokenKind& best, size_t& best_len) const {
    if (len > best_len) {
      best = kind;
      best_len = len;
    }
  }

  // The suffixed forms (F, D, BD) after a mantissa of `m` characters; `decimal` adds the validity
  // check.
  void considerSuffixes(size_t m, bool decimal, TokenKind& best, size_t& best_len) const {
    const size_t e = exponentFrom(m);
    for (size_t with_exp : {e, size_t{0}}) {
      const size_t k = m + with_exp;
      if (upper(at(k)) == 'F' && (!decimal || validDecimalEnd(k + 1)))
        consider(TokenKind::Float, k + 1, best, best_len);
      if (upper(at(k)) == 'D' && (!decimal || validDecimalEnd(k + 1)))
        consider(TokenKind::Double, k + 1, best, best_len);
      if (upper(at(k)) == 'B' && upper(at(k + 1)) == 'D' && (!decimal || validDecimalEnd(k + 2)))
        consider(TokenKind::BigDecimal, k + 2, best, best_len);
    }
  }

  // False when nothing matched (".5x" is no decimal): the caller then reads '.' as an operator.
  bool scanWordOrNumber(Token& t) {
    TokenKind best = TokenKind::Identifier;
    size_t best_len = 0;
    const size_t int_digits = digitsFrom(0);
    if (int_digits > 0) {  // numeric rules come first in the grammar: they win ties
      consider(TokenKind::Integer, int_digits, best, best_len);
      const char suffix = upper(at(int_digits));
      if (suffix == 'L') consider(TokenKind::BigInt, int_digits + 1, best, best_len);
      if (suffix == 'S') consider(TokenKind::SmallInt, int_digits + 1, best, best_len);
      if (suffix == 'Y') consider(TokenKind::TinyInt, int_digits + 1, best, best_len);
      if (const size_t e = exponentFrom(int_digits))
        consider(TokenKind::Exponent, int_digits + e, best, best_len);
      considerSuffixes(int_digits, false, best, best_len);
    }
    // DECIMAL_DIGITS: DIGIT+ '.' DIGIT* | '.' DIGIT+
    if (at(int_digits) == '.' && (int_digits > 0 || isDigit(at(1)))) {
      const size_t m = int_digits + 1 + digitsFrom(int_digits + 1);
      if (validDecimalEnd(m)) consider(TokenKind::Decimal, m, best, best_len);
      if (const size_t e = exponentFrom(m); e > 0 && validDecimalEnd(m + e))
        consider(TokenKind::Exponent, m + e, best, best_len);
      considerSuffixes(m, true, best, best_len);
    }
    size_t word = 0;
    while (i_ + word < sql_.size() && isWordChar(at(word)))
      ++word;
    if (word > best_len) {
      best = TokenKind::Identifier;
      best_len = word;
    }
    if (best_len == 0) return false;
    t.kind = best;
    t.text = std::string(sql_.substr(i_, best_len));
    advance(best_len);
    return true;
  }

  std::string_view sql_;
  Token* unclosed_comment_;
  size_t i_ = 0;
  int line_ = 1;
  int pos_ = 0;
};

}  // namespace

std::vector<Token> tokenize(std::string_view sql, Token* unclosed_comment) {
  return Scanner(sql, unclosed_comment).run();
}

}  // namespace runnel::sql
