// Parser, token cursor: look-ahead, expectations, keyword tests and the nesting bound.
#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "pyspark/parser.h"

namespace runnel::pyspark {
namespace {

constexpr int kMaxNesting = 100;  // CPython: "too many statically nested blocks" / nested parens

}  // namespace

bool isKeywordName(std::string_view name) {
  static constexpr std::array<std::string_view, 35> kKeywords = {
      "False", "None",     "True",  "and",    "as",   "assert", "async",  "await",    "break",
      "class", "continue", "def",   "del",    "elif", "else",   "except", "finally",  "for",
      "from",  "global",   "if",    "import", "in",   "is",     "lambda", "nonlocal", "not",
      "or",    "pass",     "raise", "return", "try",  "while",  "with",   "yield"};
  return std::find(kKeywords.begin(), kKeywords.end(), name) != kKeywords.end();
}

DepthGuard::DepthGuard(Parser& p, const Token& at) : p_(p) {
  if (++p_.depth_ > kMaxNesting) {
    --p_.depth_;
    throw Error(ErrorClass::SyntaxError, "too many nested parentheses or blocks", at.pos);
  }
}

const Token& Parser::peek(size_t ahead) const {
  size_t k = std::min(i_ + ahead, tokens_.size() - 1);
  return tokens_[k];
}

const Token& Parser::next() {
  const Token& t = tokens_[i_];
  if (i_ + 1 < tokens_.size()) ++i_;
  return t;
}

bool Parser::isOp(std::string_view op, size_t ahead) const {
  const Token& t = peek(ahead);
  return t.kind == TokenKind::Op && t.text == op;
}

bool Parser::isKeyword(std::string_view kw, size_t ahead) const {
  const Token& t = peek(ahead);
  return t.kind == TokenKind::Name && t.text == kw;
}

bool Parser::acceptOp(std::string_view op) {
  if (!isOp(op)) return false;
  next();
  return true;
}

bool Parser::acceptKeyword(std::string_view kw) {
  if (!isKeyword(kw)) return false;
  next();
  return true;
}

const Token& Parser::expectOp(std::string_view op) {
  if (!isOp(op)) {
    fail(peek(), op == ":" || op == ")" || op == "]" || op == "}" ? fmt::format("expected '{}'", op)
                                                                  : "invalid syntax");
  }
  return next();
}

const Token& Parser::expectName() {
  const Token& t = peek();
  if (t.kind != TokenKind::Name || isKeywordName(t.text)) fail(t);
  return next();
}

void Parser::expectNewline() {
  if (peek().kind == TokenKind::EndOfFile) return;
  if (peek().kind != TokenKind::Newline) fail(peek());
  next();
}

void Parser::fail(const Token& at, const std::string& message) const {
  if (at.kind == TokenKind::Indent && message == "invalid syntax") {
    throw Error(ErrorClass::SyntaxError, "unexpected indent", at.pos);
  }
  if (at.kind == TokenKind::EndOfFile && message == "invalid syntax") {
    throw Error(ErrorClass::SyntaxError, "unexpected EOF while parsing", at.pos);
  }
  throw Error(ErrorClass::SyntaxError, message, at.pos);
}

bool Parser::atExpressionStart() const {
  const Token& t = peek();
  switch (t.kind) {
    case TokenKind::Int:
    case TokenKind::Float:
    case TokenKind::String:
    case TokenKind::FString:
      return true;
    case TokenKind::Name:
      return !isKeywordName(t.text) || t.text == "None" || t.text == "True" || t.text == "False" ||
             t.text == "not" || t.text == "lambda";
    case TokenKind::Op:
      return t.text == "(" || t.text == "[" || t.text == "{" || t.text == "-" || t.text == "+" ||
             t.text == "~";
    default:
      return false;
  }
}

}  // namespace runnel::pyspark
