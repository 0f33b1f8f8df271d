// Lexer: Python source text to tokens (CPython's tokenizer for the subset PySpark programs use):
// INDENT/DEDENT, implicit joining inside brackets, `\` continuation, strings of every quoting,
// f-strings.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "runnel/error.h"

namespace runnel::pyspark {

enum class TokenKind { Name, Int, Float, String, FString, Op, Newline, Indent, Dedent, EndOfFile };

struct Token {
  TokenKind kind = TokenKind::EndOfFile;
  std::string text;  // Name/Op: as written; String: the decoded value; FString: the raw body
  int64_t int_value = 0;
  double float_value = 0;
  SourcePosition pos;       // where the token starts
  SourcePosition body_pos;  // FString: where the body (after the opening quote) starts
  bool raw = false;         // FString: r-prefixed (escapes kept)
};

// Tokenizes a whole program. Throws Error(SyntaxError) with the offending position.
std::vector<Token> tokenize(std::string_view source);

const char* tokenKindName(TokenKind kind);

}  // namespace runnel::pyspark
