// Spark's CSV datasource: CSVInferSchema's widening per column, header names, options and the
// malformed-record modes, checked on exact rows and schema strings.
#include <gtest/gtest.h>

#include "format/csv_reader.h"
#include "format/csv_tokenizer.h"
#include "runnel/error.h"
#include "support/batch_rows.h"

namespace runnel::format {
namespace {

CsvOptions options(const OptionMap& m) {
  ReadOptions o;
  o.options = m;
  return CsvOptions::from(o);
}

std::vector<std::string> rows(const types::Batch& b) {
  std::vector<std::string> out;
  for (size_t r = 0; r < b.num_rows; ++r) {
    std::string line;
    for (size_t c = 0; c < b.columns.size(); ++c) {
      if (c > 0) line += " | ";
      line += testing::cellText(b.columns[c]->valueAt(r));
    }
    out.push_back(line);
  }
  return out;
}

struct InferCase {
  const char* name;
  const char* text;
  const char* schema;
};

TEST(CSVInferSchema, WidensEachColumnLikeSpark) {
  const InferCase cases[] = {
      {"ints", "1\n2\n", "_c0: int"},
      {"int then long", "1\n3000000000\n", "_c0: bigint"},
      {"long then int stays long", "3000000000\n1\n", "_c0: bigint"},
      {"int then double", "1\n2.5\n", "_c0: double"},
      {"java double suffix", "1.5d\n", "_c0: double"},
      {"NaN and Inf", "NaN\n-Inf\n", "_c0: double"},
      {"booleans any case", "true\nFALSE\n", "_c0: boolean"},
      {"timestamp", "2024-01-01 10:00:00\n2024-01-02T11:30:00\n", "_c0: timestamp"},
      {"date-only is not a timestamp", "2024-01-01\n", "_c0: string"},
      {"int then boolean", "1\ntrue\n", "_c0: string"},
      {"boolean then int", "true\n1\n", "_c0: string"},
      {"empty fields are skipped", "\"\"\n7\n", "_c0: int"},
      {"all empty is string", ",1\n,2\n", "_c0: string, _c1: int"},
      {"Double.parseDouble trims, Integer.parseInt does not", " 34\n", "_c0: double"},
      {"extra fields are ignored", "1,2\n3,4,x\n", "_c0: int, _c1: int"},
  };
  for (const auto& c : cases) {
    std::string_view text = c.text;
    EXPECT_EQ(csvSchema({text}, options({{"inferschema", "true"}})).simpleString(), c.schema)
        << c.name;
  }
}

TEST(CSVInferSchema, WithoutInferSchemaEveryColumnIsString) {
  std::string_view text = "1,2.5,true\n";
  EXPECT_EQ(csvSchema({text}, options({})).simpleString(), "_c0: string, _c1: string, _c2: string");
}

TEST(CSVInferSchema, HeaderNamesAreMadeSafe) {
  // CSVUtils.makeSafeHeader: empty names get _c<i>, case-insensitive duplicates their index.
  std::string_view text = "a,,A,b\n1,2,3,4\n";
  EXPECT_EQ(csvSchema({text}, options({{"header", "true"}})).simpleString(),
            "a0: string, _c1: string, A2: string, b: string");
}

TEST(CsvReader, ReadsPeopleWithHeaderAndInferSchema) {
  std::string_view text = "name,age,city\nAlice,34,Paris\nBob,28,Lyon\n";
  CsvOptions o = options({{"header", "true"}, {"inferschema", "true"}});
  types::Schema schema = csvSchema({text}, o);
  EXPECT_EQ(schema.simpleString(), "name: string, age: int, city: string");
  types::Batch b = readCsv({text}, schema, o);
  EXPECT_EQ(rows(b), (std::vector<std::string>{"Alice | 34 | Paris", "Bob | 28 | Lyon"}));
}

TEST(CsvReader, HeaderLineOfEveryFileIsSkipped) {
  std::string_view a = "n\n1\n", b = "n\n2\n";
  CsvOptions o = options({{"header", "true"}, {"inferschema", "true"}});
  types::Schema schema = csvSchema({a, b}, o);
  EXPECT_EQ(rows(readCsv({a, b}, schema, o)), (std::vector<std::string>{"1", "2"}));
}

TEST(CsvTokenizer, QuotesEscapesAndSeparators) {
  struct Case {
    const char* line;
    OptionMap opts;
    std::vector<std::string> fields;
  };
  const Case cases[] = {
      {"a,b,,c", {}, {"a", "b", "", "c"}},
      {"\"a,b\",c", {}, {"a,b", "c"}},
      {"\"say \\\"hi\\\"\",x", {}, {"say \"hi\"", "x"}},
      {"\"a\"\"b\"", {}, {"a\"b"}},
      {"a;b", {{"sep", ";"}}, {"a", "b"}},
      {"a\tb", {{"sep", "\\t"}}, {"a", "b"}},
      {"a||b", {{"delimiter", "||"}}, {"a", "b"}},
      {"'x,y',z", {{"quote", "'"}}, {"x,y", "z"}},
      {"\"x,y\"", {{"quote", ""}}, {"\"x", "y\""}},
      {"\"unclosed,z", {}, {"unclosed,z"}},
      {"a,", {}, {"a", ""}},
  };
  for (const auto& c : cases)
    EXPECT_EQ(splitCsvLine(c.line, options(c.opts)), c.fields) << c.line;
}

TEST(CsvTokenizer, SkipsBlankLinesAndHandlesCrLf) {
  auto records = tokenizeCsv("a,b\r\n\r\n\nc,d", options({}));
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[1].fields, (std::vector<std::string>{"c", "d"}));
}

TEST(CsvReader, NullValueAndUserSchema) {
  std::string_view text = "1,NA,x\n2,5,\n3,6,\"\"\n";
  types::Schema schema;
  schema.fields = {{"id", types::intType(), true},
                   {"n", types::bigintType(), true},
                   {"s", types::stringType(), true}};
  EXPECT_EQ(rows(readCsv({text}, schema, options({{"nullvalue", "NA"}}))),
            (std::vector<std::string>{"1 | NULL | x", "2 | 5 | NULL", "3 | 6 | "}));
  // With the default nullValue "", NA does not parse as a bigint, and "" is null too.
  EXPECT_EQ(rows(readCsv({text}, schema, options({}))),
            (std::vector<std::string>{"1 | NULL | x", "2 | 5 | NULL", "3 | 6 | NULL"}));
}

TEST(CsvReader, MalformedRecordsFollowTheMode) {
  std::string_view text = "1,a\nx,b\n3\n4,d,extra\n";
  types::Schema schema;
  schema.fields = {{"n", types::intType(), true}, {"s", types::stringType(), true}};
  EXPECT_EQ(rows(readCsv({text}, schema, options({}))),
            (std::vector<std::string>{"1 | a", "NULL | b", "3 | NULL", "4 | d"}));
  EXPECT_EQ(rows(readCsv({text}, schema, options({{"mode", "DROPMALFORMED"}}))),
            (std::vector<std::string>{"1 | a"}));
  try {
    readCsv({text}, schema, options({{"mode", "failfast"}}));
    FAIL() << "FAILFAST must fail on the second record";
  } catch (const Error& e) {
    EXPECT_EQ(e.errorClass(), ErrorClass::SparkException);
    EXPECT_EQ(e.message(),
              "[MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION] Malformed records are detected in "
              "record parsing: [null,b].\nParse Mode: FAILFAST. To process malformed records as "
              "null result, try setting the option 'mode' as 'PERMISSIVE'. SQLSTATE: 22023");
  }
}

TEST(CsvOptions, InvalidOptionsUseSparkMessages) {
  struct Case {
    OptionMap opts;
    ErrorClass cls;
    const char* message;
  };
  const Case cases[] = {
      {{{"header", "yes"}}, ErrorClass::SparkException, "header flag can be true or false."},
      {{{"sep", ""}}, ErrorClass::IllegalArgumentException, "Delimiter cannot be empty string"},
      {{{"quote", "ab"}},
       ErrorClass::IllegalArgumentException,
       "quote cannot be more than one character"},
      {{{"escape", "ab"}},
       ErrorClass::IllegalArgumentException,
       "escape cannot be more than one character"},
  };
  for (const auto& c : cases) {
    try {
      options(c.opts);
      ADD_FAILURE() << c.message;
    } catch (const Error& e) {
      EXPECT_EQ(e.errorClass(), c.cls);
      EXPECT_EQ(e.message(), c.message);
    }
  }
}

TEST(CsvReader, RejectsArrayColumns) {
  types::Schema schema;
  schema.fields = {{"a", types::arrayType(types::intType()), true}};
  try {
    readCsv({}, schema, options({}));
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.errorClass(), ErrorClass::AnalysisException);
    EXPECT_EQ(e.message(),
              "[UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE] The CSV datasource doesn't support the "
              "column `a` of the type \"ARRAY<INT>\". SQLSTATE: 0A000");
  }
}

}  // namespace
}  // namespace runnel::format
