// SQL literal decoding, as Spark's SparkParserUtils.unescapeSQLString and AstBuilder's numeric
// literal visitors (visitIntegerLiteral, visitBigIntLiteral, ...): token text to string / Value.
#pragma once

#include <string>
#include <string_view>

#include "sql/sql_lexer.h"
#include "types/value.h"

namespace runnel::sql {

// Decodes the body of a quoted literal (quotes removed): \n, \t, \uXXXX, \ooo octal; `\%` and `\_`
// keep their backslash (Spark follows MySQL there); any other `\c` is `c`.
std::string unescapeSqlString(std::string_view body);

// The Value of a numeric token, negated when the SQL wrote a minus in front of it. Integers become
// int, then bigint, then (Runnel has no decimal) double; decimals and exponents become double.
// Throws a ParseException ([INVALID_NUMERIC_LITERAL_RANGE]) for a suffixed literal out of its
// type's range; `command` and `at` place it (the minus sign when there is one).
types::Value numericLiteral(const Token& number, bool negative, std::string_view command,
                            const Token& at);

}  // namespace runnel::sql
