// Column names of expressions: every row of expressions.md §1 (Spark's toPrettySQL /
// ResolveAliases).
#include "expr/expression.h"

#include <gtest/gtest.h>

#include "expr_fixture.h"

namespace runnel::expr {
namespace {

using namespace testing;
using types::Value;

ExprPtr c(const char* n) {
  return col(n);
}

TEST(PrettyName, MatchesSparkColumnNames) {
  ExprPtr split_value = call("split", {c("value"), lit(S(" "))});
  struct Case {
    ExprPtr e;
    std::string name;
  } cases[] = {
      {c("value"), "value"},
      {lit(I(1)), "1"},
      {lit(S("a")), "a"},
      {lit(N()), "NULL"},
      {lit(B(true)), "true"},
      {lit(D(1.5)), "1.5"},
      {lit(D(1e10)), "1.0E10"},
      {lit(L(3000000000LL)), "3000000000"},
      {call("+", {c("v"), lit(I(1))}), "(v + 1)"},
      {call("/", {c("v"), lit(I(2))}), "(v / 2)"},
      {call("%", {c("v"), lit(I(2))}), "(v % 2)"},
      {call("=", {c("a"), c("b")}), "(a = b)"},
      {call("<=>", {c("a"), c("b")}), "(a <=> b)"},
      {call("!=", {c("a"), c("b")}), "(NOT (a = b))"},
      {split_value, "split(value,  , -1)"},
      {call("split", {c("value"), lit(S(" ")), lit(I(-1))}), "split(value,  , -1)"},
      {call("explode", {split_value}), "explode(split(value,  , -1))"},
      {call("lower", {c("w")}), "lower(w)"},
      {call("upper", {c("w")}), "upper(w)"},
      {call("trim", {c("w")}), "trim(w)"},
      {call("length", {c("w")}), "length(w)"},
      {call("concat", {c("a"), c("b")}), "concat(a, b)"},
      {call("concat_ws", {lit(S("-")), c("a"), c("b")}), "concat_ws(-, a, b)"},
      {call("regexp_extract", {c("v"), lit(S("(\\d+)")), lit(I(1))}),
       "regexp_extract(v, (\\d+), 1)"},
      {call("regexp_replace", {c("v"), lit(S("a")), lit(S("b"))}), "regexp_replace(v, a, b, 1)"},
      {caseWhen({call(">", {c("c"), lit(I(1))}), lit(S("x")), lit(S("y"))}, true),
       "CASE WHEN (c > 1) THEN x ELSE y END"},
      {caseWhen({call(">", {c("c"), lit(I(1))}), lit(S("x"))}, false),
       "CASE WHEN (c > 1) THEN x END"},
      {cast(c("v"), types::intType()), "CAST(v AS INT)"},
      {call("count", {star()}), "count(1)"},
      {call("count", {lit(I(1))}), "count(1)"},
      {call("count", {c("v")}), "count(v)"},
      {call("sum", {c("v")}), "sum(v)"},
      {call("avg", {c("v")}), "avg(v)"},
      {call("mean", {c("v")}), "avg(v)"},
      {call("min", {c("v")}), "min(v)"},
      {call("max", {c("v")}), "max(v)"},
      {call("current_timestamp", {}), "current_timestamp()"},
      {call("to_timestamp", {c("s")}), "to_timestamp(s)"},
      {call("date_format", {c("ts"), lit(S("yyyy-MM-dd"))}), "date_format(ts, yyyy-MM-dd)"},
      {call("not", {c("x")}), "(NOT x)"},
      {call("and", {c("a"), c("b")}), "(a AND b)"},
      {call("or", {c("a"), c("b")}), "(a OR b)"},
      {call("isnull", {c("x")}), "(x IS NULL)"},
      {call("isnotnull", {c("x")}), "(x IS NOT NULL)"},
      {call("negative", {c("x")}), "(- x)"},
      {call("in", {c("x"), lit(I(1)), lit(I(2))}), "(x IN (1, 2))"},
      {call("like", {c("x"), lit(S("a%"))}), "x LIKE a%"},
      {call("rlike", {c("x"), lit(S("a.*"))}), "RLIKE(x, a.*)"},
      {call("round", {c("x")}), "round(x, 0)"},
      {getField(c("window"), "start"), "window.start"},
  };
  for (const auto& k : cases)
    EXPECT_EQ(prettyName(*k.e), k.name);
}

TEST(PrettyName, CountDistinct) {
  auto e = std::make_shared<Expr>(*call("count", {c("v")}));
  e->distinct = true;
  EXPECT_EQ(prettyName(*e), "count(DISTINCT v)");
}

TEST(OutputName, FollowsResolveAliases) {
  ExprPtr split_value = call("split", {c("value"), lit(S(" "))});
  EXPECT_EQ(outputName(*c("value")), "value");
  EXPECT_EQ(outputName(*c("window.start")), "start");
  EXPECT_EQ(outputName(*c("`a.b`")), "a.b");
  EXPECT_EQ(outputName(*cast(c("v"), types::intType())), "v");
  EXPECT_EQ(outputName(*cast(alias(c("v"), "w"), types::intType())), "w");
  EXPECT_EQ(outputName(*cast(call("lower", {c("v")}), types::intType())), "CAST(lower(v) AS INT)");
  EXPECT_EQ(outputName(*call("explode", {split_value})), "col");
  EXPECT_EQ(outputName(*alias(call("explode", {split_value}), "word")), "word");
  EXPECT_EQ(outputName(*getField(c("window"), "start")), "window.start");
  EXPECT_EQ(outputName(*call("+", {c("v"), lit(I(1))})), "(v + 1)");
}

TEST(PrettyName, ImplicitCastsAreInvisible) {
  auto b = makeBatch({{"n", types::intType(), {I(1)}}, {"l", types::bigintType(), {L(2)}}});
  ExprPtr lower = resolve(call("lower", {c("n")}), b.schema);
  ASSERT_EQ(lower->args[0]->kind, ExprKind::Cast);
  EXPECT_EQ(prettyName(*lower), "lower(n)");
  ExprPtr sum = resolve(call("+", {c("n"), c("l")}), b.schema);
  EXPECT_EQ(prettyName(*sum), "(n + l)");
  EXPECT_EQ(sum->type->id, types::TypeId::BigInt);
}

TEST(ContainsAggregate, FindsNestedCalls) {
  EXPECT_TRUE(containsAggregate(*call("+", {call("count", {c("v")}), lit(I(1))})));
  EXPECT_FALSE(containsAggregate(*call("lower", {c("v")})));
  EXPECT_TRUE(containsGenerator(*alias(call("explode", {c("a")}), "w")));
  EXPECT_FALSE(containsGenerator(*call("split", {c("a"), lit(S(" "))})));
}

}  // namespace
}  // namespace runnel::expr
