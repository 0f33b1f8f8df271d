// ExpressionParser, Spark's keyword-shaped forms: EXTRACT(f FROM x), SUBSTRING(x FROM a FOR b),
// TRIM(BOTH c FROM x), POSITION(a IN b) and INTERVAL literals. Their comma forms are plain calls.
#include <algorithm>
#include <array>
#include <cctype>

#include "sql/data_type_parser.h"
#include "sql/expression_parser.h"

namespace runnel::sql {

using expr::ExprPtr;

namespace {

std::string lowerCase(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

bool isIntervalUnit(const Token& t) {
  static constexpr std::array<std::string_view, 20> kUnits = {
      "YEAR",         "YEARS",       "MONTH",        "MONTHS",     "WEEK",
      "WEEKS",        "DAY",         "DAYS",         "HOUR",       "HOURS",
      "MINUTE",       "MINUTES",     "SECOND",       "SECONDS",    "MILLISECOND",
      "MILLISECONDS", "MICROSECOND", "MICROSECONDS", "NANOSECOND", "NANOSECONDS"};
  return std::any_of(kUnits.begin(), kUnits.end(), [&](auto k) { return t.isKeyword(k); });
}

}  // namespace

ExprPtr ExpressionParser::specialFunction(const Token& name, bool& handled) {
  const Token& third = tokens_.peek(2);
  if (name.isKeyword("EXTRACT") && (third.kind == TokenKind::Identifier) &&
      tokens_.isKeyword("FROM", 3)) {
    tokens_.next();
    tokens_.next();
    const Token field = tokens_.next();
    tokens_.next();  // FROM
    ExprPtr source = parseExpression();
    tokens_.expectOperator(")");
    return node(
        expr::call("extract", {node(expr::lit(types::Value::string(field.text)), field), source}),
        name);
  }
  const bool substring = name.isKeyword("SUBSTRING") || name.isKeyword("SUBSTR");
  const bool trim = name.isKeyword("TRIM");
  const bool position = name.isKeyword("POSITION");
  if (!substring && !trim && !position) {
    handled = false;
    return nullptr;
  }
  tokens_.next();
  tokens_.next();  // '('
  ++open_parens_;
  std::string function = lowerCase(name.text);
  std::vector<ExprPtr> args;
  if (trim && (tokens_.isKeyword("BOTH") || tokens_.isKeyword("LEADING") ||
               tokens_.isKeyword("TRAILING"))) {
    const Token option = tokens_.next();
    function = option.isKeyword("LEADING")    ? "ltrim"
               : option.isKeyword("TRAILING") ? "rtrim"
                                              : "trim";
    ExprPtr chars = tokens_.isKeyword("FROM") ? nullptr : valueExpression(1);
    tokens_.expectKeyword("FROM");
    args.push_back(valueExpression(1));
    if (chars != nullptr) args.push_back(chars);
  } else if (position) {
    const Token start = tokens_.peek();
    ExprPtr needle = valueExpression(1);
    if (tokens_.acceptKeyword("IN")) {
      function = "locate";
      args = {needle, valueExpression(1)};
    } else {
      args.push_back(predicate(needle, start));
      while (tokens_.acceptOperator(","))
        args.push_back(parseExpression());
    }
  } else {
    args.push_back(parseExpression());
    if (substring && tokens_.acceptKeyword("FROM")) {
      args.push_back(valueExpression(1));
      if (tokens_.acceptKeyword("FOR")) args.push_back(valueExpression(1));
    } else if (trim && tokens_.acceptKeyword("FROM")) {
      args.insert(args.begin(), valueExpression(1));  // TRIM(c FROM x) is trim(x, c)
    } else {
      while (tokens_.acceptOperator(","))
        args.push_back(parseExpression());
    }
  }
  tokens_.expectOperator(")");
  --open_parens_;
  return node(expr::call(std::move(function), std::move(args)), name);
}

// INTERVAL '10 minutes', INTERVAL 10 MINUTES, INTERVAL '1' DAY 2 HOURS: Runnel has no interval
// type, so the literal is the call interval('<text>') over the normalised interval string.
ExprPtr ExpressionParser::intervalLiteral(const Token& at) {
  tokens_.next();
  std::string text;
  if (tokens_.peek().kind == TokenKind::String && !isIntervalUnit(tokens_.peek(1))) {
    text = tokens_.next().value;
  } else {
    do {
      std::string value;
      if (tokens_.acceptOperator("-")) value = "-";
      const Token& v = tokens_.peek();
      if (v.kind == TokenKind::String) {
        value += v.value;
      } else if (v.isNumber()) {
        value += v.text;
      } else {
        tokens_.failHere();
      }
      tokens_.next();
      if (!isIntervalUnit(tokens_.peek())) tokens_.failHere();
      text += (text.empty() ? "" : " ") + value + " " + lowerCase(tokens_.next().text);
    } while (tokens_.peek().kind == TokenKind::String || tokens_.peek().isNumber() ||
             (tokens_.isOperator("-") && tokens_.peek(1).isNumber()));
  }
  return node(expr::call("interval", {node(expr::lit(types::Value::string(text)), at)}), at);
}

}  // namespace runnel::sql
