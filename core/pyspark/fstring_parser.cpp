// Parser, f-strings: splits an f-string body into literal text and `{expr!r:spec}` fields; each
// field's expression is tokenized and parsed on its own, with positions mapped back into the
// program.
#include <fmt/format.h>

#include "pyspark/literals.h"
#include "pyspark/parser.h"

namespace runnel::pyspark {
namespace {

// Walks a body while keeping the source position of the current character.
struct Cursor {
  std::string_view body;
  size_t i = 0;
  SourcePosition pos;

  char peek(size_t ahead = 0) const { return i + ahead < body.size() ? body[i + ahead] : '\0'; }
  void advance() {
    unsigned char c = static_cast<unsigned char>(body[i++]);
    if (c == '\n') {
      ++pos.line;
      pos.column = 1;
    } else if (i >= body.size() || (static_cast<unsigned char>(body[i]) & 0xC0) != 0x80) {
      ++pos.column;
    }
  }
};

// Finds where a field's expression ends: a top-level '}', '!' (not '!='), ':' or '=' (debug form).
size_t expressionEnd(const Cursor& c, SourcePosition field_pos) {
  int depth = 0;
  char quote = 0;
  for (size_t k = c.i; k < c.body.size(); ++k) {
    char ch = c.body[k];
    if (quote) {
      if (ch == quote) quote = 0;
      continue;
    }
    if (ch == '\'' || ch == '"')
      quote = ch;
    else if (ch == '(' || ch == '[' || ch == '{')
      ++depth;
    else if ((ch == ')' || ch == ']' || ch == '}') && depth > 0)
      --depth;
    else if (depth == 0 && (ch == '}' || ch == ':'))
      return k;
    else if (depth == 0 && ch == '!' && (k + 1 >= c.body.size() || c.body[k + 1] != '='))
      return k;
    else if (depth == 0 && ch == '=' && k + 1 < c.body.size() &&
             (c.body[k + 1] == '}' || c.body[k + 1] == '!' || c.body[k + 1] == ':') && k > c.i &&
             std::string_view("=!<>").find(c.body[k - 1]) == std::string_view::npos) {
      return k;
    }
  }
  throw Error(ErrorClass::SyntaxError, "f-string: expecting '}'", field_pos);
}

}  // namespace

ExprPtr Parser::fstring(const Token& token) {
  auto e = std::make_shared<Expr>();
  e->kind = ExprKind::FString;
  e->pos = token.pos;
  Cursor c{token.text, 0, token.body_pos};
  std::string literal;
  SourcePosition literal_pos = c.pos;
  auto flushLiteral = [&](FStringPart& part) {
    part.literal = token.raw ? literal : decodeEscapes(literal, literal_pos);
    literal.clear();
  };
  while (c.i < c.body.size()) {
    char ch = c.peek();
    if ((ch == '{' && c.peek(1) == '{') || (ch == '}' && c.peek(1) == '}')) {
      literal.push_back(ch);
      c.advance();
      c.advance();
      continue;
    }
    if (ch == '}')
      throw Error(ErrorClass::SyntaxError, "f-string: single '}' is not allowed", c.pos);
    if (ch != '{') {
      if (ch == '\\' && !token.raw && c.i + 1 < c.body.size()) {
        literal.push_back(ch);
        c.advance();
        ch = c.peek();
      }
      literal.push_back(ch);
      c.advance();
      continue;
    }
    FStringPart part;
    flushLiteral(part);
    SourcePosition field_pos = c.pos;
    c.advance();
    SourcePosition expr_pos = c.pos;
    size_t end = expressionEnd(c, field_pos);
    std::string_view text = c.body.substr(c.i, end - c.i);
    if (text.find_first_not_of(" \t\n") == std::string_view::npos) {
      throw Error(ErrorClass::SyntaxError, "f-string: valid expression required before '}'",
                  field_pos);
    }
    std::vector<Token> tokens = tokenize(text);
    for (Token& t : tokens) {
      if (t.pos.line == 1) t.pos.column += expr_pos.column - 1;
      t.pos.line += expr_pos.line - 1;
    }
    part.expr = Parser(std::move(tokens)).expressionOnly();
    while (c.i < end)
      c.advance();
    if (c.peek() == '=') {
      part.debug_text = std::string(text) + "=";
      part.conversion = 'r';
      c.advance();
    }
    if (c.peek() == '!') {
      c.advance();
      char conv = c.peek();
      if (conv != 'r' && conv != 's' && conv != 'a') {
        throw Error(ErrorClass::SyntaxError,
                    "f-string: invalid conversion character: expected 's', 'r', or 'a'", c.pos);
      }
      part.conversion = conv;
      c.advance();
    }
    if (c.peek() == ':') {
      c.advance();
      if (!part.debug_text.empty()) part.conversion = 0;
      while (c.i < c.body.size() && c.peek() != '}') {
        if (c.peek() == '{') {
          throw Error(ErrorClass::NotImplementedError,
                      "nested replacement fields in f-string format specs are not supported",
                      c.pos);
        }
        part.spec.push_back(c.peek());
        c.advance();
      }
    }
    if (c.peek() != '}') throw Error(ErrorClass::SyntaxError, "f-string: expecting '}'", field_pos);
    c.advance();
    e->parts.push_back(std::move(part));
    literal_pos = c.pos;
  }
  if (!literal.empty()) {
    FStringPart part;
    flushLiteral(part);
    e->parts.push_back(std::move(part));
  }
  return e;
}

}  // namespace runnel::pyspark
