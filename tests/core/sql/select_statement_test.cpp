// SelectStatement: spark.sql's one-table SELECT into a plain AST.
#include "sql/select_statement.h"

#include <gtest/gtest.h>

#include "expr_printer.h"

namespace runnel::sql {
namespace {

using testing::print;

std::string items(const SelectStatement& s) {
  std::string out;
  for (const auto& e : s.items)
    out += (out.empty() ? "" : "; ") + print(e);
  return out;
}

TEST(SelectStatement, WordCount) {
  const auto s = parseSelectStatement(
      "SELECT word, count(*) AS n FROM words WHERE word != '' GROUP BY word "
      "HAVING count(*) > 1 ORDER BY n DESC, word LIMIT 10;");
  EXPECT_FALSE(s.distinct);
  EXPECT_EQ(items(s), "word; count(1) AS n");
  EXPECT_EQ(s.table, "words");
  EXPECT_EQ(s.table_alias, "");
  ASSERT_NE(s.where, nullptr);
  EXPECT_EQ(print(s.where), "!=(word, '')");
  ASSERT_EQ(s.group_by.size(), 1u);
  EXPECT_EQ(print(s.group_by[0]), "word");
  ASSERT_NE(s.having, nullptr);
  EXPECT_EQ(print(s.having), ">(count(1), 1)");
  ASSERT_EQ(s.order_by.size(), 2u);
  EXPECT_EQ(print(s.order_by[0]), "n DESC NULLS LAST");
  EXPECT_EQ(print(s.order_by[1]), "word ASC NULLS FIRST");
  EXPECT_EQ(s.limit, 10);
}

struct SelectCase {
  const char* sql;
  const char* items;
  const char* table;
  const char* alias;
};

class Selects : public ::testing::TestWithParam<SelectCase> {};

TEST_P(Selects, ItemsAndTable) {
  const auto s = parseSelectStatement(GetParam().sql);
  EXPECT_EQ(items(s), GetParam().items);
  EXPECT_EQ(s.table, GetParam().table);
  EXPECT_EQ(s.table_alias, GetParam().alias);
}

INSTANTIATE_TEST_SUITE_P(
    Shapes, Selects,
    ::testing::Values(SelectCase{"SELECT * FROM events", "*", "events", ""},
                      SelectCase{"select a, b from t", "a; b", "t", ""},
                      SelectCase{"SELECT e.value v FROM events e", "e.value AS v", "events", "e"},
                      SelectCase{"SELECT t.* FROM db.t AS t", "t.*", "db.t", "t"},
                      SelectCase{
                          "SELECT value % 2 AS parity, CAST(value AS STRING) FROM `my table`",
                          "%(value, 2) AS parity; cast(value AS string)", "my table", ""},
                      SelectCase{"SELECT 1", "1", "", ""},
                      SelectCase{"SELECT window(ts, '10 minutes') w, count(*) FROM s GROUP BY w",
                                 "window(ts, '10 minutes') AS w; count(1)", "s", ""}));

TEST(SelectStatement, Distinct) {
  EXPECT_TRUE(parseSelectStatement("SELECT DISTINCT word FROM t").distinct);
  EXPECT_FALSE(parseSelectStatement("SELECT ALL word FROM t").distinct);
}

TEST(SelectStatement, NullsOrdering) {
  const auto s =
      parseSelectStatement("SELECT a FROM t ORDER BY a ASC NULLS LAST, b DESC NULLS FIRST");
  EXPECT_EQ(print(s.order_by[0]), "a ASC NULLS LAST");
  EXPECT_EQ(print(s.order_by[1]), "b DESC NULLS FIRST");
}

TEST(SelectStatement, LimitAllMeansNoLimit) {
  EXPECT_FALSE(parseSelectStatement("SELECT a FROM t LIMIT ALL").limit.has_value());
}

TEST(SelectStatement, NegativeLimitIsSparksAnalysisError) {
  try {
    parseSelectStatement("SELECT a FROM t LIMIT -1");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.errorClass(), ErrorClass::AnalysisException);
    EXPECT_EQ(e.message(),
              "[INVALID_LIMIT_LIKE_EXPRESSION.IS_NEGATIVE] The limit like expression \"-1\" is "
              "invalid. The limit expression must be equal to or greater than 0, but got -1. "
              "SQLSTATE: 42K0E");
  }
}

struct Unsupported {
  const char* sql;
  int column;
};

class SelectNotImplemented : public ::testing::TestWithParam<Unsupported> {};

TEST_P(SelectNotImplemented, AtTheConstruct) {
  try {
    parseSelectStatement(GetParam().sql);
    FAIL() << GetParam().sql;
  } catch (const Error& e) {
    EXPECT_EQ(e.errorClass(), ErrorClass::NotImplementedError) << e.message();
    EXPECT_EQ(e.column(), GetParam().column) << GetParam().sql;
  }
}

INSTANTIATE_TEST_SUITE_P(Constructs, SelectNotImplemented,
                         ::testing::Values(Unsupported{"SELECT a FROM t JOIN u ON t.k = u.k", 17},
                                           Unsupported{"SELECT a FROM t, u", 16},
                                           Unsupported{"SELECT a FROM (SELECT a FROM t)", 15},
                                           Unsupported{"SELECT a FROM t UNION SELECT a FROM u", 17},
                                           Unsupported{"WITH x AS (SELECT 1) SELECT * FROM x", 1},
                                           Unsupported{"SELECT a FROM t LIMIT a", 23}));

}  // namespace
}  // namespace runnel::sql
