// ExpressionParser: Spark SQL expressions (expr, selectExpr, filter strings) into unresolved trees.
#include "sql/expression_parser.h"

#include <gtest/gtest.h>

#include "expr_printer.h"

namespace runnel::sql {
namespace {

using testing::print;

struct Case {
  const char* sql;
  const char* tree;
};

class ParsesTo : public ::testing::TestWithParam<Case> {};

TEST_P(ParsesTo, Tree) {
  const Case& c = GetParam();
  EXPECT_EQ(print(parseExpression(c.sql)), c.tree) << c.sql;
}

INSTANTIATE_TEST_SUITE_P(
    Literals, ParsesTo,
    ::testing::Values(
        Case{"1", "1"}, Case{"-1", "-1"}, Case{"- 7", "-7"}, Case{"2147483647", "2147483647"},
        Case{"2147483648", "2147483648L"}, Case{"-2147483648", "-2147483648"}, Case{"10L", "10L"},
        Case{"5S", "5"}, Case{"5Y", "5"}, Case{"1.5", "1.5D"}, Case{".5", "0.5D"}, Case{"1.", "1D"},
        Case{"1e3", "1000D"}, Case{"1.5E-1", "0.15D"}, Case{"2D", "2D"}, Case{"2.5F", "2.5D"},
        Case{"3BD", "3D"}, Case{"99999999999999999999", "1e+20D"}, Case{"'it'", "'it'"},
        Case{"\"dq\"", "'dq'"}, Case{"'a' 'b'", "'ab'"}, Case{"'tab\\there'", "'tab\there'"},
        Case{"'\\u0041\\101'", "'AA'"}, Case{"'100\\%'", "'100\\%'"}, Case{"r'\\d+'", "'\\d+'"},
        Case{"true", "true"}, Case{"FALSE", "false"}, Case{"NULL", "NULL"},
        Case{"interval '10 minutes'", "interval('10 minutes')"},
        Case{"INTERVAL 10 MINUTES", "interval('10 minutes')"},
        Case{"interval '1' day 2 hours", "interval('1 day 2 hours')"},
        Case{"TIMESTAMP '2024-01-01 10:00:00'", "cast('2024-01-01 10:00:00' AS timestamp)"}));

INSTANTIATE_TEST_SUITE_P(
    Names, ParsesTo,
    ::testing::Values(Case{"value", "value"}, Case{"a.b", "a.b"}, Case{"`my col`", "my col"},
                      Case{"`a.b`", "`a.b`"}, Case{"t.`x.y`", "t.`x.y`"}, Case{"`a``b`", "`a``b`"},
                      Case{"*", "*"}, Case{"t.*", "t.*"}, Case{"window.start", "window.start"},
                      Case{"f(x).a", "getField(f(x), a)"}, Case{"arr[0]", "get(arr, 0)"},
                      Case{"123abc", "123abc"}, Case{"value -- comment", "value"},
                      Case{"/* c */ value", "value"}));

INSTANTIATE_TEST_SUITE_P(
    Precedence, ParsesTo,
    ::testing::Values(
        Case{"a + b * c", "+(a, *(b, c))"}, Case{"a * b + c", "+(*(a, b), c)"},
        Case{"a - b - c", "-(-(a, b), c)"}, Case{"a / b % c", "%(/(a, b), c)"},
        Case{"a DIV 2", "div(a, 2)"}, Case{"-a * b", "*(negative(a), b)"},
        Case{"-(a + 1)", "negative(+(a, 1))"}, Case{"+a", "positive(a)"},
        Case{"a || b || c", "concat(concat(a, b), c)"}, Case{"a + b || c", "concat(+(a, b), c)"},
        Case{"a = 1 OR b = 2 AND c = 3", "or(=(a, 1), and(=(b, 2), =(c, 3)))"},
        Case{"(a OR b) AND c", "and(or(a, b), c)"}, Case{"NOT a AND b", "and(not(a), b)"},
        Case{"NOT a = b", "not(=(a, b))"}, Case{"!a", "not(a)"}, Case{"a == b", "=(a, b)"},
        Case{"a <> b", "!=(a, b)"}, Case{"a != b", "!=(a, b)"}, Case{"a <=> b", "<=>(a, b)"},
        Case{"a < b", "<(a, b)"}, Case{"a <= b", "<=(a, b)"}, Case{"a > b", ">(a, b)"},
        Case{"a >= b", ">=(a, b)"}, Case{"a + 1 > b * 2", ">(+(a, 1), *(b, 2))"},
        Case{"a & b | c ^ d", "|(&(a, b), ^(c, d))"}, Case{"value % 2 = 0", "=(%(value, 2), 0)"},
        Case{"signal > 10", ">(signal, 10)"}));

INSTANTIATE_TEST_SUITE_P(
    Predicates, ParsesTo,
    ::testing::Values(
        Case{"a IS NULL", "isnull(a)"}, Case{"a IS NOT NULL", "isnotnull(a)"},
        Case{"a + 1 IS NULL", "isnull(+(a, 1))"}, Case{"a IN (1, 2)", "in(a, 1, 2)"},
        Case{"a NOT IN ('x')", "not(in(a, 'x'))"}, Case{"a LIKE 'x%'", "like(a, 'x%')"},
        Case{"a NOT LIKE 'x%'", "not(like(a, 'x%'))"}, Case{"a RLIKE '^a'", "rlike(a, '^a')"},
        Case{"a REGEXP 'b'", "rlike(a, 'b')"}, Case{"a BETWEEN 1 AND 5", "and(>=(a, 1), <=(a, 5))"},
        Case{"a NOT BETWEEN 1 AND 5 AND b", "and(not(and(>=(a, 1), <=(a, 5))), b)"},
        Case{"a IS TRUE", "<=>(a, true)"}, Case{"a IS NOT FALSE", "not(<=>(a, false))"},
        Case{"a IS DISTINCT FROM b", "not(<=>(a, b))"},
        Case{"a IS NOT DISTINCT FROM b", "<=>(a, b)"}));

INSTANTIATE_TEST_SUITE_P(
    Calls, ParsesTo,
    ::testing::Values(
        Case{"count(*)", "count(1)"}, Case{"COUNT(*)", "count(1)"}, Case{"count(1)", "count(1)"},
        Case{"count(DISTINCT word)", "count(DISTINCT word)"}, Case{"sum(ALL v)", "sum(v)"},
        Case{"current_timestamp()", "current_timestamp()"},
        Case{"current_timestamp", "current_timestamp()"},
        Case{"split(value, ' ')", "split(value, ' ')"},
        Case{"explode(split(value, '\\\\s+'))", "explode(split(value, '\\s+'))"},
        Case{"Lower(w)", "lower(w)"}, Case{"window(ts, '10 minutes')", "window(ts, '10 minutes')"},
        Case{"CAST(value AS STRING)", "cast(value AS string)"},
        Case{"cast(v as int) + 1", "+(cast(v AS int), 1)"},
        Case{"try_cast(v AS bigint)", "try_cast(v AS bigint)"},
        Case{"v::double", "cast(v AS double)"},
        Case{"CAST(s AS array<string>)", "cast(s AS array<string>)"},
        Case{"CASE WHEN a > 1 THEN 'x' ELSE 'y' END", "CASE WHEN >(a, 1) THEN 'x' ELSE 'y' END"},
        Case{"CASE WHEN a THEN 1 WHEN b THEN 2 END", "CASE WHEN a THEN 1 WHEN b THEN 2 END"},
        Case{"CASE v WHEN 1 THEN 'one' END", "CASE WHEN =(v, 1) THEN 'one' END"},
        Case{"(a, b)", "struct(a, b)"}, Case{"substring(s FROM 2 FOR 3)", "substring(s, 2, 3)"},
        Case{"substr(s, 2)", "substr(s, 2)"}, Case{"trim(BOTH 'x' FROM s)", "trim(s, 'x')"},
        Case{"trim(LEADING FROM s)", "ltrim(s)"}, Case{"trim(s)", "trim(s)"},
        Case{"position('a' IN s)", "locate('a', s)"},
        Case{"extract(YEAR FROM ts)", "extract('YEAR', ts)"}));

INSTANTIATE_TEST_SUITE_P(Aliases, ParsesTo,
                         ::testing::Values(Case{"value % 10 AS id", "%(value, 10) AS id"},
                                           Case{"v id", "v AS id"},
                                           Case{"v AS `my id`", "v AS my id"},
                                           Case{"count(*) AS n", "count(1) AS n"},
                                           Case{"explode(m) AS (k, v)", "explode(m) AS (k, v)"},
                                           Case{"a AS from", "a AS from"}));

TEST(ExpressionParser, SetsPositionsRelativeToTheSql) {
  auto e = parseExpression("a +\n  bb");
  ASSERT_EQ(e->args.size(), 2u);
  EXPECT_EQ(e->args[0]->pos.line, 1);
  EXPECT_EQ(e->args[0]->pos.column, 1);
  EXPECT_EQ(e->args[1]->pos.line, 2);
  EXPECT_EQ(e->args[1]->pos.column, 3);
}

TEST(ExpressionParser, MarksCastTryMode) {
  EXPECT_FALSE(parseExpression("CAST(a AS INT)")->try_mode);
  EXPECT_TRUE(parseExpression("TRY_CAST(a AS INT)")->try_mode);
}

TEST(ExpressionParser, NamedExpressionIsTheSameGrammar) {
  EXPECT_EQ(print(parseNamedExpression("value % 10 AS id")), "%(value, 10) AS id");
}

TEST(ExpressionParser, RefusesNestingDeeperThanItCanWalk) {
  const std::string deep = std::string(150, '(') + "a" + std::string(150, ')');
  try {
    parseExpression(deep);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.errorClass(), ErrorClass::ParseException);
    EXPECT_EQ(e.message(), "The SQL text nests deeper than 100 levels.");
  }
  EXPECT_EQ(print(parseExpression(std::string(50, '(') + "a" + std::string(50, ')'))), "a");
}

struct Unsupported {
  const char* sql;
  int column;
};

class NotImplemented : public ::testing::TestWithParam<Unsupported> {};

TEST_P(NotImplemented, IsNotImplementedErrorAtTheConstruct) {
  try {
    parseExpression(GetParam().sql);
    FAIL() << "expected NotImplementedError for " << GetParam().sql;
  } catch (const Error& e) {
    EXPECT_EQ(e.errorClass(), ErrorClass::NotImplementedError) << e.message();
    EXPECT_EQ(e.column(), GetParam().column) << GetParam().sql;
  }
}

INSTANTIATE_TEST_SUITE_P(Constructs, NotImplemented,
                         ::testing::Values(Unsupported{"rank() OVER (ORDER BY a)", 8},
                                           Unsupported{"a IN (SELECT b FROM t)", 7},
                                           Unsupported{"EXISTS (SELECT 1)", 1},
                                           Unsupported{"DATE '2024-01-01'", 1},
                                           Unsupported{"CAST(a AS map<string, int>)", 11}));

}  // namespace
}  // namespace runnel::sql
