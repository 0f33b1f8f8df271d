// Lexer: CPython's tokenizer rules for the PySpark subset. Columns count code points, 1-based.
#include "pyspark/lexer.h"

#include "pyspark/literals.h"

#include <fmt/format.h>

#include <cstring>

namespace runnel::pyspark {
namespace {

constexpr int kTabSize = 8;               // CPython's tab stops for indentation
constexpr size_t kMaxBracketDepth = 200;  // CPython: "too many nested parentheses"

bool isNameStart(unsigned char c) {
  return std::isalpha(c) || c == '_' || c >= 0x80;
}
bool isNameChar(unsigned char c) {
  return std::isalnum(c) || c == '_' || c >= 0x80;
}

Error syntaxError(std::string message, SourcePosition pos) {
  return Error(ErrorClass::SyntaxError, std::move(message), pos);
}

class Lexer {
 public:
  explicit Lexer(std::string_view src) : src_(src) {}

  std::vector<Token> run() {
    indents_.push_back(0);
    while (i_ < src_.size()) {
      if (at_line_start_) {
        if (!lineStart()) continue;
      }
      scanToken();
    }
    if (!brackets_.empty()) {
      throw syntaxError(fmt::format("'{}' was never closed", brackets_.back().first),
                        brackets_.back().second);
    }
    SourcePosition end = here();
    if (!tokens_.empty() && tokens_.back().kind != TokenKind::Newline)
      push(TokenKind::Newline, "", end);
    while (indents_.size() > 1) {
      indents_.pop_back();
      push(TokenKind::Dedent, "", end);
    }
    push(TokenKind::EndOfFile, "", end);
    return std::move(tokens_);
  }

 private:
  SourcePosition here() const { return {line_, col_}; }
  char peek(size_t ahead = 0) const { return i_ + ahead < src_.size() ? src_[i_ + ahead] : '\0'; }

  void advance() {
    unsigned char c = static_cast<unsigned char>(src_[i_++]);
    if (c == '\n') {
      ++line_;
      col_ = 1;
    } else if (i_ >= src_.size() || (static_cast<unsigned char>(src_[i_]) & 0xC0) != 0x80) {
      ++col_;  // the last byte of a UTF-8 sequence ends one column
    }
  }

  void push(TokenKind kind, std::string text, SourcePosition pos) {
    Token t;
    t.kind = kind;
    t.text = std::move(text);
    t.pos = pos;
    tokens_.push_back(std::move(t));
  }

  // Measures indentation; returns false when the line is blank or a comment (nothing to emit).
  bool lineStart() {
    int width = 0;
    while (peek() == ' ' || peek() == '\t' || peek() == '\f') {
      width = peek() == '\t' ? (width / kTabSize + 1) * kTabSize : width + 1;
      advance();
    }
    char c = peek();
    if (c == '#') {
      while (i_ < src_.size() && peek() != '\n')
        advance();
    }
    c = peek();
    if (c == '\n' || c == '\r' || c == '\0') {
      if (c == '\r') advance();
      if (peek() == '\n') advance();
      return false;
    }
    if (c == '\\' && (peek(1) == '\n' || peek(1) == '\r')) {
      // A continuation right after indentation keeps us at the line start logically.
      advance();
      if (peek() == '\r') advance();
      if (peek() == '\n') advance();
      return false;
    }
    at_line_start_ = false;
    SourcePosition pos = here();
    if (width > indents_.back()) {
      indents_.push_back(width);
      push(TokenKind::Indent, "", pos);
    } else {
      while (width < indents_.back()) {
        indents_.pop_back();
        push(TokenKind::Dedent, "", pos);
      }
      if (width != indents_.back()) {
        throw Error(ErrorClass::SyntaxError, "unindent does not match any outer indentation level",
                    pos);
      }
    }
    return true;
  }

  void scanToken() {
    char c = peek();
    SourcePosition pos = here();
    if (c == ' ' || c == '\t' || c == '\f') {
      advance();
      return;
    }
    if (c == '#') {
      while (i_ < src_.size() && peek() != '\n')
        advance();
      return;
    }
    if (c == '\r' || c == '\n') {
      if (c == '\r') advance();
      if (peek() == '\n') advance();
      if (brackets_.empty()) {
        push(TokenKind::Newline, "", pos);
        at_line_start_ = true;
      }
      return;
    }
    if (c == '\\') {
      advance();
      if (peek() == '\r') advance();
      if (peek() != '\n')
        throw syntaxError("unexpected character after line continuation character", pos);
      advance();
      if (i_ >= src_.size()) throw syntaxError("unexpected EOF while parsing", pos);
      return;
    }
    if (isNameStart(static_cast<unsigned char>(c))) return scanNameOrString(pos);
    if (std::isdigit(static_cast<unsigned char>(c)) ||
        (c == '.' && std::isdigit(static_cast<unsigned char>(peek(1))))) {
      return scanNumber(pos);
    }
    if (c == '"' || c == '\'') return scanString(pos, false, false);
    scanOperator(pos);
  }

  void scanNameOrString(SourcePosition pos) {
    size_t start = i_;
    while (i_ < src_.size() && isNameChar(static_cast<unsigned char>(peek())))
      advance();
    std::string name(src_.substr(start, i_ - start));
    if ((peek() == '"' || peek() == '\'') && name.size() <= 2) {
      bool raw = false, f = false, ok = true;
      for (char p : name) {
        char l = static_cast<char>(std::tolower(static_cast<unsigned char>(p)));
        if (l == 'r')
          raw = true;
        else if (l == 'f')
          f = true;
        else if (l == 'b')
          throw Error(ErrorClass::NotImplementedError, "bytes literals are not supported", pos);
        else if (l != 'u')
          ok = false;
      }
      if (ok) return scanString(pos, raw, f);
    }
    push(TokenKind::Name, std::move(name), pos);
  }

  void scanNumber(SourcePosition pos) {
    size_t start = i_;
    NumberShape shape = numberShape(src_.substr(i_));
    for (size_t k = 0; k < shape.length; ++k)
      advance();  // number literals are ASCII
    if (peek() == 'j' || peek() == 'J') {
      throw Error(ErrorClass::NotImplementedError, "complex numbers are not supported", pos);
    }
    if (i_ < src_.size() && isNameChar(static_cast<unsigned char>(peek()))) {
      throw syntaxError("invalid decimal literal", pos);
    }
    tokens_.push_back(numberToken(src_.substr(start, i_ - start), shape.is_float, shape.base, pos));
  }

  void scanString(SourcePosition pos, bool raw, bool is_f) {
    char quote = peek();
    bool triple = peek(1) == quote && peek(2) == quote;
    for (int k = 0; k < (triple ? 3 : 1); ++k)
      advance();
    SourcePosition body_pos = here();
    size_t start = i_;
    for (;;) {
      if (i_ >= src_.size() || (!triple && (peek() == '\n' || peek() == '\r'))) {
        throw syntaxError(fmt::format("unterminated {}string literal (detected at line {})",
                                      triple ? "triple-quoted " : "", line_),
                          pos);
      }
      char c = peek();
      if (c == '\\') {
        advance();
        if (i_ < src_.size()) advance();
        continue;
      }
      if (c == quote && (!triple || (peek(1) == quote && peek(2) == quote))) break;
      advance();
    }
    std::string_view body = src_.substr(start, i_ - start);
    for (int k = 0; k < (triple ? 3 : 1); ++k)
      advance();
    Token t;
    t.pos = pos;
    t.body_pos = body_pos;
    t.raw = raw;
    if (is_f) {
      t.kind = TokenKind::FString;
      t.text = std::string(body);
    } else {
      t.kind = TokenKind::String;
      t.text = raw ? std::string(body) : decodeEscapes(body, body_pos);
    }
    tokens_.push_back(std::move(t));
  }

  void scanOperator(SourcePosition pos) {
    static constexpr std::string_view kOps[] = {
        "**=", "//=", ">>=", "<<=", "...", "->", "**", "//", "==", "!=", "<=", ">=",
        "<<",  ">>",  "+=",  "-=",  "*=",  "/=", "%=", "&=", "|=", "^=", ":=", "@=",
        "+",   "-",   "*",   "/",   "%",   "@",  "&",  "|",  "^",  "~",  "<",  ">",
        "(",   ")",   "[",   "]",   "{",   "}",  ",",  ":",  ".",  ";",  "="};
    std::string_view rest = src_.substr(i_);
    for (std::string_view op : kOps) {
      if (rest.substr(0, op.size()) != op) continue;
      for (size_t k = 0; k < op.size(); ++k)
        advance();
      trackBrackets(op, pos);
      push(TokenKind::Op, std::string(op), pos);
      return;
    }
    unsigned char c = static_cast<unsigned char>(peek());
    throw syntaxError(fmt::format("invalid character '{}' (U+{:04X})", static_cast<char>(c), c),
                      pos);
  }

  void trackBrackets(std::string_view op, SourcePosition pos) {
    if (op == "(" || op == "[" || op == "{") {
      if (brackets_.size() >= kMaxBracketDepth)
        throw syntaxError("too many nested parentheses", pos);
      brackets_.emplace_back(op[0], pos);
    } else if (op == ")" || op == "]" || op == "}") {
      char open = op == ")" ? '(' : op == "]" ? '[' : '{';
      if (brackets_.empty()) throw syntaxError(fmt::format("unmatched '{}'", op), pos);
      if (brackets_.back().first != open) {
        throw syntaxError(
            fmt::format("closing parenthesis '{}' does not match opening parenthesis '{}'", op,
                        brackets_.back().first),
            pos);
      }
      brackets_.pop_back();
    }
  }

  std::string_view src_;
  size_t i_ = 0;
  int line_ = 1;
  int col_ = 1;
  bool at_line_start_ = true;
  std::vector<int> indents_;
  std::vector<std::pair<char, SourcePosition>> brackets_;
  std::vector<Token> tokens_;
};

}  // namespace

std::vector<Token> tokenize(std::string_view source) {
  return Lexer(source).run();
}

}  // namespace runnel::pyspark
