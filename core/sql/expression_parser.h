// ExpressionParser: Spark SQL expressions (SqlBaseParser.g4 namedExpression / booleanExpression /
// valueExpression / primaryExpression) into the unresolved expr::Expr tree that functions.expr,
// DataFrame.selectExpr, filter(String) and spark.sql build. Operators use the registry's names.
#pragma once

#include <string>
#include <string_view>

#include "expr/expression.h"
#include "sql/token_stream.h"

namespace runnel::sql {

class ExpressionParser {
 public:
  // `in_select`: clause keywords (FROM, WHERE, GROUP, ...) end a select item instead of aliasing
  // it.
  explicit ExpressionParser(TokenStream& tokens, bool in_select = false)
      : tokens_(tokens), in_select_(in_select) {}

  // expression: OR of AND of NOT of predicates over value expressions.
  expr::ExprPtr parseExpression();
  // namedExpression: expression [AS] alias, or expression AS (a, b).
  expr::ExprPtr parseNamedExpression();

 private:
  // Boolean and value levels (expression_parser.cpp).
  expr::ExprPtr orExpression();
  expr::ExprPtr andExpression();
  expr::ExprPtr notExpression();
  expr::ExprPtr predicated();
  expr::ExprPtr predicate(expr::ExprPtr value, const Token& start);
  expr::ExprPtr valueExpression(int min_level);
  expr::ExprPtr unary();
  bool implicitAliasAhead() const;

  // Primary expressions (primary_expression.cpp).
  expr::ExprPtr postfix();
  expr::ExprPtr primary();
  expr::ExprPtr keywordPrimary(const Token& t, bool& handled);
  expr::ExprPtr nameOrCall();
  expr::ExprPtr functionCall(std::string name, const Token& at);
  expr::ExprPtr specialFunction(const Token& name, bool& handled);
  expr::ExprPtr caseExpression();
  expr::ExprPtr castExpression(bool try_mode);
  expr::ExprPtr intervalLiteral(const Token& at);
  expr::ExprPtr parenthesized();
  expr::ExprPtr stringLiteral();
  expr::ExprPtr node(expr::ExprPtr e, const Token& at);

  TokenStream& tokens_;
  bool in_select_;
  int open_parens_ = 0;  // CAST's ')' gets ": missing ')'" only when it closes the outermost paren
};

// Spark's parser.parseExpression (functions.expr, filter/where(String), selectExpr): one named
// expression, a trailing alias allowed, then end of input. Throws ParseException with Spark's text.
expr::ExprPtr parseExpression(std::string_view sql);
// The same grammar; named for selectExpr's items, whose alias becomes the column name.
expr::ExprPtr parseNamedExpression(std::string_view sql);

}  // namespace runnel::sql
