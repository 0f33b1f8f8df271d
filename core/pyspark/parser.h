// Parser: tokens to the syntax tree, recursive descent over CPython's grammar for the PySpark
// subset. Statements live in parser.cpp, expressions in expression_parser.cpp, f-strings in
// fstring_parser.cpp.
#pragma once

#include <string_view>
#include <vector>

#include "pyspark/ast.h"
#include "pyspark/lexer.h"

namespace runnel::pyspark {

// Parses a whole program. Throws Error(SyntaxError / NotImplementedError) with a position.
Module parseModule(std::string_view source);

class Parser {
 public:
  explicit Parser(std::vector<Token> tokens) : tokens_(std::move(tokens)) {}

  Module module();
  ExprPtr expressionOnly();  // a whole token stream that is one expression (f-string fields)

 private:
  friend class DepthGuard;
  // Statements (parser.cpp)
  Block block(const char* what, SourcePosition header);
  void statement(Block& out);
  void simpleStatements(Block& out);
  StmtPtr smallStatement();
  StmtPtr expressionStatement();
  StmtPtr importStatement();
  StmtPtr fromImportStatement();
  StmtPtr ifStatement(SourcePosition pos);
  StmtPtr whileStatement();
  StmtPtr forStatement();
  StmtPtr defStatement();
  StmtPtr classStatement();
  StmtPtr withStatement();
  StmtPtr tryStatement();
  std::vector<Param> parameters(const std::string& closer);
  std::string dottedName();

  // Expressions (expression_parser.cpp)
  ExprPtr testList(bool allow_star = false);  // `a, b` becomes a Tuple
  ExprPtr namedExprTest();
  ExprPtr test();
  ExprPtr lambda();
  ExprPtr orTest();
  ExprPtr andTest();
  ExprPtr notTest();
  ExprPtr comparison();
  ExprPtr binary(int level);
  ExprPtr unary();
  ExprPtr power();
  ExprPtr primary();
  ExprPtr atom();
  ExprPtr parenthesised(SourcePosition pos);
  ExprPtr listDisplay(SourcePosition pos);
  ExprPtr dictDisplay(SourcePosition pos);
  ExprPtr strings();
  ExprPtr call(ExprPtr func, SourcePosition pos);
  ExprPtr subscript(ExprPtr value, SourcePosition pos);
  ExprPtr targetList();  // the target of `for` and comprehensions
  std::vector<Comprehension> comprehensions();
  void checkAssignable(const ExprPtr& target, bool augmented) const;

  // f-strings (fstring_parser.cpp)
  ExprPtr fstring(const Token& token);

  // Token access
  const Token& peek(size_t ahead = 0) const;
  const Token& next();
  bool isOp(std::string_view op, size_t ahead = 0) const;
  bool isKeyword(std::string_view kw, size_t ahead = 0) const;
  bool acceptOp(std::string_view op);
  bool acceptKeyword(std::string_view kw);
  const Token& expectOp(std::string_view op);
  const Token& expectName();
  void expectNewline();
  [[noreturn]] void fail(const Token& at, const std::string& message = "invalid syntax") const;
  bool atExpressionStart() const;

  std::vector<Token> tokens_;
  size_t i_ = 0;
  int depth_ = 0;
  int loop_depth_ = 0;  // `break`/`continue` are only valid inside a loop of the current function
};

// Bounds recursion so hostile input ends with a SyntaxError instead of exhausting the stack.
class DepthGuard {
 public:
  DepthGuard(Parser& p, const Token& at);
  ~DepthGuard() { --p_.depth_; }
  DepthGuard(const DepthGuard&) = delete;
  DepthGuard& operator=(const DepthGuard&) = delete;

 private:
  Parser& p_;
};

bool isKeywordName(std::string_view name);

}  // namespace runnel::pyspark
