// SqlLexer: token kinds, texts and Spark's (line, pos) for each token.
#include "sql/sql_lexer.h"

#include <gtest/gtest.h>

namespace runnel::sql {
namespace {

std::string describe(const std::vector<Token>& tokens) {
  static const char* kNames[] = {"id",  "bq",  "str", "int", "bigint", "smallint", "tinyint", "dec",
                                 "exp", "dbl", "flt", "bd",  "op",     "?",        "end"};
  std::string out;
  for (const auto& t : tokens) {
    if (!out.empty()) out += " ";
    out += std::string(kNames[static_cast<int>(t.kind)]) + ":" +
           (t.kind == TokenKind::String || t.kind == TokenKind::BackquotedIdentifier ? t.value
                                                                                     : t.text);
  }
  return out;
}

struct LexCase {
  const char* sql;
  const char* tokens;
};

class Lexes : public ::testing::TestWithParam<LexCase> {};

TEST_P(Lexes, AsSparksLexer) {
  EXPECT_EQ(describe(tokenize(GetParam().sql)), GetParam().tokens);
}

INSTANTIATE_TEST_SUITE_P(
    Spark, Lexes,
    ::testing::Values(LexCase{"a+1", "id:a op:+ int:1 end:"},
                      LexCase{"1L 2S 3Y", "bigint:1L smallint:2S tinyint:3Y end:"},
                      LexCase{"1e5 1e5x 1.5 1.5x", "exp:1e5 id:1e5x dec:1.5 int:1 op:. id:5x end:"},
                      LexCase{".5 1. 2.5D 3F 4BD", "dec:.5 dec:1. dbl:2.5D flt:3F bd:4BD end:"},
                      LexCase{"a.b", "id:a op:. id:b end:"}, LexCase{"`a``b`", "bq:a`b end:"},
                      LexCase{"'x''y'", "str:x str:y end:"}, LexCase{"\"q\\\"\"", "str:q\" end:"},
                      LexCase{"<=> <> != == >= <= !> !< || ::",
                              "op:<=> op:<> op:!= op:== op:>= op:<= op:<= op:>= op:|| op::: end:"},
                      LexCase{"array<array<int>>",
                              "id:array op:< id:array op:< id:int op:> op:> end:"},
                      LexCase{"a -- c\n b /* x /* y */ z */ c", "id:a id:b id:c end:"},
                      LexCase{"'open", "?:' id:open end:"}, LexCase{"#", "?:# end:"},
                      LexCase{"R'\\d' r\"x\"", "str:\\d str:x end:"}));

TEST(SqlLexer, PositionsAreLineAndCodePointColumn) {
  const auto tokens = tokenize("a\n  \xC3\xA9 b");
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_EQ(tokens[1].line, 2);
  EXPECT_EQ(tokens[1].pos, 2);
  EXPECT_EQ(tokens[2].pos, 4);  // é is one code point
  EXPECT_EQ(tokens[3].kind, TokenKind::End);
  EXPECT_EQ(tokens[3].pos, 5);
}

TEST(SqlLexer, KeywordsMatchCaseInsensitively) {
  const auto tokens = tokenize("select `select`");
  EXPECT_TRUE(tokens[0].isKeyword("SELECT"));
  EXPECT_FALSE(tokens[1].isKeyword("SELECT"));  // back-quoted names are never keywords
}

TEST(SqlLexer, ReportsUnclosedComment) {
  Token comment;
  tokenize("a /* b", &comment);
  EXPECT_EQ(comment.kind, TokenKind::Operator);
  EXPECT_EQ(comment.pos, 2);
}

}  // namespace
}  // namespace runnel::sql
