// Spark's JSON datasource over JSON Lines: JsonInferSchema (types, sorted fields, merging, corrupt
// records) and JacksonParser's conversions, on exact rows and schema strings.
#include <gtest/gtest.h>

#include "format/json_reader.h"
#include "format/json_schema_inference.h"
#include "runnel/error.h"
#include "support/batch_rows.h"

namespace runnel::format {
namespace {

JsonOptions options(const OptionMap& m = {}) {
  ReadOptions o;
  o.options = m;
  return JsonOptions::from(o);
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

TEST(JsonInferSchema, InfersSparkTypesWithFieldsSortedByName) {
  struct Case {
    const char* name;
    const char* text;
    const char* schema;
  };
  const Case cases[] = {
      {"scalars", R"({"s":"x","n":1,"d":1.5,"b":true})",
       "b: boolean, d: double, n: bigint, s: string"},
      {"long and double merge to double", "{\"a\":1}\n{\"a\":2.5}", "a: double"},
      {"null alone is string", R"({"a":null})", "a: string"},
      {"null then long", "{\"a\":null}\n{\"a\":3}", "a: bigint"},
      {"missing fields merge", "{\"b\":1}\n{\"a\":\"x\"}", "a: string, b: bigint"},
      {"bool and long conflict", "{\"a\":true}\n{\"a\":1}", "a: string"},
      {"nested struct", R"({"p":{"y":1,"x":"a"}})", "p: struct<x:string,y:bigint>"},
      {"array", R"({"xs":[1,2.5]})", "xs: array<double>"},
      {"empty array", R"({"xs":[]})", "xs: array<string>"},
      {"empty struct is dropped", R"({"e":{},"a":1})", "a: bigint"},
      {"top-level array of objects", R"([{"a":1},{"b":"x"}])", "a: bigint, b: string"},
      {"blank lines", "\n{\"a\":1}\n   \n", "a: bigint"},
      {"huge integer", R"({"a":18446744073709551615})", "a: double"},
  };
  for (const auto& c : cases) {
    std::string_view text = c.text;
    EXPECT_EQ(inferJsonSchema({text}, options()).simpleString(), c.schema) << c.name;
  }
}

TEST(JsonInferSchema, MalformedLinesAddTheCorruptRecordColumn) {
  std::string_view text = "{\"a\":1}\n{oops\n";
  EXPECT_EQ(inferJsonSchema({text}, options()).simpleString(),
            "_corrupt_record: string, a: bigint");
  EXPECT_EQ(inferJsonSchema({text}, options({{"mode", "DROPMALFORMED"}})).simpleString(),
            "a: bigint");
  try {
    inferJsonSchema({text}, options({{"mode", "FAILFAST"}}));
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.errorClass(), ErrorClass::SparkException);
    EXPECT_EQ(e.message(),
              "[MALFORMED_RECORD_IN_SCHEMA_INFERENCE] Malformed records are detected in schema "
              "inference. Parse Mode: FAILFAST. SQLSTATE: 22023");
  }
}

TEST(JsonReader, ReadsInferredRowsWithCorruptRecords) {
  std::string_view text = "{\"name\":\"Alice\",\"age\":34}\n{\"name\":\"Bob\"}\nnot json\n";
  JsonOptions o = options();
  types::Schema schema = inferJsonSchema({text}, o);
  EXPECT_EQ(schema.simpleString(), "_corrupt_record: string, age: bigint, name: string");
  EXPECT_EQ(rows(readJson({text}, schema, o)),
            (std::vector<std::string>{"NULL | 34 | Alice", "NULL | NULL | Bob",
                                      "not json | NULL | NULL"}));
}

TEST(JsonReader, ConvertsToAGivenSchemaLikeJacksonParser) {
  std::string_view text =
      R"({"i":1,"l":5000000000,"d":2,"s":{"k":[1,2]},"t":"2024-01-01 10:00:00","b":false})"
      "\n"
      R"({"i":"x","l":1.5,"d":"NaN","s":7,"t":0,"b":null})";
  types::Schema schema;
  schema.fields = {{"i", types::intType(), true},       {"l", types::bigintType(), true},
                   {"d", types::doubleType(), true},    {"s", types::stringType(), true},
                   {"t", types::timestampType(), true}, {"b", types::booleanType(), true}};
  EXPECT_EQ(
      rows(readJson({text}, schema, options())),
      (std::vector<std::string>{"1 | 5000000000 | 2 | {\"k\":[1,2]} | 1704103200000000 | false",
                                "NULL | NULL | nan | 7 | 0 | NULL"}));
  EXPECT_EQ(rows(readJson({text}, schema, options({{"mode", "DROPMALFORMED"}}))).size(), 1u);
}

TEST(JsonReader, NestedStructsAndArrays) {
  std::string_view text = R"({"p":{"x":"a","y":[1,null]}})";
  JsonOptions o = options();
  types::Schema schema = inferJsonSchema({text}, o);
  EXPECT_EQ(schema.simpleString(), "p: struct<x:string,y:array<bigint>>");
  EXPECT_EQ(rows(readJson({text}, schema, o)), (std::vector<std::string>{"{a, [1, NULL]}"}));
}

TEST(JsonReader, DeepNestingIsAMalformedRecordNotACrash) {
  std::string deep = "{\"a\":" + std::string(5000, '[') + std::string(5000, ']') + "}";
  std::string_view text = deep;
  types::Schema schema = inferJsonSchema({text}, options());
  EXPECT_EQ(schema.simpleString(), "_corrupt_record: string");
}

}  // namespace
}  // namespace runnel::format
