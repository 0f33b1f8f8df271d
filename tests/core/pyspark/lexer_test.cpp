// Lexer: token kinds, texts and 1-based positions for the Python a PySpark program uses.
#include "pyspark/lexer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace runnel::pyspark {
namespace {

// "KIND:text@line:col" for each token, so one string describes a whole stream.
std::string dump(const std::string& src) {
  std::string out;
  for (const Token& t : tokenize(src)) {
    if (!out.empty()) out += " ";
    out += tokenKindName(t.kind);
    if (t.kind == TokenKind::Name || t.kind == TokenKind::Op || t.kind == TokenKind::String ||
        t.kind == TokenKind::FString) {
      out += ":" + t.text;
    } else if (t.kind == TokenKind::Int) {
      out += ":" + std::to_string(t.int_value);
    }
    out += "@" + std::to_string(t.pos.line) + ":" + std::to_string(t.pos.column);
  }
  return out;
}

struct LexCase {
  const char* name;
  std::string src;
  std::string tokens;
};

class LexerTable : public ::testing::TestWithParam<LexCase> {};

TEST_P(LexerTable, Tokens) {
  EXPECT_EQ(dump(GetParam().src), GetParam().tokens);
}

INSTANTIATE_TEST_SUITE_P(
    Lexer, LexerTable,
    ::testing::Values(
        LexCase{"Call", "f(1)\n",
                "NAME:f@1:1 OP:(@1:2 INT:1@1:3 OP:)@1:4 NEWLINE@1:5 ENDMARKER@2:1"},
        LexCase{"NoTrailingNewline", "x", "NAME:x@1:1 NEWLINE@1:2 ENDMARKER@1:2"},
        LexCase{"CommentAndBlankLines", "# hi\n\nx = 1  # c\n",
                "NAME:x@3:1 OP:=@3:3 INT:1@3:5 NEWLINE@3:11 ENDMARKER@4:1"},
        LexCase{"IndentDedent", "if a:\n    b\nc\n",
                "NAME:if@1:1 NAME:a@1:4 OP::@1:5 NEWLINE@1:6 INDENT@2:5 NAME:b@2:5 NEWLINE@2:6 "
                "DEDENT@3:1 NAME:c@3:1 NEWLINE@3:2 ENDMARKER@4:1"},
        LexCase{"DedentAtEof", "if a:\n  b",
                "NAME:if@1:1 NAME:a@1:4 OP::@1:5 NEWLINE@1:6 INDENT@2:3 NAME:b@2:3 NEWLINE@2:4 "
                "DEDENT@2:4 ENDMARKER@2:4"},
        LexCase{"BracketsJoinLines", "f(a,\n  b)\n",
                "NAME:f@1:1 OP:(@1:2 NAME:a@1:3 OP:,@1:4 NAME:b@2:3 OP:)@2:4 NEWLINE@2:5 "
                "ENDMARKER@3:1"},
        LexCase{"BackslashContinuation", "a = b \\\n  .c()\n",
                "NAME:a@1:1 OP:=@1:3 NAME:b@1:5 OP:.@2:3 NAME:c@2:4 OP:(@2:5 OP:)@2:6 NEWLINE@2:7 "
                "ENDMARKER@3:1"},
        LexCase{
            "Strings", "'a' \"b\" '''c\nd''' r'\\d' u'e'",
            "STRING:a@1:1 STRING:b@1:5 STRING:c\nd@1:9 STRING:\\d@2:6 STRING:e@2:12 NEWLINE@2:16 "
            "ENDMARKER@2:16"},
        LexCase{"Escapes", "'\\t\\n\\x41\\u00e9\\q'",
                "STRING:\t\nA\xC3\xA9\\q@1:1 NEWLINE@1:19 ENDMARKER@1:19"},
        LexCase{"FString", "f'{x!r}' rf'\\d{y}'",
                "FSTRING:{x!r}@1:1 FSTRING:\\d{y}@1:10 NEWLINE@1:19 ENDMARKER@1:19"},
        LexCase{"Numbers", "1_000 0x1F 0o7 0b11 1.5 .5 1e3 2.",
                "INT:1000@1:1 INT:31@1:7 INT:7@1:12 INT:3@1:16 FLOAT@1:21 FLOAT@1:25 FLOAT@1:28 "
                "FLOAT@1:32 NEWLINE@1:34 ENDMARKER@1:34"},
        LexCase{"Operators", "a**=b//c!=d<=e->f",
                "NAME:a@1:1 OP:**=@1:2 NAME:b@1:5 OP://@1:6 NAME:c@1:8 OP:!=@1:9 NAME:d@1:11 "
                "OP:<=@1:12 NAME:e@1:14 OP:->@1:15 NAME:f@1:17 NEWLINE@1:18 ENDMARKER@1:18"},
        LexCase{
            "Utf8ColumnsCountCodePoints", "s = '\xC3\xA9t\xC3\xA9' + x",
            "NAME:s@1:1 OP:=@1:3 STRING:\xC3\xA9t\xC3\xA9@1:5 OP:+@1:11 NAME:x@1:13 NEWLINE@1:14 "
            "ENDMARKER@1:14"},
        LexCase{"CrLf", "a\r\nb\r\n",
                "NAME:a@1:1 NEWLINE@1:2 NAME:b@2:1 NEWLINE@2:2 ENDMARKER@3:1"}),
    [](const ::testing::TestParamInfo<LexCase>& info) { return std::string(info.param.name); });

TEST(Lexer, FloatValues) {
  auto tokens = tokenize("1.5 .25 1e3 2.");
  EXPECT_DOUBLE_EQ(tokens[0].float_value, 1.5);
  EXPECT_DOUBLE_EQ(tokens[1].float_value, 0.25);
  EXPECT_DOUBLE_EQ(tokens[2].float_value, 1000.0);
  EXPECT_DOUBLE_EQ(tokens[3].float_value, 2.0);
}

struct LexErrorCase {
  const char* name;
  std::string src;
  ErrorClass cls;
  std::string message;
  int line;
  int column;
};

class LexerErrors : public ::testing::TestWithParam<LexErrorCase> {};

TEST_P(LexerErrors, RaisesWithPosition) {
  const LexErrorCase& c = GetParam();
  try {
    tokenize(c.src);
    FAIL() << "no error for " << c.src;
  } catch (const Error& e) {
    EXPECT_EQ(e.errorClass(), c.cls);
    EXPECT_EQ(e.message(), c.message);
    EXPECT_EQ(e.line(), c.line);
    EXPECT_EQ(e.column(), c.column);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Lexer, LexerErrors,
    ::testing::Values(
        LexErrorCase{"Unterminated", "x = 'abc\n", ErrorClass::SyntaxError,
                     "unterminated string literal (detected at line 1)", 1, 5},
        LexErrorCase{"UnterminatedTriple", "x = '''abc\n\n", ErrorClass::SyntaxError,
                     "unterminated triple-quoted string literal (detected at line 3)", 1, 5},
        LexErrorCase{"NeverClosed", "f(a,\n b", ErrorClass::SyntaxError, "'(' was never closed", 1,
                     2},
        LexErrorCase{"Unmatched", "a)", ErrorClass::SyntaxError, "unmatched ')'", 1, 2},
        LexErrorCase{"Mismatch", "(]", ErrorClass::SyntaxError,
                     "closing parenthesis ']' does not match opening parenthesis '('", 1, 2},
        LexErrorCase{"BadDedent", "if a:\n    b\n  c\n", ErrorClass::SyntaxError,
                     "unindent does not match any outer indentation level", 3, 3},
        LexErrorCase{"InvalidCharacter", "a $ b", ErrorClass::SyntaxError,
                     "invalid character '$' (U+0024)", 1, 3},
        LexErrorCase{"InvalidDecimal", "x = 12abc", ErrorClass::SyntaxError,
                     "invalid decimal literal", 1, 5},
        LexErrorCase{"BigInt", "x = 99999999999999999999", ErrorClass::NotImplementedError,
                     "integers beyond 64 bits are not supported", 1, 5},
        LexErrorCase{"Bytes", "b'x'", ErrorClass::NotImplementedError,
                     "bytes literals are not supported", 1, 1},
        LexErrorCase{"BadContinuation", "a \\ b", ErrorClass::SyntaxError,
                     "unexpected character after line continuation character", 1, 3}),
    [](const ::testing::TestParamInfo<LexErrorCase>& info) {
      return std::string(info.param.name);
    });

TEST(Lexer, DeepBracketsAreASyntaxError) {
  std::string src(500, '(');
  EXPECT_THROW(tokenize(src), Error);
}

}  // namespace
}  // namespace runnel::pyspark
