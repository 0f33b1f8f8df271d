// Predicates (expressions.md §3): comparisons with null, null-safe equality, three-valued AND/OR,
// IN, and ANSI comparison coercion between strings and numbers.
#include <cmath>

#include <gtest/gtest.h>

#include "expr_fixture.h"

namespace runnel::expr {
namespace {

using namespace testing;
using Rows = std::vector<std::string>;

types::Batch pairs() {
  auto nb = N(types::booleanType());
  return makeBatch({{"a", types::intType(), {I(1), I(2), N(types::intType()), N(types::intType())}},
                    {"b", types::bigintType(), {L(1), L(1), L(1), N(types::bigintType())}},
                    {"p", types::booleanType(), {B(true), B(false), nb, nb}},
                    {"q", types::booleanType(), {nb, nb, B(false), B(true)}},
                    {"s", types::stringType(), {S("1"), S("10"), S("b"), S("a")}},
                    {"d", types::doubleType(), {D(NAN), D(-0.0), D(1), D(2)}}});
}

TEST(Predicates, ComparisonTable) {
  auto b = pairs();
  struct Case {
    ExprPtr e;
    Rows expected;
  } cases[] = {
      {call("=", {col("a"), col("b")}), {"true", "false", "NULL", "NULL"}},
      {call("<=>", {col("a"), col("b")}), {"true", "false", "false", "true"}},
      {call("!=", {col("a"), col("b")}), {"false", "true", "NULL", "NULL"}},
      {call("<", {col("a"), col("b")}), {"false", "false", "NULL", "NULL"}},
      {call(">=", {col("a"), col("b")}), {"true", "true", "NULL", "NULL"}},
      {call(">", {col("s"), lit(S("a"))}), {"false", "false", "true", "false"}},
      {call("=", {col("d"), col("d")}), {"true", "true", "true", "true"}},
      {call("=", {col("d"), lit(D(0.0))}), {"false", "true", "false", "false"}},
      {call(">", {col("d"), lit(D(1e300))}), {"true", "false", "false", "false"}},
      {call("and", {col("p"), col("q")}), {"NULL", "false", "false", "NULL"}},
      {call("or", {col("p"), col("q")}), {"true", "NULL", "NULL", "true"}},
      {call("not", {col("p")}), {"false", "true", "NULL", "NULL"}},
      {call("isnull", {col("a")}), {"false", "false", "true", "true"}},
      {call("isnotnull", {col("a")}), {"true", "true", "false", "false"}},
      {call("in", {col("a"), lit(I(2)), lit(I(3))}), {"false", "true", "NULL", "NULL"}},
      {call("in", {col("a"), lit(I(1)), lit(N())}), {"true", "NULL", "NULL", "NULL"}},
  };
  for (const auto& k : cases)
    EXPECT_EQ(run(k.e, b), k.expected) << prettyName(*k.e);
}

TEST(Predicates, StringAgainstNumberComparesAsBigint) {
  auto b = pairs();
  ExprPtr e = resolve(call("=", {col("s"), col("a")}), b.schema);
  EXPECT_EQ(e->args[0]->type->id, types::TypeId::BigInt);
  EXPECT_EQ(e->args[1]->type->id, types::TypeId::BigInt);
  EvalContext legacy;
  legacy.ansi = false;
  EXPECT_EQ(run(call("=", {col("s"), col("a")}), b, legacy),
            (Rows{"true", "false", "NULL", "NULL"}));
  EXPECT_EQ(
      errorOf([&] {
        run(call("=", {col("s"), col("a")}), b);
      }),
      "[CAST_INVALID_INPUT] The value 'b' of the type \"STRING\" cannot be cast to \"BIGINT\" "
      "because it is malformed. Correct the value as per the syntax, or change its target type. "
      "Use `try_cast` to tolerate malformed input and return NULL instead. SQLSTATE: 22018");
}

TEST(Predicates, ShortCircuitSkipsRowsTheLeftSideDecides) {
  auto b = makeBatch({{"x", types::intType(), {I(0), I(5)}}});
  ExprPtr guarded = call("and", {call("!=", {col("x"), lit(I(0))}),
                                 call(">", {call("/", {lit(I(10)), col("x")}), lit(I(1))})});
  EXPECT_EQ(run(guarded, b), (Rows{"false", "true"}));
}

TEST(Predicates, IncompatibleTypes) {
  auto b = pairs();
  EXPECT_EQ(errorOf([&] {
              resolve(call("=", {col("p"), col("a")}), b.schema);
            }),
            "[DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES] Cannot resolve \"(p = a)\" due to data type "
            "mismatch: the left and right operands of the binary operator have incompatible types "
            "(\"BOOLEAN\" and \"INT\"). SQLSTATE: 42K09");
  EXPECT_EQ(
      errorOf([&] { resolve(call("not", {col("a")}), b.schema); }),
      "[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve \"(NOT a)\" due to data type "
      "mismatch: The first parameter requires the \"BOOLEAN\" type, however \"a\" has the type "
      "\"INT\". SQLSTATE: 42K09");
}

}  // namespace
}  // namespace runnel::expr
