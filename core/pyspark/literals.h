// Python literals: number tokens, string escape decoding and UTF-8 encoding of code points.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "pyspark/lexer.h"
#include "runnel/error.h"

namespace runnel::pyspark {

// Where a number literal starting at `rest` ends, and its kind.
struct NumberShape {
  size_t length = 0;
  bool is_float = false;
  int base = 10;
};
NumberShape numberShape(std::string_view rest);

// A number literal as written (underscores allowed); `base` is 2, 8, 10 or 16 (with its 0x prefix).
Token numberToken(std::string_view literal, bool is_float, int base, SourcePosition pos);

void appendUtf8(std::string& out, uint32_t code_point);

// Decodes Python backslash escapes in a non-raw string body; `pos` is where the body starts.
std::string decodeEscapes(std::string_view body, SourcePosition pos);

}  // namespace runnel::pyspark
