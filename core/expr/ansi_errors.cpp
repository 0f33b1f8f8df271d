// ANSI runtime error texts (QueryExecutionErrors / ExecutionErrors in Spark 4.0).
#include "expr/ansi_errors.h"

#include <fmt/format.h>

#include "format/double_format.h"

namespace runnel::expr {

namespace {
constexpr const char* kAnsiBypass =
    "If necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this error.";
}  // namespace

Error arithmeticOverflow(std::string_view message, std::string_view try_function) {
  std::string hint;
  if (!try_function.empty()) {
    hint = fmt::format(" Use '{}' to tolerate overflow and return NULL instead.", try_function);
  }
  return Error(
      ErrorClass::ArithmeticException,
      fmt::format("[ARITHMETIC_OVERFLOW] {}.{} {} SQLSTATE: 22003", message, hint, kAnsiBypass));
}

Error divideByZero() {
  return Error(
      ErrorClass::ArithmeticException,
      fmt::format("[DIVIDE_BY_ZERO] Division by zero. Use `try_divide` to tolerate divisor "
                  "being 0 and return NULL instead. {} SQLSTATE: 22012",
                  kAnsiBypass));
}

Error castInvalidInput(std::string_view value_sql, const types::DataType& from,
                       const types::DataType& to) {
  ErrorClass cls = to.id == types::TypeId::Timestamp ? ErrorClass::DateTimeException
                                                     : ErrorClass::NumberFormatException;
  return Error(cls,
               fmt::format("[CAST_INVALID_INPUT] The value {} of the type \"{}\" cannot be cast "
                           "to \"{}\" because it is malformed. Correct the value as per the "
                           "syntax, or change its target type. Use `try_cast` to tolerate "
                           "malformed input and return NULL instead. SQLSTATE: 22018",
                           value_sql, from.sql(), to.sql()));
}

Error castOverflow(std::string_view value_sql, const types::DataType& from,
                   const types::DataType& to) {
  return Error(
      ErrorClass::ArithmeticException,
      fmt::format("[CAST_OVERFLOW] The value {} of the type \"{}\" cannot be cast to \"{}\" "
                  "due to an overflow. Use `try_cast` to tolerate overflow and return NULL "
                  "instead. SQLSTATE: 22003",
                  value_sql, from.sql(), to.sql()));
}

std::string sqlValue(int64_t v, const types::DataType& t) {
  if (t.id == types::TypeId::BigInt) return fmt::format("{}L", v);
  return std::to_string(v);
}

std::string sqlValue(double v) {
  if (v != v) return "NaN";
  return format::javaDoubleToString(v) + "D";
}

std::string sqlValue(std::string_view s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'')
      out += "\\'";
    else
      out += c;
  }
  return out + "'";
}

}  // namespace runnel::expr
