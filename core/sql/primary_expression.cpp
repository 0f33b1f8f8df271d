// ExpressionParser, primary level (Spark's primaryExpression and constant rules): literals, column
// paths, function calls, CASE, CAST, row constructors and the postfix forms a.b, a[i], a::type.
#include <algorithm>
#include <array>
#include <cctype>

#include "sql/data_type_parser.h"
#include "sql/expression_parser.h"
#include "sql/parse_error.h"
#include "sql/sql_literal.h"

namespace runnel::sql {

using expr::ExprPtr;

namespace {

std::string lowerCase(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

// One part of a column path as PySpark's col() string spells it: back-quoted when it holds a dot.
std::string quotePart(const std::string& part) {
  if (part.find('.') == std::string::npos && part.find('`') == std::string::npos) return part;
  std::string out = "`";
  for (char c : part) {
    out += c;
    if (c == '`') out += '`';
  }
  return out + "`";
}

bool isIdentifierToken(const Token& t) {
  return t.kind == TokenKind::Identifier || t.kind == TokenKind::BackquotedIdentifier;
}

// Keywords that cannot start a primary expression; the parser reports them as the offending token.
bool cannotStartPrimary(const Token& t) {
  static constexpr std::array<std::string_view, 21> kWords = {
      "AND",  "OR",   "IS",   "IN",  "LIKE", "ILIKE", "RLIKE", "REGEXP", "BETWEEN", "DIV",  "AS",
      "WHEN", "THEN", "ELSE", "END", "FROM", "WHERE", "GROUP", "ORDER",  "HAVING",  "LIMIT"};
  return std::any_of(kWords.begin(), kWords.end(), [&](auto k) { return t.isKeyword(k); });
}

}  // namespace

ExprPtr ExpressionParser::postfix() {
  const Token start = tokens_.peek();
  ExprPtr e = primary();
  while (true) {
    if (tokens_.isOperator(".") && isIdentifierToken(tokens_.peek(1))) {
      tokens_.next();
      const std::string field = parseIdentifier(tokens_);
      // Spark's visitDereference: a column path grows; the Analyzer tells columns from struct
      // fields.
      e = e->kind == expr::ExprKind::ColumnRef
              ? node(expr::col(e->name + "." + quotePart(field)), start)
              : node(expr::getField(e, field), start);
    } else if (tokens_.isOperator("[")) {
      tokens_.next();
      ExprPtr index = parseExpression();
      tokens_.expectOperator("]");
      e = node(expr::call("get", {e, index}), start);
    } else if (tokens_.isOperator("::")) {
      tokens_.next();
      e = node(expr::cast(e, DataTypeParser(tokens_).parseDataType()), start);
    } else {
      return e;
    }
  }
}

ExprPtr ExpressionParser::primary() {
  const Token t = tokens_.peek();
  if (t.isOperator("-") && tokens_.peek(1).isNumber()) {
    tokens_.next();
    const Token number = tokens_.next();
    return node(expr::lit(numericLiteral(number, true, tokens_.command(), t)), t);
  }
  if (t.isNumber()) {
    tokens_.next();
    return node(expr::lit(numericLiteral(t, false, tokens_.command(), t)), t);
  }
  if (t.kind == TokenKind::String) return stringLiteral();
  if (t.isOperator("(")) return parenthesized();
  if (t.isOperator("*")) {
    tokens_.next();
    return node(expr::star(), t);
  }
  if (t.kind == TokenKind::Identifier) {
    if (cannotStartPrimary(t)) tokens_.failHere();
    bool handled = false;
    ExprPtr e = keywordPrimary(t, handled);
    if (handled) return e;
  }
  if (isIdentifierToken(t)) return nameOrCall();
  tokens_.failHere();
}

ExprPtr ExpressionParser::keywordPrimary(const Token& t, bool& handled) {
  handled = true;
  const Token& after = tokens_.peek(1);
  if (t.isKeyword("NULL")) {
    tokens_.next();
    return node(expr::lit(types::Value::null()), t);
  }
  if (t.isKeyword("TRUE") || t.isKeyword("FALSE")) {
    tokens_.next();
    return node(expr::lit(types::Value::boolean(t.isKeyword("TRUE"))), t);
  }
  if (t.isKeyword("CASE")) return caseExpression();
  if ((t.isKeyword("CAST") || t.isKeyword("TRY_CAST")) && after.isOperator("("))
    return castExpression(t.isKeyword("TRY_CAST"));
  if (t.isKeyword("INTERVAL") &&
      (after.kind == TokenKind::String || after.isNumber() || after.isOperator("-")))
    return intervalLiteral(t);
  if ((t.isKeyword("TIMESTAMP") || t.isKeyword("TIMESTAMP_NTZ") || t.isKeyword("TIMESTAMP_LTZ")) &&
      after.kind == TokenKind::String) {
    tokens_.next();
    return node(expr::cast(stringLiteral(), types::timestampType()), t);
  }
  if ((t.isKeyword("DATE") || t.isKeyword("X")) && after.kind == TokenKind::String) {
    tokens_.failWith(ErrorClass::NotImplementedError,
                     "Runnel's SQL does not support " + lowerCase(t.text) + " literals yet.", t);
  }
  if ((t.isKeyword("CURRENT_TIMESTAMP") || t.isKeyword("CURRENT_DATE") ||
       t.isKeyword("CURRENT_USER")) &&
      !after.isOperator("(")) {
    tokens_.next();
    return node(expr::call(lowerCase(t.text), {}), t);
  }
  if (after.isOperator("(")) return specialFunction(t, handled);
  handled = false;
  return nullptr;
}

ExprPtr ExpressionParser::nameOrCall() {
  const Token first = tokens_.peek();
  std::vector<std::string> parts{parseIdentifier(tokens_)};
  while (tokens_.isOperator(".") && isIdentifierToken(tokens_.peek(1))) {
    tokens_.next();
    parts.push_back(parseIdentifier(tokens_));
  }
  std::string path;
  for (const auto& part : parts)
    path += (path.empty() ? "" : ".") + quotePart(part);
  if (tokens_.isOperator(".") && tokens_.isOperator("*", 1)) {
    tokens_.next();
    tokens_.next();
    return node(expr::star(path), first);
  }
  if (tokens_.isOperator("(")) {
    std::string name;
    for (const auto& part : parts)
      name += (name.empty() ? "" : ".") + part;
    return functionCall(lowerCase(name), first);
  }
  return node(expr::col(path), first);
}

ExprPtr ExpressionParser::functionCall(std::string name, const Token& at) {
  tokens_.expectOperator("(");
  ++open_parens_;
  const bool distinct = tokens_.acceptKeyword("DISTINCT");
  if (!distinct) tokens_.acceptKeyword("ALL");
  std::vector<ExprPtr> args;
  if (!tokens_.isOperator(")")) {
    do {
      const Token arg = tokens_.peek();
      if (arg.isOperator("*") && (tokens_.isOperator(")", 1) || tokens_.isOperator(",", 1))) {
        tokens_.next();
        args.push_back(node(expr::star(), arg));
      } else {
        args.push_back(parseExpression());
      }
    } while (tokens_.acceptOperator(","));
  }
  tokens_.expectOperator(")");
  --open_parens_;
  // AstBuilder.visitFunctionCall: count(*) is count(1).
  if (name == "count" && !distinct && args.size() == 1 && args[0]->kind == expr::ExprKind::Star &&
      args[0]->name.empty()) {
    args[0] = node(expr::lit(types::Value::int32(1)), at);
  }
  auto call = std::make_shared<expr::Expr>(*expr::call(std::move(name), std::move(args)));
  call->distinct = distinct;
  const Token& next = tokens_.peek();
  if (next.isKeyword("OVER") || (next.isKeyword("FILTER") && tokens_.isOperator("(", 1)) ||
      ((next.isKeyword("IGNORE") || next.isKeyword("RESPECT")) && tokens_.isKeyword("NULLS", 1)) ||
      (next.isKeyword("WITHIN") && tokens_.isKeyword("GROUP", 1))) {
    tokens_.failWith(ErrorClass::NotImplementedError,
                     "Runnel's SQL does not support " + next.text + " after a function call yet.",
                     next);
  }
  return node(call, at);
}

ExprPtr ExpressionParser::caseExpression() {
  const Token start = tokens_.next();
  ExprPtr subject = tokens_.isKeyword("WHEN") ? nullptr : parseExpression();
  if (!tokens_.isKeyword("WHEN")) tokens_.failHere();
  std::vector<ExprPtr> branches;
  while (tokens_.acceptKeyword("WHEN")) {
    const Token when = tokens_.peek();
    ExprPtr condition = parseExpression();
    // Spark's simple CASE compares with EqualTo: CASE x WHEN 1 ... is CASE WHEN (x = 1) ...
    if (subject != nullptr) condition = node(expr::call("=", {subject, condition}), when);
    tokens_.expectKeyword("THEN");
    branches.push_back(std::move(condition));
    branches.push_back(parseExpression());
  }
  const bool has_else = tokens_.acceptKeyword("ELSE");
  if (has_else) branches.push_back(parseExpression());
  tokens_.expectKeyword("END");
  return node(expr::caseWhen(std::move(branches), has_else), start);
}

ExprPtr ExpressionParser::castExpression(bool try_mode) {
  const Token start = tokens_.next();
  tokens_.expectOperator("(");
  ++open_parens_;
  ExprPtr value = parseExpression();
  tokens_.expectKeyword("AS");
  types::DataTypePtr type = DataTypeParser(tokens_).parseDataType();
  tokens_.expectOperator(")", open_parens_ == 1);
  --open_parens_;
  return node(expr::cast(std::move(value), std::move(type), try_mode), start);
}

ExprPtr ExpressionParser::parenthesized() {
  const Token open = tokens_.next();
  if (tokens_.isKeyword("SELECT") || tokens_.isKeyword("WITH") || tokens_.isKeyword("VALUES")) {
    tokens_.failWith(ErrorClass::NotImplementedError,
                     "Runnel's SQL does not support subqueries yet.", tokens_.peek());
  }
  ++open_parens_;
  ExprPtr first = parseExpression();
  if (tokens_.isKeyword("AS") || tokens_.isOperator(",")) {
    // rowConstructor: (a, b AS x) is struct(a, b AS x).
    if (tokens_.acceptKeyword("AS")) first = expr::alias(first, parseIdentifier(tokens_));
    std::vector<ExprPtr> fields{first};
    while (tokens_.acceptOperator(","))
      fields.push_back(parseNamedExpression());
    tokens_.expectOperator(")");
    --open_parens_;
    return node(expr::call("struct", std::move(fields)), open);
  }
  tokens_.expectOperator(")");
  --open_parens_;
  return first;
}

ExprPtr ExpressionParser::stringLiteral() {
  const Token first = tokens_.peek();
  std::string value;
  // Spark's constant rule takes stringLit+: 'a' 'b' is 'ab'.
  while (tokens_.peek().kind == TokenKind::String)
    value += tokens_.next().value;
  return node(expr::lit(types::Value::string(std::move(value))), first);
}

}  // namespace runnel::sql
