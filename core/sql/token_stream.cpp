// TokenStream: token cursor and Spark-shaped syntax errors for the SQL parsers.
#include "sql/token_stream.h"

#include <fmt/format.h>

#include "sql/parse_error.h"

namespace runnel::sql {

namespace {
// Far beyond any hand-written query; keeps recursion (parsing, and every later walk of the tree)
// away from the stack limit, the browser's included.
constexpr int kMaxNesting = 100;
constexpr int kMaxNodes = 10000;
}  // namespace

TokenStream::TokenStream(std::string_view command)
    : command_(command), tokens_(tokenize(command_, &unclosed_comment_)) {}

const Token& TokenStream::peek(size_t ahead) const {
  const size_t i = index_ + ahead;
  return i < tokens_.size() ? tokens_[i] : tokens_.back();
}

const Token& TokenStream::next() {
  const Token& t = peek();
  if (index_ + 1 < tokens_.size()) ++index_;
  return t;
}

bool TokenStream::acceptKeyword(std::string_view upper) {
  if (!isKeyword(upper)) return false;
  next();
  return true;
}

bool TokenStream::acceptOperator(std::string_view op) {
  if (!isOperator(op)) return false;
  next();
  return true;
}

const Token& TokenStream::expectKeyword(std::string_view upper) {
  if (!isKeyword(upper)) failHere();
  return next();
}

const Token& TokenStream::expectOperator(std::string_view op, bool missing_hint) {
  if (!isOperator(op)) {
    if (missing_hint && atEnd()) fail(peek(), fmt::format(": missing '{}'", op));
    failHere();
  }
  return next();
}

void TokenStream::expectEnd(bool semicolons) {
  if (semicolons) {
    while (acceptOperator(";")) {
    }
  }
  if (!atEnd()) {
    // ANTLR deletes one unwanted token when the one after it is what the rule expects.
    if (peek(1).kind == TokenKind::End) fail(peek(), ": extra input " + tokenDisplay(peek()));
    failHere();
  }
  if (unclosed_comment_.kind == TokenKind::Operator)
    throw unclosedCommentError(command_, unclosed_comment_);
}

void TokenStream::fail(const Token& at, std::string_view hint) const {
  throw syntaxError(command_, at, hint);
}

void TokenStream::failWith(ErrorClass cls, const std::string& message, const Token& at) const {
  throw Error(cls, message, position(at));
}

void TokenStream::countNode(const Token& at) {
  if (++nodes_ > kMaxNodes) {
    failWith(ErrorClass::ParseException,
             fmt::format("The SQL text has more than {} expression nodes.", kMaxNodes), at);
  }
}

TokenStream::Nesting::Nesting(TokenStream& s) : stream_(s) {
  if (++stream_.depth_ > kMaxNesting) {
    --stream_.depth_;
    stream_.failWith(ErrorClass::ParseException,
                     fmt::format("The SQL text nests deeper than {} levels.", kMaxNesting),
                     stream_.peek());
  }
}

}  // namespace runnel::sql
