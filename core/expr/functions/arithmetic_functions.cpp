// Arithmetic operators (Spark's arithmetic.scala: Add, Subtract, Multiply, Divide, Remainder, Pmod,
// IntegralDivide, UnaryMinus, Abs) with ANSI overflow / division-by-zero rules and try_* variants.
#include <cmath>
#include <cstdint>
#include <limits>

#include <fmt/format.h>

#include "expr/ansi_errors.h"
#include "expr/functions/simple_function.h"
#include "expr/functions/sub_families.h"
#include "expr/type_coercion.h"

namespace runnel::expr {

using types::Column;
using types::ColumnPtr;
using types::DataTypePtr;
using types::TypeId;

namespace {

enum class Op { Add, Subtract, Multiply, Divide, Remainder, Pmod, IntDiv };
enum class Outcome { Ok, Overflow, DivideByZero };

constexpr const char* kNumericOrInterval =
    "(\"NUMERIC\" or \"INTERVAL DAY TO SECOND\" or \"INTERVAL YEAR TO MONTH\" or \"INTERVAL\")";

const char* requiredType(Op op) {
  switch (op) {
    case Op::Add:
    case Op::Subtract:
      return kNumericOrInterval;
    case Op::Divide:
      return "(\"DOUBLE\" or \"DECIMAL\")";
    case Op::IntDiv:
      return "(\"BIGINT\" or \"DECIMAL\")";
    default:
      return "\"NUMERIC\"";
  }
}

const char* tryFunction(Op op) {
  switch (op) {
    case Op::Add:
      return "try_add";
    case Op::Subtract:
      return "try_subtract";
    case Op::Multiply:
      return "try_multiply";
    default:
      return "try_divide";
  }
}

// BinaryArithmetic.checkInputDataTypes after AnsiTypeCoercion's string promotion.
TypeRule binaryType(Op op) {
  return [op](const Expr& call, std::vector<DataTypePtr>& t) -> DataTypePtr {
    DataTypePtr wider = findWiderType(t[0], t[1]);
    if (!wider) {
      throwDataTypeMismatch(call, "BINARY_OP_DIFF_TYPES",
                            fmt::format("the left and right operands of the binary operator have "
                                        "incompatible types ({} and {}).",
                                        toSQLType(*t[0]), toSQLType(*t[1])));
    }
    if (wider->id == TypeId::Null || wider->id == TypeId::String) wider = types::doubleType();
    if (!wider->isNumeric()) {
      throwDataTypeMismatch(call, "BINARY_OP_WRONG_TYPE",
                            fmt::format("the binary operator requires the input type {}, not {}.",
                                        requiredType(op), toSQLType(*wider)));
    }
    if (op == Op::Divide) wider = types::doubleType();
    if (op == Op::IntDiv) wider = types::bigintType();
    t[0] = t[1] = wider;
    return wider;
  };
}

// One integral operation; `out` holds the Java (wrapping) result when Overflow is returned.
Outcome integral(Op op, int64_t a, int64_t b, bool is_int, int64_t& out) {
  constexpr int64_t kMin = std::numeric_limits<int64_t>::min();
  bool overflow = false;
  switch (op) {
    case Op::Add:
      overflow = __builtin_add_overflow(a, b, &out);
      break;
    case Op::Subtract:
      overflow = __builtin_sub_overflow(a, b, &out);
      break;
    case Op::Multiply:
      overflow = __builtin_mul_overflow(a, b, &out);
      break;
    case Op::Remainder:
    case Op::Pmod:
      if (b == 0) return Outcome::DivideByZero;
      out = (b == -1) ? 0 : a % b;
      if (op == Op::Pmod && out < 0) out = (b == -1) ? 0 : (out + b) % b;
      break;
    case Op::IntDiv:
      if (b == 0) return Outcome::DivideByZero;
      if (a == kMin && b == -1) {
        out = kMin;
        return Outcome::Overflow;
      }
      out = a / b;
      break;
    case Op::Divide:
      break;
  }
  if (is_int && !overflow && (out < INT32_MIN || out > INT32_MAX)) overflow = true;
  return overflow ? Outcome::Overflow : Outcome::Ok;
}

Outcome floating(Op op, double a, double b, double& out) {
  switch (op) {
    case Op::Add:
      out = a + b;
      break;
    case Op::Subtract:
      out = a - b;
      break;
    case Op::Multiply:
      out = a * b;
      break;
    case Op::Divide:
      if (b == 0) return Outcome::DivideByZero;
      out = a / b;
      break;
    case Op::Remainder:
    case Op::Pmod:
      if (b == 0) return Outcome::DivideByZero;
      out = std::fmod(a, b);
      if (op == Op::Pmod && out < 0) out = std::fmod(out + b, b);
      break;
    case Op::IntDiv:
      break;
  }
  return Outcome::Ok;
}

ScalarKernel binaryKernel(Op op) {
  return [op](const Expr& call, const std::vector<ColumnPtr>& args, size_t rows,
              const EvalContext& ctx) -> ColumnPtr {
    const Column& a = *args[0];
    const Column& b = *args[1];
    auto out = makeFixed(call.type, rows, unionNulls({&a, &b}, rows));
    OnFailure policy = onFailure(call, ctx);
    bool is_int = call.type->id == TypeId::Int;
    for (size_t r = 0; r < rows; ++r) {
      if (isNullIn(out->nulls, r)) continue;
      Outcome res;
      if (call.type->id == TypeId::Double)
        res = floating(op, a.doubles[r], b.doubles[r], out->doubles[r]);
      else
        res = integral(op, a.ints[r], b.ints[r], is_int, out->ints[r]);
      if (res == Outcome::Ok) continue;
      if (policy == OnFailure::Throw) {
        if (res == Outcome::DivideByZero) throw divideByZero();
        if (op == Op::IntDiv) throw arithmeticOverflow("Overflow in integral divide", "try_divide");
        throw arithmeticOverflow(is_int ? "integer overflow" : "long overflow", tryFunction(op));
      }
      if (res == Outcome::DivideByZero || policy == OnFailure::Null)
        setNull(*out, r);
      else if (is_int)
        out->ints[r] = static_cast<int32_t>(static_cast<uint32_t>(out->ints[r]));
    }
    return out;
  };
}

// UnaryMinus and Abs: only the minimum integer overflows.
ScalarKernel unaryKernel(bool absolute) {
  return [absolute](const Expr& call, const std::vector<ColumnPtr>& args, size_t rows,
                    const EvalContext& ctx) -> ColumnPtr {
    const Column& a = *args[0];
    auto out = makeFixed(call.type, rows, unionNulls({&a}, rows));
    if (call.type->id == TypeId::Double) {
      for (size_t r = 0; r < rows; ++r) {
        out->doubles[r] = absolute ? std::fabs(a.doubles[r]) : -a.doubles[r];
      }
      return out;
    }
    bool is_int = call.type->id == TypeId::Int;
    int64_t min = is_int ? INT32_MIN : std::numeric_limits<int64_t>::min();
    for (size_t r = 0; r < rows; ++r) {
      if (isNullIn(out->nulls, r)) continue;
      int64_t v = a.ints[r];
      if (v == min) {
        if (ctx.ansi) throw arithmeticOverflow(is_int ? "integer overflow" : "long overflow", "");
        out->ints[r] = min;  // Java: -MIN == MIN
      } else {
        out->ints[r] = (absolute && v >= 0) ? v : -v;
      }
    }
    return out;
  };
}

std::string infix(const std::vector<std::string>& a, const char* op) {
  return "(" + a[0] + " " + op + " " + a[1] + ")";
}

void addBinary(FunctionRegistry& r, std::string name, Op op, const char* symbol) {
  FunctionDef d;
  d.name = std::move(name);
  d.min_args = d.max_args = 2;
  d.result_type = binaryType(op);
  d.eval = binaryKernel(op);
  if (symbol != nullptr) {
    d.pretty_name = [symbol](const Expr&, const std::vector<std::string>& a) {
      return infix(a, symbol);
    };
  }
  // Division and remainder may be null for non-null inputs (divisor 0 without ANSI).
  d.nullable_result = op == Op::Divide || op == Op::Remainder || op == Op::Pmod || op == Op::IntDiv;
  d.doc = "Spark's arithmetic operator " + d.name;
  r.add(std::move(d));
}

void addUnary(FunctionRegistry& r, std::string name, bool absolute) {
  FunctionDef d;
  d.name = std::move(name);
  d.min_args = d.max_args = 1;
  d.result_type = [](const Expr& call, std::vector<DataTypePtr>& t) {
    expectInputTypes(call, t, {InputType::Numeric});
    return t[0];
  };
  d.eval = unaryKernel(absolute);
  if (!absolute) {
    d.pretty_name = [](const Expr&, const std::vector<std::string>& a) {
      return "(- " + a[0] + ")";
    };
  }
  d.nullable_result = false;
  r.add(std::move(d));
}

}  // namespace

void registerArithmeticFunctions(FunctionRegistry& r) {
  addBinary(r, "+", Op::Add, "+");
  addBinary(r, "-", Op::Subtract, "-");
  addBinary(r, "*", Op::Multiply, "*");
  addBinary(r, "/", Op::Divide, "/");
  addBinary(r, "%", Op::Remainder, "%");
  addBinary(r, "div", Op::IntDiv, "div");
  addBinary(r, "pmod", Op::Pmod, nullptr);
  addBinary(r, "try_add", Op::Add, nullptr);
  addBinary(r, "try_subtract", Op::Subtract, nullptr);
  addBinary(r, "try_multiply", Op::Multiply, nullptr);
  addBinary(r, "try_divide", Op::Divide, nullptr);
  addUnary(r, "negative", false);
  addUnary(r, "abs", true);
  registerRoundFunctions(r);
}

}  // namespace runnel::expr
