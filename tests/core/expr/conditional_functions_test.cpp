// CASE WHEN (lazy branches, coercion), coalesce / nvl / nullif, generators' kernels and the result
// types of aggregates (expressions.md §3, §5).
#include <gtest/gtest.h>

#include "expr_fixture.h"

namespace runnel::expr {
namespace {

using namespace testing;
using Rows = std::vector<std::string>;

types::Batch data() {
  return makeBatch({{"c", types::intType(), {I(0), I(2), N(types::intType()), I(5)}},
                    {"s", types::stringType(), {S("x"), N(types::stringType()), S("z"), S("")}},
                    {"t", types::stringType(), {N(types::stringType()), S("b"), S("z"), S("d")}}});
}

TEST(CaseWhen, FirstTrueBranchWinsNullConditionIsFalse) {
  auto b = data();
  ExprPtr e = caseWhen({call(">", {col("c"), lit(I(1))}), lit(S("big")),
                        call("=", {col("c"), lit(I(0))}), lit(S("zero"))},
                       false);
  EXPECT_EQ(run(e, b), (Rows{"zero", "big", "NULL", "big"}));
  ExprPtr with_else = caseWhen({call(">", {col("c"), lit(I(1))}), lit(S("x")), lit(S("y"))}, true);
  EXPECT_EQ(run(with_else, b), (Rows{"y", "x", "y", "x"}));
}

TEST(CaseWhen, BranchesRunOnlyOnTheirRows) {
  auto b = data();
  ExprPtr e = caseWhen(
      {call("=", {col("c"), lit(I(0))}), lit(I(0)), call("/", {lit(I(10)), col("c")})}, true);
  ExprPtr resolved = resolve(e, b.schema);
  EXPECT_EQ(resolved->type->id, types::TypeId::Double);
  EXPECT_EQ(run(e, b), (Rows{"0.0", "5.0", "NULL", "2.0"}));
}

TEST(CaseWhen, CoercionAndErrors) {
  auto b = data();
  ExprPtr mixed =
      resolve(caseWhen({call(">", {col("c"), lit(I(1))}), lit(I(1)), lit(L(2))}, true), b.schema);
  EXPECT_EQ(mixed->type->id, types::TypeId::BigInt);
  EXPECT_EQ(
      errorOf([&] {
        resolve(caseWhen({col("c"), lit(S("x"))}, false), b.schema);
      }),
      "[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve \"CASE WHEN c THEN x END\" due "
      "to data type mismatch: The first parameter requires the \"BOOLEAN\" type, however \"c\" "
      "has the type \"INT\". SQLSTATE: 42K09");
}

TEST(Conditional, CoalesceNvlNullif) {
  auto b = data();
  EXPECT_EQ(run(call("coalesce", {col("s"), col("t"), lit(S("-"))}), b), (Rows{"x", "b", "z", ""}));
  EXPECT_EQ(run(call("nvl", {col("t"), lit(S("?"))}), b), (Rows{"?", "b", "z", "d"}));
  EXPECT_EQ(run(call("nullif", {col("s"), col("t")}), b), (Rows{"x", "NULL", "NULL", ""}));
  EXPECT_EQ(run(call("coalesce", {col("c"), lit(L(9))}), b), (Rows{"0", "2", "9", "5"}));
  EXPECT_FALSE(resolve(call("coalesce", {col("s"), lit(S("-"))}), b.schema)->nullable);
}

TEST(Generators, KernelReturnsTheArrayAndTypeIsTheElement) {
  auto b = makeBatch({{"v", types::stringType(), {S("a b"), S("")}}});
  ExprPtr e = resolve(call("explode", {call("split", {col("v"), lit(S(" "))})}), b.schema);
  EXPECT_EQ(e->type->id, types::TypeId::String);
  auto out = evaluate(*e, b, {});
  EXPECT_EQ(out->type->id, types::TypeId::Array);
  EXPECT_EQ(cells(*out), (Rows{"[a, b]", "[]"}));
  EXPECT_EQ(errorOf([&] { resolve(call("explode", {col("v")}), b.schema); }),
            "[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve \"explode(v)\" due to data "
            "type mismatch: The first parameter requires the (\"ARRAY\" or \"MAP\") type, however "
            "\"v\" has the type \"STRING\". SQLSTATE: 42K09");
}

TEST(Aggregates, ResultTypes) {
  auto b = makeBatch({{"i", types::intType(), {}},
                      {"l", types::bigintType(), {}},
                      {"d", types::doubleType(), {}},
                      {"s", types::stringType(), {}}});
  struct Case {
    ExprPtr e;
    std::string type;
    bool nullable;
  } cases[] = {
      {call("count", {star()}), "bigint", false},
      {call("count", {col("s")}), "bigint", false},
      {call("sum", {col("i")}), "bigint", true},
      {call("sum", {col("l")}), "bigint", true},
      {call("sum", {col("d")}), "double", true},
      {call("avg", {col("i")}), "double", true},
      {call("mean", {col("l")}), "double", true},
      {call("min", {col("s")}), "string", true},
      {call("max", {col("i")}), "int", true},
      {call("first", {col("d")}), "double", true},
      {call("last", {col("s")}), "string", true},
      {call("collect_list", {col("s")}), "array<string>", false},
      {call("collect_set", {col("i")}), "array<int>", false},
      {call("approx_count_distinct", {col("s")}), "bigint", false},
  };
  for (const auto& k : cases) {
    ExprPtr e = resolve(k.e, b.schema);
    EXPECT_EQ(e->type->simpleString(), k.type) << prettyName(*k.e);
    EXPECT_EQ(e->nullable, k.nullable) << prettyName(*k.e);
  }
}

}  // namespace
}  // namespace runnel::expr
