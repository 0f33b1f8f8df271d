// ParseException texts, as Spark 4's ParseException.getMessage (sql/api .../parser/parsers.scala)
// and SparkParserErrorStrategy build them: "[CLASS] text SQLSTATE: s (line L, pos P)" and the "==
// SQL ==" excerpt.
#pragma once

#include <string>
#include <string_view>

#include "runnel/error.h"
#include "sql/sql_lexer.h"

namespace runnel::sql {

// "<message> (line L, pos P)\n\n== SQL ==\n<lines 1..L>\n<P dashes>^^^\n<lines after L>\n". Spark's
// getMessage starts with one more "\n"; we leave it to whoever prints "ParseException: ".
std::string parseExceptionMessage(std::string_view command, std::string_view message, int line,
                                  int pos);

// A ParseException for `[error_class] text SQLSTATE: sqlstate` at (line, pos); the Error's position
// is line and column pos + 1.
Error parseException(std::string_view command, std::string_view error_class, std::string_view text,
                     std::string_view sqlstate, int line, int pos);

// How ANTLR names a token: 'text' with \n \r \t escaped, or "end of input"
// (SparkParserErrorStrategy).
std::string tokenDisplay(const Token& token);

// [PARSE_SYNTAX_ERROR] Syntax error at or near <token><hint>. — or [PARSE_EMPTY_STATEMENT] when the
// command is blank (ParseException.withCommand). `hint` is "", ": extra input 'x'" or ": missing
// ')'".
Error syntaxError(std::string_view command, const Token& at, std::string_view hint = "");

// [UNCLOSED_BRACKETED_COMMENT] at the comment's start.
Error unclosedCommentError(std::string_view command, const Token& comment);

}  // namespace runnel::sql
