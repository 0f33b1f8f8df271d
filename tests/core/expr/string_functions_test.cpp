// String functions (expressions.md §3): case mapping, ASCII-space trimming, code-point length,
// concat null rules, substring positions, search functions; implicit casts of non-string inputs.
#include <gtest/gtest.h>

#include "expr_fixture.h"

namespace runnel::expr {
namespace {

using namespace testing;
using Rows = std::vector<std::string>;

types::Batch words() {
  return makeBatch(
      {{"w",
        types::stringType(),
        {S("Hello"), S("  a b  "), S(""), N(types::stringType()), S("ÉtÉ Ωμέγα"), S("\tx ")}},
       {"n", types::intType(), {I(1), I(-2), I(3), I(4), I(5), I(6)}}});
}

TEST(StringFunctions, UnaryTable) {
  auto b = words();
  struct Case {
    const char* fn;
    Rows expected;
  } cases[] = {
      {"lower", {"hello", "  a b  ", "", "NULL", "été ωμέγα", "\tx "}},
      {"upper", {"HELLO", "  A B  ", "", "NULL", "ÉTÉ ΩΜΈΓΑ", "\tX "}},
      {"trim", {"Hello", "a b", "", "NULL", "ÉtÉ Ωμέγα", "\tx"}},
      {"ltrim", {"Hello", "a b  ", "", "NULL", "ÉtÉ Ωμέγα", "\tx "}},
      {"rtrim", {"Hello", "  a b", "", "NULL", "ÉtÉ Ωμέγα", "\tx"}},
      {"length", {"5", "7", "0", "NULL", "9", "3"}},
  };
  for (const auto& k : cases)
    EXPECT_EQ(run(call(k.fn, {col("w")}), b), k.expected) << k.fn;
}

TEST(StringFunctions, ImplicitCastOfNumbers) {
  auto b = words();
  EXPECT_EQ(run(call("lower", {col("n")}), b), (Rows{"1", "-2", "3", "4", "5", "6"}));
  EXPECT_EQ(run(call("length", {col("n")}), b), (Rows{"1", "2", "1", "1", "1", "1"}));
}

TEST(StringFunctions, TrimWithTrimString) {
  auto b = words();
  EXPECT_EQ(run(call("trim", {col("w"), lit(S("H o"))}), b),
            (Rows{"ell", "a b", "", "NULL", "ÉtÉ Ωμέγα", "\tx"}));
  EXPECT_EQ(prettyName(*call("trim", {col("w"), lit(S("x"))})), "TRIM(BOTH x FROM w)");
}

TEST(StringFunctions, ConcatIsNullIfAnyNull) {
  auto b = makeBatch({{"a", types::stringType(), {S("x"), N(types::stringType()), S("")}},
                      {"b", types::stringType(), {S("y"), S("z"), N(types::stringType())}},
                      {"n", types::intType(), {I(1), I(2), I(3)}}});
  EXPECT_EQ(run(call("concat", {col("a"), col("b")}), b), (Rows{"xy", "NULL", "NULL"}));
  EXPECT_EQ(run(call("concat", {col("a"), lit(S("-")), col("n")}), b), (Rows{"x-1", "NULL", "-3"}));
  EXPECT_EQ(run(call("concat_ws", {lit(S("-")), col("a"), col("b")}), b), (Rows{"x-y", "z", ""}));
  EXPECT_EQ(run(call("concat_ws", {lit(N(types::stringType())), col("a")}), b),
            (Rows{"NULL", "NULL", "NULL"}));
  EXPECT_EQ(
      run(call("concat_ws", {lit(S(",")), call("split", {lit(S("p q")), lit(S(" "))}), col("a")}),
          b),
      (Rows{"p,q,x", "p,q", "p,q,"}));
}

TEST(StringFunctions, SubstringPositions) {
  auto b = makeBatch({{"s", types::stringType(), {S("Spark SQL")}}});
  struct Case {
    int pos;
    int len;
    const char* expected;
  } cases[] = {{1, 5, "Spark"},        {0, 5, "Spark"}, {7, 100, "SQL"}, {-3, 2, "SQ"},
               {-20, 22, "Spark SQL"}, {10, 1, ""},     {3, -1, ""},     {2, 0, ""}};
  for (const auto& k : cases) {
    EXPECT_EQ(run(call("substring", {col("s"), lit(I(k.pos)), lit(I(k.len))}), b)[0], k.expected)
        << k.pos << "," << k.len;
  }
  EXPECT_EQ(run(call("substring", {col("s"), lit(I(7))}), b)[0], "SQL");
}

TEST(StringFunctions, SearchFunctions) {
  auto b = makeBatch({{"s", types::stringType(), {S("héllo"), S(""), N(types::stringType())}}});
  EXPECT_EQ(run(call("instr", {col("s"), lit(S("l"))}), b), (Rows{"3", "0", "NULL"}));
  EXPECT_EQ(run(call("instr", {col("s"), lit(S(""))}), b), (Rows{"1", "1", "NULL"}));
  EXPECT_EQ(run(call("startswith", {col("s"), lit(S("hé"))}), b), (Rows{"true", "false", "NULL"}));
  EXPECT_EQ(run(call("endswith", {col("s"), lit(S("lo"))}), b), (Rows{"true", "false", "NULL"}));
  EXPECT_EQ(run(call("contains", {col("s"), lit(S(""))}), b), (Rows{"true", "true", "NULL"}));
}

TEST(StringFunctions, TypeErrors) {
  auto b = makeBatch({{"a", types::arrayType(types::stringType()), {}}});
  EXPECT_EQ(
      errorOf([&] { resolve(call("lower", {col("a")}), b.schema); }),
      "[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve \"lower(a)\" due to data type "
      "mismatch: The first parameter requires the \"STRING\" type, however \"a\" has the type "
      "\"ARRAY<STRING>\". SQLSTATE: 42K09");
  EXPECT_EQ(
      errorOf([&] {
        resolve(call("lower", {col("a"), col("a")}), b.schema);
      }),
      "[WRONG_NUM_ARGS.WITHOUT_SUGGESTION] The `lower` requires 1 parameters but the actual "
      "number is 2. Please, refer to 'https://spark.apache.org/docs/latest/sql-ref-functions.html' "
      "for a fix. SQLSTATE: 42605");
}

}  // namespace
}  // namespace runnel::expr
