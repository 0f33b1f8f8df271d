// SelectStatement parser: Spark's singleStatement for a one-table query, with Spark's syntax errors
// and NotImplementedError for the SQL Runnel does not cover.
#include "sql/select_statement.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "sql/data_type_parser.h"
#include "sql/expression_parser.h"
#include "sql/parse_error.h"

namespace runnel::sql {

using expr::ExprPtr;

namespace {

bool isAnyKeyword(const Token& t, std::initializer_list<std::string_view> words) {
  return std::any_of(words.begin(), words.end(), [&](auto w) { return t.isKeyword(w); });
}

class SelectParser {
 public:
  explicit SelectParser(TokenStream& tokens) : tokens_(tokens) {}

  SelectStatement parse() {
    SelectStatement s;
    const Token& first = tokens_.peek();
    if (isAnyKeyword(first, {"WITH", "VALUES", "TABLE", "FROM"}) || first.isOperator("(")) {
      notSupported("queries that do not start with SELECT", first);
    }
    tokens_.expectKeyword("SELECT");
    s.distinct = tokens_.acceptKeyword("DISTINCT");
    if (!s.distinct) tokens_.acceptKeyword("ALL");
    ExpressionParser items(tokens_, true);
    do {
      s.items.push_back(items.parseNamedExpression());
    } while (tokens_.acceptOperator(","));
    if (tokens_.acceptKeyword("FROM")) from(s);
    ExpressionParser exprs(tokens_);
    if (tokens_.acceptKeyword("WHERE")) s.where = exprs.parseExpression();
    if (tokens_.isKeyword("GROUP") && tokens_.isKeyword("BY", 1)) {
      tokens_.next();
      tokens_.next();
      do {
        s.group_by.push_back(exprs.parseExpression());
      } while (tokens_.acceptOperator(","));
    }
    if (tokens_.acceptKeyword("HAVING")) s.having = exprs.parseExpression();
    if (tokens_.isKeyword("ORDER") && tokens_.isKeyword("BY", 1)) {
      tokens_.next();
      tokens_.next();
      do {
        s.order_by.push_back(sortItem(exprs));
      } while (tokens_.acceptOperator(","));
    }
    if (tokens_.acceptKeyword("LIMIT")) s.limit = limit(exprs);
    const Token& rest = tokens_.peek();
    if (isAnyKeyword(rest, {"UNION", "EXCEPT", "INTERSECT", "MINUS", "WINDOW", "SORT", "CLUSTER",
                            "DISTRIBUTE", "OFFSET"})) {
      notSupported(rest.text, rest);
    }
    tokens_.expectEnd(true);
    return s;
  }

 private:
  [[noreturn]] void notSupported(const std::string& what, const Token& at) {
    tokens_.failWith(ErrorClass::NotImplementedError,
                     fmt::format("Runnel's spark.sql supports one-table SELECT queries; {} is not "
                                 "supported yet.",
                                 what),
                     at);
  }

  void from(SelectStatement& s) {
    const Token& t = tokens_.peek();
    if (t.isOperator("(")) notSupported("a subquery in FROM", t);
    s.table = parseIdentifier(tokens_);
    while (tokens_.isOperator(".")) {
      tokens_.next();
      s.table += "." + parseIdentifier(tokens_);
    }
    if (tokens_.isOperator("(")) notSupported("a table-valued function", tokens_.peek());
    if (tokens_.acceptKeyword("AS")) {
      s.table_alias = parseIdentifier(tokens_);
    } else if (aliasAhead()) {
      s.table_alias = parseIdentifier(tokens_);
    }
    const Token& next = tokens_.peek();
    if (next.isOperator(",")) notSupported("a second table in FROM", next);
    if (isAnyKeyword(next, {"JOIN", "INNER", "LEFT", "RIGHT", "FULL", "CROSS", "NATURAL", "ANTI",
                            "SEMI", "LATERAL", "PIVOT", "UNPIVOT", "TABLESAMPLE"})) {
      notSupported(next.text, next);
    }
  }

  // strictIdentifier: a table alias may not be a clause or join keyword.
  bool aliasAhead() const {
    const Token& t = tokens_.peek();
    if (t.kind == TokenKind::BackquotedIdentifier) return true;
    return t.kind == TokenKind::Identifier &&
           !isAnyKeyword(t, {"WHERE",      "GROUP",       "HAVING", "ORDER",  "LIMIT",   "UNION",
                             "EXCEPT",     "INTERSECT",   "MINUS",  "WINDOW", "SORT",    "CLUSTER",
                             "DISTRIBUTE", "JOIN",        "INNER",  "LEFT",   "RIGHT",   "FULL",
                             "CROSS",      "NATURAL",     "ANTI",   "SEMI",   "LATERAL", "PIVOT",
                             "UNPIVOT",    "TABLESAMPLE", "OFFSET", "ON",     "USING"});
  }

  ExprPtr sortItem(ExpressionParser& exprs) {
    ExprPtr e = exprs.parseExpression();
    bool ascending = true;
    if (tokens_.acceptKeyword("DESC")) {
      ascending = false;
    } else {
      tokens_.acceptKeyword("ASC");
    }
    bool nulls_first = ascending;  // Spark: NULLS FIRST for ASC, NULLS LAST for DESC
    if (tokens_.acceptKeyword("NULLS")) {
      if (tokens_.acceptKeyword("FIRST")) {
        nulls_first = true;
      } else {
        tokens_.expectKeyword("LAST");
        nulls_first = false;
      }
    }
    return expr::sortOrder(std::move(e), ascending, nulls_first);
  }

  std::optional<int64_t> limit(ExpressionParser& exprs) {
    if (tokens_.acceptKeyword("ALL")) return std::nullopt;
    const Token at = tokens_.peek();
    ExprPtr e = exprs.parseExpression();
    const bool integral =
        e->kind == expr::ExprKind::Literal && !e->literal.is_null && e->literal.type->isIntegral();
    if (!integral) notSupported("a LIMIT that is not an integer literal", at);
    if (e->literal.i < 0) {
      tokens_.failWith(ErrorClass::AnalysisException,
                       fmt::format("[INVALID_LIMIT_LIKE_EXPRESSION.IS_NEGATIVE] The limit like "
                                   "expression \"{0}\" is invalid. The limit expression must be "
                                   "equal to or greater than 0, but got {0}. SQLSTATE: 42K0E",
                                   e->literal.i),
                       at);
    }
    return e->literal.i;
  }

  TokenStream& tokens_;
};

}  // namespace

SelectStatement parseSelectStatement(std::string_view sql) {
  TokenStream tokens(sql);
  return SelectParser(tokens).parse();
}

}  // namespace runnel::sql
