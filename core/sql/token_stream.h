// TokenStream: the cursor the SQL parsers share over one command's tokens, with Spark's error
// reporting (the offending token, ": extra input" / ": missing" hints) and a nesting guard for deep
// input.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "runnel/error.h"
#include "sql/sql_lexer.h"

namespace runnel::sql {

class TokenStream {
 public:
  explicit TokenStream(std::string_view command);

  const Token& peek(size_t ahead = 0) const;
  const Token& next();
  bool atEnd() const { return peek().kind == TokenKind::End; }

  bool isKeyword(std::string_view upper, size_t ahead = 0) const {
    return peek(ahead).isKeyword(upper);
  }
  bool isOperator(std::string_view op, size_t ahead = 0) const {
    return peek(ahead).isOperator(op);
  }
  bool acceptKeyword(std::string_view upper);
  bool acceptOperator(std::string_view op);
  const Token& expectKeyword(std::string_view upper);
  // `missing_hint`: report ": missing 'op'" when the next token is end of input (ANTLR inserts the
  // token when what follows it fits; callers pass true only where end of input may follow).
  const Token& expectOperator(std::string_view op, bool missing_hint = false);

  // The whole command must be consumed (trailing ';' allowed when `semicolons`); otherwise Spark's
  // "extra input" error. Then reports a /* comment left open.
  void expectEnd(bool semicolons = false);

  [[noreturn]] void fail(const Token& at, std::string_view hint = "") const;
  [[noreturn]] void failHere() const { fail(peek()); }
  // An error of another class (NotImplementedError, AnalysisException) placed at `at`.
  [[noreturn]] void failWith(ErrorClass cls, const std::string& message, const Token& at) const;

  SourcePosition position(const Token& t) const { return {t.line, t.pos + 1}; }
  std::string_view command() const { return command_; }

  // Counts one built expression node; a runaway count (a tree too deep to walk safely) fails.
  void countNode(const Token& at);

  // Guards recursion: each nested expression / type holds one level while it is parsed.
  class Nesting {
   public:
    explicit Nesting(TokenStream& s);
    ~Nesting() { --stream_.depth_; }
    Nesting(const Nesting&) = delete;
    Nesting& operator=(const Nesting&) = delete;

   private:
    TokenStream& stream_;
  };

 private:
  std::string command_;
  Token unclosed_comment_;  // declared before tokens_: tokenize() fills it in during construction
  std::vector<Token> tokens_;
  size_t index_ = 0;
  int depth_ = 0;
  int nodes_ = 0;
};

}  // namespace runnel::sql
