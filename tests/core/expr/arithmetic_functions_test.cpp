// Arithmetic (expressions.md §4): result types, null propagation, ANSI overflow / division by zero
// and their ANSI-off and try_* forms.
#include <gtest/gtest.h>

#include "expr_fixture.h"

namespace runnel::expr {
namespace {

using namespace testing;
using Rows = std::vector<std::string>;

constexpr const char* kIntOverflow =
    "[ARITHMETIC_OVERFLOW] integer overflow. Use 'try_add' to tolerate overflow and return NULL "
    "instead. If necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this error. "
    "SQLSTATE: 22003";
constexpr const char* kDivideByZero =
    "[DIVIDE_BY_ZERO] Division by zero. Use `try_divide` to tolerate divisor being 0 and return "
    "NULL "
    "instead. If necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this error. "
    "SQLSTATE: 22012";

types::Batch numbers() {
  return makeBatch({{"i", types::intType(), {I(7), I(-7), N(types::intType()), I(0)}},
                    {"l", types::bigintType(), {L(2), L(3), L(4), L(5)}},
                    {"d", types::doubleType(), {D(0.5), D(-1.5), D(2), N(types::doubleType())}},
                    {"s", types::stringType(), {S("1"), S("2"), S("3"), S("4")}}});
}

TEST(Arithmetic, ResultTypesAndValues) {
  auto b = numbers();
  struct Case {
    ExprPtr e;
    types::TypeId type;
    Rows expected;
  } cases[] = {
      {call("+", {col("i"), lit(I(1))}), types::TypeId::Int, {"8", "-6", "NULL", "1"}},
      {call("+", {col("i"), col("l")}), types::TypeId::BigInt, {"9", "-4", "NULL", "5"}},
      {call("*", {col("i"), col("d")}), types::TypeId::Double, {"3.5", "10.5", "NULL", "NULL"}},
      {call("-", {col("l"), col("i")}), types::TypeId::BigInt, {"-5", "10", "NULL", "5"}},
      {call("/", {col("i"), lit(I(2))}), types::TypeId::Double, {"3.5", "-3.5", "NULL", "0.0"}},
      {call("%", {col("i"), lit(I(3))}), types::TypeId::Int, {"1", "-1", "NULL", "0"}},
      {call("pmod", {col("i"), lit(I(3))}), types::TypeId::Int, {"1", "2", "NULL", "0"}},
      {call("div", {col("i"), lit(I(2))}), types::TypeId::BigInt, {"3", "-3", "NULL", "0"}},
      {call("negative", {col("i")}), types::TypeId::Int, {"-7", "7", "NULL", "0"}},
      {call("abs", {col("d")}), types::TypeId::Double, {"0.5", "1.5", "2.0", "NULL"}},
      {call("+", {col("s"), lit(I(1))}), types::TypeId::BigInt, {"2", "3", "4", "5"}},
      {call("round", {col("d")}), types::TypeId::Double, {"1.0", "-2.0", "2.0", "NULL"}},
  };
  for (const auto& k : cases) {
    EXPECT_EQ(resolve(k.e, b.schema)->type->id, k.type) << prettyName(*k.e);
    EXPECT_EQ(run(k.e, b), k.expected) << prettyName(*k.e);
  }
}

TEST(Arithmetic, RoundHalfUpOnDecimalDigits) {
  auto b = makeBatch({{"d", types::doubleType(), {D(1.005), D(2.5), D(-2.5), D(0.125), D(1234.5)}},
                      {"i", types::intType(), {I(125), I(-125), I(14), I(15), I(0)}}});
  EXPECT_EQ(run(call("round", {col("d"), lit(I(2))}), b),
            (Rows{"1.01", "2.5", "-2.5", "0.13", "1234.5"}));
  EXPECT_EQ(run(call("round", {col("d"), lit(I(-2))}), b),
            (Rows{"0.0", "0.0", "0.0", "0.0", "1200.0"}));
  EXPECT_EQ(run(call("round", {col("i"), lit(I(-1))}), b), (Rows{"130", "-130", "10", "20", "0"}));
}

TEST(Arithmetic, AnsiOverflowAndDivisionByZero) {
  auto b = makeBatch({{"i", types::intType(), {I(2147483647)}},
                      {"z", types::intType(), {I(0)}},
                      {"l", types::bigintType(), {L(INT64_MAX)}}});
  EvalContext ansi;
  EvalContext legacy;
  legacy.ansi = false;
  ExprPtr add = call("+", {col("i"), lit(I(1))});
  EXPECT_EQ(errorOf([&] { run(add, b, ansi); }), kIntOverflow);
  EXPECT_EQ(run(add, b, legacy), Rows{"-2147483648"});
  EXPECT_EQ(run(call("try_add", {col("i"), lit(I(1))}), b, ansi), Rows{"NULL"});
  EXPECT_EQ(
      errorOf([&] {
        run(call("*", {col("l"), lit(I(2))}), b, ansi);
      }),
      "[ARITHMETIC_OVERFLOW] long overflow. Use 'try_multiply' to tolerate overflow and return "
      "NULL instead. If necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this "
      "error. SQLSTATE: 22003");
  EXPECT_EQ(run(call("*", {col("l"), lit(I(2))}), b, legacy), Rows{"-2"});
  for (const char* op : {"/", "%", "div", "pmod"}) {
    ExprPtr e = call(op, {col("i"), col("z")});
    EXPECT_EQ(errorOf([&] { run(e, b, ansi); }), kDivideByZero) << op;
    EXPECT_EQ(run(e, b, legacy), Rows{"NULL"}) << op;
  }
  EXPECT_EQ(run(call("try_divide", {col("i"), col("z")}), b, ansi), Rows{"NULL"});
  EXPECT_EQ(
      errorOf([&] { run(call("negative", {lit(I(INT32_MIN))}), b, ansi); }),
      "[ARITHMETIC_OVERFLOW] integer overflow. If necessary set \"spark.sql.ansi.enabled\" to "
      "\"false\" to bypass this error. SQLSTATE: 22003");
}

TEST(Arithmetic, TypeErrors) {
  auto b = makeBatch({{"b", types::booleanType(), {B(true)}}, {"v", types::intType(), {I(1)}}});
  EXPECT_EQ(errorOf([&] {
              resolve(call("+", {col("b"), col("v")}), b.schema);
            }),
            "[DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES] Cannot resolve \"(b + v)\" due to data type "
            "mismatch: the left and right operands of the binary operator have incompatible types "
            "(\"BOOLEAN\" and \"INT\"). SQLSTATE: 42K09");
  EXPECT_EQ(
      errorOf([&] {
        resolve(call("+", {col("b"), col("b")}), b.schema);
      }),
      "[DATATYPE_MISMATCH.BINARY_OP_WRONG_TYPE] Cannot resolve \"(b + b)\" due to data type "
      "mismatch: the binary operator requires the input type (\"NUMERIC\" or \"INTERVAL DAY TO "
      "SECOND\" or \"INTERVAL YEAR TO MONTH\" or \"INTERVAL\"), not \"BOOLEAN\". SQLSTATE: 42K09");
}

}  // namespace
}  // namespace runnel::expr
