// DataTypeParser: Spark type strings (Column.cast, CAST) and DDL schemas (DataStreamReader.schema).
#include "sql/data_type_parser.h"

#include <gtest/gtest.h>

namespace runnel::sql {
namespace {

struct TypeCase {
  const char* text;
  const char* simple_string;
};

class DataTypes : public ::testing::TestWithParam<TypeCase> {};

TEST_P(DataTypes, ParseToSparkSimpleString) {
  EXPECT_EQ(parseDataType(GetParam().text)->simpleString(), GetParam().simple_string)
      << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(
    Spark, DataTypes,
    ::testing::Values(
        TypeCase{"int", "int"}, TypeCase{"INTEGER", "int"}, TypeCase{"bigint", "bigint"},
        TypeCase{"Long", "bigint"}, TypeCase{"smallint", "int"}, TypeCase{"tinyint", "int"},
        TypeCase{"double", "double"}, TypeCase{"float", "double"}, TypeCase{"real", "double"},
        TypeCase{"decimal(10, 2)", "double"}, TypeCase{"decimal", "double"},
        TypeCase{"string", "string"}, TypeCase{"varchar(10)", "string"},
        TypeCase{"char(3)", "string"}, TypeCase{"boolean", "boolean"},
        TypeCase{"timestamp", "timestamp"}, TypeCase{"timestamp_ntz", "timestamp"},
        TypeCase{"void", "void"}, TypeCase{"array<string>", "array<string>"},
        TypeCase{"ARRAY<ARRAY<INT>>", "array<array<int>>"},
        TypeCase{"struct<a:int,b:string>", "struct<a:int,b:string>"},
        TypeCase{"struct<a int, `b c`: string NOT NULL COMMENT 'x'>", "struct<a:int,b c:string>"},
        TypeCase{"struct<>", "struct<>"},
        TypeCase{"struct<start:timestamp,end:timestamp>", "struct<start:timestamp,end:timestamp>"},
        TypeCase{"  int  ", "int"}));

TEST(DataTypeParser, ParsesDdlSchema) {
  const types::Schema s = parseDdlSchema("word STRING, n INT NOT NULL");
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].name, "word");
  EXPECT_EQ(s[0].type->simpleString(), "string");
  EXPECT_TRUE(s[0].nullable);
  EXPECT_EQ(s[1].name, "n");
  EXPECT_EQ(s[1].type->simpleString(), "int");
  EXPECT_FALSE(s[1].nullable);
}

TEST(DataTypeParser, DdlSchemaTakesKeywordsBackquotesCommentsAndNesting) {
  const types::Schema s = parseDdlSchema(
      "`event time` timestamp COMMENT 'when', value string, tags array<string>, "
      "window struct<start: timestamp, end: timestamp>");
  EXPECT_EQ(s.simpleString(),
            "event time: timestamp, value: string, tags: array<string>, "
            "window: struct<start:timestamp,end:timestamp>");
}

TEST(DataTypeParser, StructFieldNullability) {
  auto t = parseDataType("struct<a: int NOT NULL, b: string>");
  ASSERT_EQ(t->fields.size(), 2u);
  EXPECT_FALSE(t->fields[0].nullable);
  EXPECT_TRUE(t->fields[1].nullable);
}

struct ErrorCase {
  const char* text;
  bool schema;  // parseDdlSchema, else parseDataType
  const char* message;
};

class DataTypeErrors : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(DataTypeErrors, AreSparksParseExceptions) {
  const ErrorCase& c = GetParam();
  try {
    if (c.schema) {
      parseDdlSchema(c.text);
    } else {
      parseDataType(c.text);
    }
    FAIL() << "expected a ParseException for " << c.text;
  } catch (const Error& e) {
    EXPECT_EQ(e.errorClass(), ErrorClass::ParseException);
    EXPECT_EQ(e.message(), c.message);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Spark, DataTypeErrors,
    ::testing::Values(
        ErrorCase{
            "a strng", true,
            "[UNSUPPORTED_DATATYPE] Unsupported data type \"STRNG\". SQLSTATE: 0A000 (line 1, "
            "pos 2)\n\n== SQL ==\na strng\n--^^^\n"},
        ErrorCase{"word STRNG(10)", true,
                  "[UNSUPPORTED_DATATYPE] Unsupported data type \"STRNG(10)\". SQLSTATE: 0A000 "
                  "(line 1, pos 5)\n\n== SQL ==\nword STRNG(10)\n-----^^^\n"},
        ErrorCase{"word STRING,", true,
                  "[PARSE_SYNTAX_ERROR] Syntax error at or near end of input. SQLSTATE: 42601 "
                  "(line 1, pos 12)\n\n== SQL ==\nword STRING,\n------------^^^\n"},
        ErrorCase{"word", true,
                  "[PARSE_SYNTAX_ERROR] Syntax error at or near end of input. SQLSTATE: 42601 "
                  "(line 1, pos 4)\n\n== SQL ==\nword\n----^^^\n"},
        ErrorCase{"array<int", false,
                  "[PARSE_SYNTAX_ERROR] Syntax error at or near end of input: missing '>'. "
                  "SQLSTATE: 42601 (line 1, pos 9)\n\n== SQL ==\narray<int\n---------^^^\n"},
        ErrorCase{"array", false,
                  "[INCOMPLETE_TYPE_DEFINITION.ARRAY] Incomplete complex type: The definition of "
                  "\"ARRAY\" type is incomplete. You must provide an element type. For example: "
                  "\"ARRAY<elementType>\". SQLSTATE: 42K01 (line 1, pos 0)\n\n== SQL ==\narray\n"
                  "^^^\n"},
        ErrorCase{
            "varchar", false,
            "[DATATYPE_MISSING_SIZE] DataType \"VARCHAR\" requires a length parameter, for "
            "example \"VARCHAR\"(10). Please specify the length. SQLSTATE: 42K01 (line 1, pos "
            "0)\n\n== SQL ==\nvarchar\n^^^\n"},
        ErrorCase{"int(10)", false,
                  "[PARSE_SYNTAX_ERROR] Syntax error at or near '('. SQLSTATE: 42601 (line 1, pos "
                  "3)\n\n== SQL ==\nint(10)\n---^^^\n"},
        ErrorCase{"", true,
                  "[PARSE_EMPTY_STATEMENT] Syntax error, unexpected empty statement. SQLSTATE: "
                  "42617 (line 1, pos 0)\n\n== SQL ==\n\n^^^\n"}));

TEST(DataTypeParser, UnsupportedTypeKnownToSparkIsNotImplemented) {
  try {
    parseDdlSchema("d DATE");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.errorClass(), ErrorClass::NotImplementedError);
    EXPECT_EQ(e.column(), 3);
  }
}

}  // namespace
}  // namespace runnel::sql
