// split / regexp_replace / regexp_extract / rlike with Java regex semantics (expressions.md §2,
// §3).
#include <gtest/gtest.h>

#include "expr_fixture.h"

namespace runnel::expr {
namespace {

using namespace testing;

std::string splitOne(const char* s, const char* pattern, int limit = -1) {
  auto b = makeBatch({{"value", types::stringType(), {S(s)}}});
  return run(call("split", {col("value"), lit(S(pattern)), lit(I(limit))}), b)[0];
}

TEST(StringSplit, SparkEdgeCases) {
  struct Case {
    const char* input;
    const char* pattern;
    int limit;
    const char* expected;
  } cases[] = {
      {"a b", " ", -1, "[a, b]"},
      {"a  b", " ", -1, "[a, , b]"},
      {" a", " ", -1, "[, a]"},
      {"a b ", " ", -1, "[a, b, ]"},
      {"", " ", -1, "[]"},  // one empty string, rendered []
      {"a b ", " ", 0, "[a, b, ]"},
      {"a b c", " ", 2, "[a, b c]"},
      {"a b c", " ", 1, "[a b c]"},
      {"abc", ".", -1, "[, , , ]"},
      {"abc", "", -1, "[a, b, c]"},
      {"abc", "", 2, "[a, bc]"},
      {"", "", -1, "[]"},
      {"héllo", "", -1, "[h, é, l, l, o]"},
      {"a|b", "\\|", -1, "[a, b]"},
      {"a  b\tc", "\\s+", -1, "[a, b, c]"},
      {"oneAtwoBthreeC", "[ABC]", -1, "[one, two, three, ]"},
      {"oneAtwoBthreeC", "[ABC]", 2, "[one, twoBthreeC]"},
      {"a,b;c", "[,;]", -1, "[a, b, c]"},
      {"abc", "(?=b)", -1, "[a, bc]"},
      {"abc", "x*", -1, "[a, b, c, ]"},
      {"a--b", "--", -1, "[a, b]"},
      // One-byte delimiter fast path: words longer than its 8-byte steps, runs of delimiters.
      {"abcdefghij klmnopqrstuvwxyz  x ", " ", -1, "[abcdefghij, klmnopqrstuvwxyz, , x, ]"},
      {"12345678 ", " ", -1, "[12345678, ]"},
      {"        ", " ", -1, "[, , , , , , , , ]"},
      {"abcdefghijklmnop", " ", -1, "[abcdefghijklmnop]"},
      {"a.b.c.d.e.f.g.h.i", "\\.", -1, "[a, b, c, d, e, f, g, h, i]"},
  };
  for (const auto& k : cases) {
    EXPECT_EQ(splitOne(k.input, k.pattern, k.limit), k.expected)
        << "split('" << k.input << "', '" << k.pattern << "', " << k.limit << ")";
  }
}

TEST(StringSplit, EmptyLineYieldsOneEmptyWord) {
  auto b = makeBatch({{"value", types::stringType(), {S(""), N(types::stringType()), S("x y")}}});
  ExprPtr e = resolve(call("split", {col("value"), lit(S(" "))}), b.schema);
  auto out = evaluate(*e, b, {});
  ASSERT_EQ(out->size, 3u);
  EXPECT_EQ(out->arrayLength(0), 1u);
  EXPECT_TRUE(out->isNull(1));
  EXPECT_EQ(out->arrayLength(2), 2u);
  EXPECT_EQ(out->children[0]->stringAt(0), "");
  EXPECT_EQ(e->type->simpleString(), "array<string>");
}

// split(col, " ") with no limit takes a whole-column path (eight bytes a step, one buffer for all
// rows); with limit -1 it takes the per-row path. Both must cut every row alike, whether a row
// ends mid-buffer or at the buffer's end, after a null row or not.
TEST(StringSplit, OneByteDelimiterColumnPathAgreesWithThePerRowPath) {
  const std::vector<const char*> lines = {"cat dog cat",
                                          "",
                                          " ",
                                          "  ",
                                          "a",
                                          "abcdefgh",
                                          "abcdefgh ",
                                          " abcdefgh",
                                          "abcdefg hijklmno",
                                          "abcdefghijklmnopq r",
                                          "x  y   z",
                                          "héllo wörld",
                                          nullptr,
                                          "tail word at the end"};
  for (size_t start = 0; start < lines.size(); ++start) {
    std::vector<types::Value> values;
    for (size_t i = start; i < lines.size(); ++i)
      values.push_back(lines[i] == nullptr ? N(types::stringType()) : S(lines[i]));
    auto b = makeBatch({{"value", types::stringType(), values}});
    EXPECT_EQ(run(call("split", {col("value"), lit(S(" "))}), b),
              run(call("split", {col("value"), lit(S(" ")), lit(I(-1))}), b))
        << "rows from " << start;
  }
}

TEST(StringSplit, PatternFromAColumn) {
  auto b = makeBatch({{"s", types::stringType(), {S("a,b"), S("a.b"), S("a b")}},
                      {"p", types::stringType(), {S(","), S("\\."), S(" ")}}});
  EXPECT_EQ(run(call("split", {col("s"), col("p")}), b),
            (std::vector<std::string>{"[a, b]", "[a, b]", "[a, b]"}));
}

TEST(RegExpReplace, JavaReplacementSyntax) {
  auto b = makeBatch({{"v", types::stringType(), {S("a1b22"), S(""), N(types::stringType())}}});
  EXPECT_EQ(run(call("regexp_replace", {col("v"), lit(S("\\d+")), lit(S("#"))}), b),
            (std::vector<std::string>{"a#b#", "", "NULL"}));
  EXPECT_EQ(run(call("regexp_replace", {col("v"), lit(S("([a-z])(\\d)")), lit(S("$2$1"))}), b),
            (std::vector<std::string>{"1a2b2", "", "NULL"}));
  EXPECT_EQ(run(call("regexp_replace", {col("v"), lit(S("")), lit(S("-"))}), b),
            (std::vector<std::string>{"-a-1-b-2-2-", "-", "NULL"}));
  EXPECT_EQ(run(call("regexp_replace", {col("v"), lit(S("\\d")), lit(S("\\$")), lit(I(3))}), b),
            (std::vector<std::string>{"a1b$$", "", "NULL"}));
}

TEST(RegExpExtract, EmptyStringWhenNoMatch) {
  auto b = makeBatch({{"v", types::stringType(), {S("id=42"), S("none"), N(types::stringType())}}});
  EXPECT_EQ(run(call("regexp_extract", {col("v"), lit(S("(\\d+)")), lit(I(1))}), b),
            (std::vector<std::string>{"42", "", "NULL"}));
  EXPECT_EQ(run(call("regexp_extract", {col("v"), lit(S("(\\w+)=(\\d+)")), lit(I(0))}), b),
            (std::vector<std::string>{"id=42", "", "NULL"}));
  EXPECT_EQ(errorOf([&] {
              run(call("regexp_extract", {col("v"), lit(S("(\\d+)")), lit(I(2))}), b);
            }),
            "[INVALID_PARAMETER_VALUE.REGEX_GROUP_INDEX] The value of parameter(s) `idx` in "
            "`regexp_extract` is invalid: Expects group index between 0 and 1, but got 2. "
            "SQLSTATE: 22023");
}

TEST(RLike, FindsAnywhereAndTranslatesJavaSyntax) {
  auto b = makeBatch({{"v", types::stringType(), {S("Spark"), S("flink"), S("a.b")}}});
  EXPECT_EQ(run(call("rlike", {col("v"), lit(S("ar"))}), b),
            (std::vector<std::string>{"true", "false", "false"}));
  EXPECT_EQ(run(call("rlike", {col("v"), lit(S("(?i)^s"))}), b),
            (std::vector<std::string>{"true", "false", "false"}));
  EXPECT_EQ(run(call("rlike", {col("v"), lit(S("\\Qa.b\\E"))}), b),
            (std::vector<std::string>{"false", "false", "true"}));
  EXPECT_EQ(run(call("rlike", {col("v"), lit(S("^\\p{Upper}"))}), b),
            (std::vector<std::string>{"true", "false", "false"}));
}

TEST(Like, PercentUnderscoreAndEscape) {
  auto b = makeBatch({{"v", types::stringType(), {S("Spark"), S("Sp"), S("50%"), S("héllo")}}});
  EXPECT_EQ(run(call("like", {col("v"), lit(S("Sp%"))}), b),
            (std::vector<std::string>{"true", "true", "false", "false"}));
  EXPECT_EQ(run(call("like", {col("v"), lit(S("_p_r_"))}), b),
            (std::vector<std::string>{"true", "false", "false", "false"}));
  EXPECT_EQ(run(call("like", {col("v"), lit(S("%\\%"))}), b),
            (std::vector<std::string>{"false", "false", "true", "false"}));
  EXPECT_EQ(run(call("like", {col("v"), lit(S("h_llo"))}), b),
            (std::vector<std::string>{"false", "false", "false", "true"}));
}

}  // namespace
}  // namespace runnel::expr
