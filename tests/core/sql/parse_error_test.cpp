// ParseException texts: Spark 4's "[CLASS] ... SQLSTATE: s (line L, pos P)" plus the "== SQL =="
// excerpt, byte for byte, for the mistakes learners make in expr / selectExpr / spark.sql strings.
#include "sql/parse_error.h"

#include <gtest/gtest.h>

#include "sql/expression_parser.h"
#include "sql/select_statement.h"

namespace runnel::sql {
namespace {

struct ErrorCase {
  const char* sql;
  bool statement;  // spark.sql, else expr()
  const char* message;
  int line;
  int column;
};

class SyntaxErrors : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(SyntaxErrors, MatchSparkByteForByte) {
  const ErrorCase& c = GetParam();
  try {
    if (c.statement) {
      parseSelectStatement(c.sql);
    } else {
      parseExpression(c.sql);
    }
    FAIL() << "expected a ParseException for " << c.sql;
  } catch (const Error& e) {
    EXPECT_EQ(e.errorClass(), ErrorClass::ParseException);
    EXPECT_EQ(e.message(), c.message);
    EXPECT_EQ(e.line(), c.line);
    EXPECT_EQ(e.column(), c.column);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Spark, SyntaxErrors,
    ::testing::Values(
        ErrorCase{"SELEC 1", true,
                  "[PARSE_SYNTAX_ERROR] Syntax error at or near 'SELEC'. SQLSTATE: 42601 (line 1, "
                  "pos 0)\n\n== SQL ==\nSELEC 1\n^^^\n",
                  1, 1},
        ErrorCase{"a +", false,
                  "[PARSE_SYNTAX_ERROR] Syntax error at or near end of input. SQLSTATE: 42601 "
                  "(line 1, pos 3)\n\n== SQL ==\na +\n---^^^\n",
                  1, 4},
        ErrorCase{"a b c", false,
                  "[PARSE_SYNTAX_ERROR] Syntax error at or near 'c': extra input 'c'. SQLSTATE: "
                  "42601 (line 1, pos 4)\n\n== SQL ==\na b c\n----^^^\n",
                  1, 5},
        ErrorCase{"a b c d", false,
                  "[PARSE_SYNTAX_ERROR] Syntax error at or near 'c'. SQLSTATE: 42601 (line 1, pos "
                  "4)\n\n== SQL ==\na b c d\n----^^^\n",
                  1, 5},
        ErrorCase{
            "CAST(a AS INT", false,
            "[PARSE_SYNTAX_ERROR] Syntax error at or near end of input: missing ')'. "
            "SQLSTATE: 42601 (line 1, pos 13)\n\n== SQL ==\nCAST(a AS INT\n-------------^^^\n",
            1, 14},
        ErrorCase{"(a + 1", false,
                  "[PARSE_SYNTAX_ERROR] Syntax error at or near end of input. SQLSTATE: 42601 "
                  "(line 1, pos 6)\n\n== SQL ==\n(a + 1\n------^^^\n",
                  1, 7},
        ErrorCase{"a = 'x", false,
                  "[PARSE_SYNTAX_ERROR] Syntax error at or near '''. SQLSTATE: 42601 (line 1, pos "
                  "4)\n\n== SQL ==\na = 'x\n----^^^\n",
                  1, 5},
        ErrorCase{"", false,
                  "[PARSE_EMPTY_STATEMENT] Syntax error, unexpected empty statement. SQLSTATE: "
                  "42617 (line 1, pos 0)\n\n== SQL ==\n\n^^^\n",
                  1, 1},
        ErrorCase{"   ", true,
                  "[PARSE_EMPTY_STATEMENT] Syntax error, unexpected empty statement. SQLSTATE: "
                  "42617 (line 1, pos 3)\n\n== SQL ==\n   \n---^^^\n",
                  1, 4},
        ErrorCase{"SELECT word\nFROM words\nWHERE", true,
                  "[PARSE_SYNTAX_ERROR] Syntax error at or near end of input. SQLSTATE: 42601 "
                  "(line 3, pos 5)\n\n== SQL ==\nSELECT word\nFROM words\nWHERE\n-----^^^\n",
                  3, 6},
        ErrorCase{"SELECT a,\n  b +\nFROM t", true,
                  "[PARSE_SYNTAX_ERROR] Syntax error at or near 'FROM'. SQLSTATE: 42601 (line 3, "
                  "pos 0)\n\n== SQL ==\nSELECT a,\n  b +\nFROM t\n^^^\n",
                  3, 1},
        ErrorCase{"SELECT x\n  FROM t\n  WHERE a >\n  ORDER BY x", true,
                  "[PARSE_SYNTAX_ERROR] Syntax error at or near 'ORDER'. SQLSTATE: 42601 (line 4, "
                  "pos 2)\n\n== SQL ==\nSELECT x\n  FROM t\n  WHERE a >\n  ORDER BY x\n--^^^\n",
                  4, 3},
        ErrorCase{"a\tb\tc", false,
                  "[PARSE_SYNTAX_ERROR] Syntax error at or near 'c': extra input 'c'. SQLSTATE: "
                  "42601 (line 1, pos 4)\n\n== SQL ==\na\tb\tc\n----^^^\n",
                  1, 5},
        ErrorCase{
            "value /* open", false,
            "[UNCLOSED_BRACKETED_COMMENT] Found an unclosed bracketed comment. Please, append "
            "*/ at the end of the comment. SQLSTATE: 42601 (line 1, pos 6)\n\n== SQL "
            "==\nvalue /* open\n------^^^\n",
            1, 7},
        ErrorCase{"99999999999999999999L", false,
                  "[INVALID_NUMERIC_LITERAL_RANGE] Numeric literal 99999999999999999999 is outside "
                  "the valid range for bigint with minimum value of -9223372036854775808 and "
                  "maximum value of 9223372036854775807. Please adjust the value accordingly. "
                  "SQLSTATE: 22003 (line 1, pos 0)\n\n== SQL ==\n99999999999999999999L\n^^^\n",
                  1, 1},
        ErrorCase{"caf\xC3\xA9 + 1", false,
                  "[INVALID_IDENTIFIER] The unquoted identifier caf\xC3\xA9 is invalid and must be "
                  "back quoted as: `caf\xC3\xA9`.\nUnquoted identifiers can only contain ASCII "
                  "letters ('a' - 'z', 'A' - 'Z'), digits ('0' - '9'), and underbar ('_').\n"
                  "Unquoted identifiers must also not start with a digit.\nDifferent data sources "
                  "and meta stores may impose additional restrictions on valid identifiers. "
                  "SQLSTATE: 42602 (line 1, pos 0)\n\n== SQL ==\ncaf\xC3\xA9 + 1\n^^^\n",
                  1, 1}));

TEST(ParseError, TokenDisplayEscapesWhitespaceAndNamesEndOfInput) {
  Token t;
  t.kind = TokenKind::String;
  t.text = "'a\nb'";
  EXPECT_EQ(tokenDisplay(t), "''a\\nb''");
  t.kind = TokenKind::End;
  EXPECT_EQ(tokenDisplay(t), "end of input");
}

TEST(ParseError, ExcerptDropsTrailingEmptyLinesLikeJavaSplit) {
  EXPECT_EQ(parseExceptionMessage("a\n\n", "[X] m", 1, 1),
            "[X] m (line 1, pos 1)\n\n== SQL ==\na\n-^^^\n");
  EXPECT_EQ(parseExceptionMessage("a\nb\nc", "[X] m", 2, 0),
            "[X] m (line 2, pos 0)\n\n== SQL ==\na\nb\n^^^\nc\n");
}

}  // namespace
}  // namespace runnel::sql
