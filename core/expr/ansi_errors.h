// The runtime errors of ANSI mode (Spark 4.0's QueryExecutionErrors texts from
// error-conditions.json): ARITHMETIC_OVERFLOW, DIVIDE_BY_ZERO, CAST_INVALID_INPUT, CAST_OVERFLOW.
// HashAggregate uses them too.
#pragma once

#include <string>
#include <string_view>

#include "runnel/error.h"
#include "types/data_type.h"

namespace runnel::expr {

// `[ARITHMETIC_OVERFLOW] integer overflow. Use 'try_add' to tolerate overflow and return NULL
// instead. If necessary set "spark.sql.ansi.enabled" to "false" to bypass this error. SQLSTATE:
// 22003`; `try_function` empty drops the "Use ..." sentence (unary minus, abs).
Error arithmeticOverflow(std::string_view message, std::string_view try_function);

// `[DIVIDE_BY_ZERO] Division by zero. Use `try_divide` ... SQLSTATE: 22012`.
Error divideByZero();

// `[CAST_INVALID_INPUT] The value 'abc' of the type "STRING" cannot be cast to "INT" because it is
// malformed. ...` (`value_sql` is Spark's toSQLValue: `'abc'`).
Error castInvalidInput(std::string_view value_sql, const types::DataType& from,
                       const types::DataType& to);

// `[CAST_OVERFLOW] The value 3000000000L of the type "BIGINT" cannot be cast to "INT" due to an
// overflow. ...`
Error castOverflow(std::string_view value_sql, const types::DataType& from,
                   const types::DataType& to);

// Spark's toSQLValue for numbers: `1`, `3000000000L`, `1.0E10D`; strings: `'it\'s'`.
std::string sqlValue(int64_t v, const types::DataType& t);
std::string sqlValue(double v);
std::string sqlValue(std::string_view s);

}  // namespace runnel::expr
