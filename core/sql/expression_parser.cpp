// ExpressionParser, boolean and value levels: Spark's precedence (OR < AND < NOT < predicates <
// comparison < | < ^ < & < + - || < * / % DIV < unary), all binary operators left-associative.
#include "sql/expression_parser.h"

#include <algorithm>
#include <array>

#include "sql/data_type_parser.h"
#include "sql/parse_error.h"

namespace runnel::sql {

using expr::ExprPtr;

namespace {

struct BinaryOperator {
  std::string_view token;  // operator spelling, or keyword for DIV
  std::string_view name;   // registry name
  int level;
};

// valueExpression alternatives from loosest to tightest binding.
constexpr std::array<BinaryOperator, 18> kBinary = {{
    {"=", "=", 1},
    {"==", "=", 1},
    {"<=>", "<=>", 1},
    {"!=", "!=", 1},
    {"<>", "!=", 1},
    {"<", "<", 1},
    {"<=", "<=", 1},
    {">", ">", 1},
    {">=", ">=", 1},
    {"|", "|", 2},
    {"^", "^", 3},
    {"&", "&", 4},
    {"+", "+", 5},
    {"-", "-", 5},
    {"||", "concat", 5},
    {"*", "*", 6},
    {"/", "/", 6},
    {"%", "%", 6},
}};
constexpr int kTopLevel = 1;

const BinaryOperator* binaryAt(const Token& t) {
  if (t.isKeyword("DIV")) {
    static constexpr BinaryOperator kDiv{"DIV", "div", 6};
    return &kDiv;
  }
  if (t.kind != TokenKind::Operator) return nullptr;
  for (const auto& op : kBinary) {
    if (t.text == op.token) return &op;
  }
  return nullptr;
}

// Words that end a select item: "SELECT a FROM t" must not read FROM as a's alias.
bool endsSelectItem(const Token& t) {
  static constexpr std::array<std::string_view, 24> kClauses = {
      "FROM",  "WHERE", "GROUP",   "HAVING",     "ORDER",   "LIMIT",   "UNION", "EXCEPT",
      "MINUS", "SORT",  "CLUSTER", "DISTRIBUTE", "WINDOW",  "LATERAL", "JOIN",  "INNER",
      "LEFT",  "RIGHT", "FULL",    "CROSS",      "NATURAL", "ON",      "USING", "OFFSET"};
  return std::any_of(kClauses.begin(), kClauses.end(), [&](auto k) { return t.isKeyword(k); });
}

// Words that continue an expression, so they are never read as an implicit alias.
bool continuesExpression(const Token& t) {
  static constexpr std::array<std::string_view, 11> kWords = {
      "AND", "OR", "IS", "IN", "NOT", "LIKE", "ILIKE", "RLIKE", "REGEXP", "BETWEEN", "DIV"};
  return std::any_of(kWords.begin(), kWords.end(), [&](auto k) { return t.isKeyword(k); });
}

}  // namespace

ExprPtr ExpressionParser::node(ExprPtr e, const Token& at) {
  tokens_.countNode(at);
  auto copy = std::make_shared<expr::Expr>(*e);
  copy->pos = tokens_.position(at);
  return copy;
}

ExprPtr ExpressionParser::parseExpression() {
  TokenStream::Nesting nesting(tokens_);
  return orExpression();
}

ExprPtr ExpressionParser::parseNamedExpression() {
  const Token start = tokens_.peek();
  ExprPtr e = parseExpression();
  if (tokens_.acceptKeyword("AS")) {
    if (tokens_.acceptOperator("(")) {
      std::vector<std::string> names;
      do {
        names.push_back(parseIdentifier(tokens_));
      } while (tokens_.acceptOperator(","));
      tokens_.expectOperator(")");
      return expr::multiAlias(std::move(e), std::move(names));
    }
    return expr::alias(std::move(e), parseIdentifier(tokens_));
  }
  if (implicitAliasAhead()) return expr::alias(std::move(e), parseIdentifier(tokens_));
  return e;
}

bool ExpressionParser::implicitAliasAhead() const {
  const Token& t = tokens_.peek();
  if (t.kind == TokenKind::BackquotedIdentifier) return true;
  if (t.kind != TokenKind::Identifier || continuesExpression(t)) return false;
  return !(in_select_ && endsSelectItem(t));
}

ExprPtr ExpressionParser::orExpression() {
  ExprPtr left = andExpression();
  while (tokens_.isKeyword("OR")) {
    const Token op = tokens_.next();
    left = node(expr::call("or", {left, andExpression()}), op);
  }
  return left;
}

ExprPtr ExpressionParser::andExpression() {
  ExprPtr left = notExpression();
  while (tokens_.isKeyword("AND")) {
    const Token op = tokens_.next();
    left = node(expr::call("and", {left, notExpression()}), op);
  }
  return left;
}

ExprPtr ExpressionParser::notExpression() {
  if (tokens_.isKeyword("NOT") || tokens_.isOperator("!")) {
    TokenStream::Nesting nesting(tokens_);
    const Token op = tokens_.next();
    return node(expr::call("not", {notExpression()}), op);
  }
  if (tokens_.isKeyword("EXISTS") && tokens_.isOperator("(", 1)) {
    tokens_.failWith(ErrorClass::NotImplementedError,
                     "Runnel's SQL does not support subqueries (EXISTS) yet.", tokens_.peek());
  }
  return predicated();
}

ExprPtr ExpressionParser::predicated() {
  const Token start = tokens_.peek();
  ExprPtr value = valueExpression(kTopLevel);
  return predicate(std::move(value), start);
}

ExprPtr ExpressionParser::predicate(ExprPtr value, const Token& start) {
  auto negate = [&](bool negated, ExprPtr e) {
    return negated ? node(expr::call("not", {std::move(e)}), start) : e;
  };
  if (tokens_.isKeyword("IS")) {
    tokens_.next();
    const bool negated = tokens_.acceptKeyword("NOT");
    if (tokens_.acceptKeyword("NULL"))
      return node(expr::call(negated ? "isnotnull" : "isnull", {value}), start);
    if (tokens_.isKeyword("TRUE") || tokens_.isKeyword("FALSE")) {
      const bool truth = tokens_.next().isKeyword("TRUE");
      ExprPtr test =
          node(expr::call("<=>", {value, expr::lit(types::Value::boolean(truth))}), start);
      return negate(negated, std::move(test));
    }
    if (tokens_.acceptKeyword("UNKNOWN"))
      return node(expr::call(negated ? "isnotnull" : "isnull", {value}), start);
    if (tokens_.acceptKeyword("DISTINCT")) {
      tokens_.expectKeyword("FROM");
      ExprPtr same = node(expr::call("<=>", {value, valueExpression(kTopLevel)}), start);
      return negate(!negated, std::move(same));
    }
    tokens_.failHere();
  }
  const bool negated = tokens_.isKeyword("NOT") &&
                       (tokens_.isKeyword("IN", 1) || tokens_.isKeyword("LIKE", 1) ||
                        tokens_.isKeyword("ILIKE", 1) || tokens_.isKeyword("RLIKE", 1) ||
                        tokens_.isKeyword("REGEXP", 1) || tokens_.isKeyword("BETWEEN", 1));
  if (negated) tokens_.next();
  if (tokens_.acceptKeyword("BETWEEN")) {
    ExprPtr lower = valueExpression(kTopLevel);
    tokens_.expectKeyword("AND");
    ExprPtr upper = valueExpression(kTopLevel);
    ExprPtr test = node(expr::call("and", {node(expr::call(">=", {value, lower}), start),
                                           node(expr::call("<=", {value, upper}), start)}),
                        start);
    return negate(negated, std::move(test));
  }
  if (tokens_.acceptKeyword("IN")) {
    tokens_.expectOperator("(");
    if (tokens_.isKeyword("SELECT") || tokens_.isKeyword("WITH")) {
      tokens_.failWith(ErrorClass::NotImplementedError,
                       "Runnel's SQL does not support subqueries (IN (SELECT ...)) yet.",
                       tokens_.peek());
    }
    std::vector<ExprPtr> args{value};
    do {
      args.push_back(parseExpression());
    } while (tokens_.acceptOperator(","));
    tokens_.expectOperator(")");
    return negate(negated, node(expr::call("in", std::move(args)), start));
  }
  if (tokens_.isKeyword("LIKE") || tokens_.isKeyword("ILIKE")) {
    const std::string name = tokens_.next().isKeyword("LIKE") ? "like" : "ilike";
    std::vector<ExprPtr> args{value, valueExpression(kTopLevel)};
    if (tokens_.acceptKeyword("ESCAPE")) {
      if (tokens_.peek().kind != TokenKind::String) tokens_.failHere();
      args.push_back(stringLiteral());
    }
    return negate(negated, node(expr::call(name, std::move(args)), start));
  }
  if (tokens_.acceptKeyword("RLIKE") || tokens_.acceptKeyword("REGEXP")) {
    return negate(negated, node(expr::call("rlike", {value, valueExpression(kTopLevel)}), start));
  }
  return value;
}

ExprPtr ExpressionParser::valueExpression(int min_level) {
  const Token start = tokens_.peek();
  ExprPtr left = unary();
  while (true) {
    const BinaryOperator* op = binaryAt(tokens_.peek());
    if (op == nullptr || op->level < min_level) return left;
    tokens_.next();
    ExprPtr right = valueExpression(op->level + 1);
    left = node(expr::call(std::string(op->name), {left, right}), start);
  }
}

ExprPtr ExpressionParser::unary() {
  const Token& t = tokens_.peek();
  // Spark's number rule takes the minus: "-1" is the literal -1 (named "-1"), not negative(1).
  if (t.isOperator("-") && tokens_.peek(1).isNumber()) return postfix();
  if (t.isOperator("-") || t.isOperator("+") || t.isOperator("~")) {
    TokenStream::Nesting nesting(tokens_);
    const Token op = tokens_.next();
    const char* name = op.text == "-" ? "negative" : op.text == "+" ? "positive" : "~";
    return node(expr::call(name, {unary()}), op);
  }
  return postfix();
}

ExprPtr parseExpression(std::string_view sql) {
  return parseNamedExpression(sql);
}

ExprPtr parseNamedExpression(std::string_view sql) {
  TokenStream tokens(sql);
  ExprPtr e = ExpressionParser(tokens).parseNamedExpression();
  tokens.expectEnd();
  return e;
}

}  // namespace runnel::sql
