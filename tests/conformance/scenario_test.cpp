// The `.stream` parser: every Spark case parses, and the format's rules (FORMAT.md) hold one by
// one.
#include "runner/scenario.h"

#include <gtest/gtest.h>

#include <dirent.h>

#include <algorithm>
#include <cmath>

#include "runnel/error.h"

namespace runnel::conformance {
namespace {

using types::Value;

std::vector<std::string> streamFiles() {
  std::vector<std::string> out;
  DIR* dir = opendir(RUNNEL_CONFORMANCE_DIR);
  if (!dir) return out;
  while (dirent* e = readdir(dir)) {
    std::string n = e->d_name;
    if (n.size() > 7 && n.substr(n.size() - 7) == ".stream")
      out.push_back(std::string(RUNNEL_CONFORMANCE_DIR) + "/" + n);
  }
  closedir(dir);
  std::sort(out.begin(), out.end());
  return out;
}

TEST(Scenario, ParsesEverySparkCase) {
  auto files = streamFiles();
  ASSERT_GE(files.size(), 40u);
  for (const auto& f : files) {
    try {
      Scenario sc = loadScenarioFile(f);
      EXPECT_FALSE(sc.name.empty());
      EXPECT_FALSE(sc.query_code.empty()) << f;
      EXPECT_FALSE(sc.steps.empty()) << f;
      EXPECT_FALSE(sc.description.empty()) << f;
    } catch (const Error& e) {
      ADD_FAILURE() << f << ":" << e.line() << ": " << e.message();
    }
  }
}

TEST(Scenario, ParsesTheFormatExample) {
  Scenario sc = parseScenario(
      "# StreamingAggregationSuite: \"simple count, update mode\"\n"
      "input  input  value:int\n"
      "query update\n"
      "input.groupBy(\"value\").agg(count(\"*\"))\n"
      "end\n"
      "add input\n3\n2\nend\n"
      "check_last_batch\nvalue | count(1)\n3 | 1\n2 | 1\nend\n",
      "example");
  EXPECT_EQ(sc.name, "example");
  ASSERT_EQ(sc.description.size(), 1u);
  EXPECT_EQ(sc.description[0], "StreamingAggregationSuite: \"simple count, update mode\"");
  ASSERT_EQ(sc.inputs.size(), 1u);
  EXPECT_EQ(sc.inputs[0].name, "input");
  EXPECT_EQ(sc.inputs[0].schema.simpleString(), "value: int");
  EXPECT_EQ(sc.output_mode, "update");
  EXPECT_EQ(sc.query_code, "input.groupBy(\"value\").agg(count(\"*\"))");
  EXPECT_EQ(sc.query_line, 4);
  ASSERT_EQ(sc.steps.size(), 2u);
  EXPECT_EQ(sc.steps[0].kind, StepKind::AddData);
  EXPECT_EQ(sc.steps[0].line, 6);
  ASSERT_EQ(sc.steps[0].rows.size(), 2u);
  EXPECT_EQ(sc.steps[0].rows[0][0], Value::int32(3));
  EXPECT_EQ(sc.steps[1].kind, StepKind::CheckLastBatch);
  EXPECT_FALSE(sc.steps[1].ordered);
  EXPECT_EQ(sc.steps[1].line, 10);
  EXPECT_EQ(sc.steps[1].table.header, (std::vector<std::string>{"value", "count(1)"}));
  EXPECT_EQ(sc.steps[1].table.rows,
            (std::vector<std::vector<std::string>>{{"3", "1"}, {"2", "1"}}));
}

TEST(Scenario, ParsesEveryDirective) {
  Scenario sc = parseScenario(
      "trigger processingTime 1000\n"
      "static small number:int, tags:array<string>\n1 | [a, b]\n2 | []\nend\n"
      "input events ts:timestamp, ok:boolean, x:double, n:bigint\n"
      "query append\nx = 1\n\n# a python comment\nevents\nend\n"
      "add events\n2024-01-01 10:00:00 | true | 2.5 | NULL\nend\n"
      "add events\nend\n"
      "process\nadvance_clock 500\ncheck_num_state_rows 3\nstop\nstart\n"
      "check_answer_ordered\nts | ok\nend\n"
      "check_last_batch_ordered\nts\nend\n"
      "expect_error AnalysisException\n  first text  \n\nsecond 'text'\nend\n",
      "all");
  EXPECT_EQ(sc.trigger_processing_time_ms, 1000);
  ASSERT_EQ(sc.statics.size(), 1u);
  EXPECT_EQ(sc.statics[0].schema.simpleString(), "number: int, tags: array<string>");
  ASSERT_EQ(sc.statics[0].rows.size(), 2u);
  EXPECT_EQ(sc.statics[0].rows[0][1],
            Value::array(types::stringType(), {Value::string("a"), Value::string("b")}));
  EXPECT_EQ(sc.statics[0].rows[1][1], Value::array(types::stringType(), {}));
  EXPECT_EQ(sc.query_code, "x = 1\n\n# a python comment\nevents");
  std::vector<StepKind> kinds;
  for (const auto& s : sc.steps)
    kinds.push_back(s.kind);
  EXPECT_EQ(kinds,
            (std::vector<StepKind>{
                StepKind::AddData, StepKind::AddData, StepKind::Process, StepKind::AdvanceClock,
                StepKind::CheckNumStateRows, StepKind::StopStream, StepKind::StartStream,
                StepKind::CheckAnswer, StepKind::CheckLastBatch, StepKind::ExpectError}));
  const auto& row = sc.steps[0].rows.at(0);
  EXPECT_EQ(row[0], Value::timestampMicros(1704103200000000));
  EXPECT_EQ(row[1], Value::boolean(true));
  EXPECT_EQ(row[2], Value::float64(2.5));
  EXPECT_TRUE(row[3].is_null);
  EXPECT_EQ(row[3].type->id, types::TypeId::BigInt);
  EXPECT_TRUE(sc.steps[1].rows.empty());
  EXPECT_EQ(sc.steps[3].number, 500);
  EXPECT_EQ(sc.steps[4].number, 3);
  EXPECT_TRUE(sc.steps[7].ordered);
  EXPECT_TRUE(sc.steps[7].table.rows.empty());
  EXPECT_TRUE(sc.steps[8].ordered);
  EXPECT_EQ(sc.steps[9].error_class, "AnalysisException");
  EXPECT_EQ(sc.steps[9].error_texts, (std::vector<std::string>{"first text", "second 'text'"}));
}

TEST(Scenario, QuotedCells) {
  EXPECT_EQ(splitCells("a | 'b | c' | ''", 1), (std::vector<std::string>{"a", "'b | c'", "''"}));
  EXPECT_EQ(splitCells("'it''s' | it's", 1), (std::vector<std::string>{"'it''s'", "it's"}));
  EXPECT_EQ(splitCells("' a '", 1), (std::vector<std::string>{"' a '"}));
  EXPECT_EQ(splitCells("a |", 1), (std::vector<std::string>{"a", ""}));
  EXPECT_EQ(normaliseExpectedCell(" 'it''s' "), "it's");
  EXPECT_EQ(normaliseExpectedCell("''"), "");
  EXPECT_EQ(normaliseExpectedCell("' a '"), " a ");
  EXPECT_EQ(normaliseExpectedCell("'NULL'"), "'NULL'");
  EXPECT_EQ(normaliseExpectedCell("NULL"), "NULL");
  EXPECT_EQ(normaliseExpectedCell("'#tag'"), "#tag");

  Scenario sc = parseScenario(
      "input t v:string\nquery append\nt\nend\n"
      "add t\n'NULL'\nNULL\n''\n'it''s'\n' a | b '\n#hash\nend\n",
      "quotes");
  const auto& rows = sc.steps.at(0).rows;
  ASSERT_EQ(rows.size(), 6u);
  EXPECT_EQ(rows[0][0], Value::string("NULL"));
  EXPECT_TRUE(rows[1][0].is_null);
  EXPECT_EQ(rows[2][0], Value::string(""));
  EXPECT_EQ(rows[3][0], Value::string("it's"));
  EXPECT_EQ(rows[4][0], Value::string(" a | b "));
  EXPECT_EQ(rows[5][0], Value::string("#hash"));  // '#' is a comment only outside blocks
  EXPECT_EQ(conformanceCell(rows[0][0]), normaliseExpectedCell("'NULL'"));
  EXPECT_NE(conformanceCell(rows[1][0]), normaliseExpectedCell("'NULL'"));
  EXPECT_EQ(conformanceCell(rows[4][0]), normaliseExpectedCell("' a | b '"));
}

TEST(Scenario, ConformanceCellRendering) {
  auto window = types::structType(
      {{"start", types::timestampType(), true}, {"end", types::timestampType(), true}});
  struct Case {
    Value v;
    const char* text;
  };
  const Case cases[] = {
      {Value::int32(-3), "-3"},
      {Value::int64(9000000000), "9000000000"},
      {Value::float64(2.5), "2.5"},
      {Value::float64(6.0), "6.0"},
      {Value::float64(1e16), "1e+16"},
      {Value::float64(INFINITY), "inf"},
      {Value::float64(NAN), "nan"},
      {Value::boolean(false), "false"},
      {Value::string("a b"), "a b"},
      {Value::null(types::stringType()), "NULL"},
      {Value::timestampMicros(5000000), "1970-01-01 00:00:05"},
      {Value::timestampMicros(5250000), "1970-01-01 00:00:05.25"},
      {Value::structOf(window,
                       {Value::timestampMicros(10000000), Value::timestampMicros(20000000)}),
       "{1970-01-01 00:00:10, 1970-01-01 00:00:20}"},
      {Value::array(types::doubleType(), {Value::float64(1.0), Value::null(types::doubleType())}),
       "[1.0, NULL]"},
  };
  for (const auto& c : cases)
    EXPECT_EQ(conformanceCell(c.v), c.text) << c.text;
}

std::pair<int, std::string> parseError(const std::string& text) {
  try {
    parseScenario(text, "bad");
  } catch (const Error& e) {
    EXPECT_EQ(e.errorClass(), ErrorClass::ParseException) << e.message();
    return {e.line(), e.message()};
  }
  return {0, "no error"};
}

TEST(Scenario, ErrorsNameTheLine) {
  const std::string head = "input in v:int\nquery append\nin\nend\n";  // lines 1-4
  struct Case {
    std::string text;
    int line;
    const char* fragment;
  };
  const Case cases[] = {
      {head + "add in\n1\nx\nend\n", 7, "'x' is not a valid integer cell"},
      {head + "add in\n1 | 2\nend\n", 6, "row has 2 cells"},
      {head + "add nowhere\nend\n", 5, "names no declared input"},
      {head + "check_answer\nv\n1\n", 5, "has no 'end'"},
      {head + "check_answer\nend\n", 5, "needs a header"},
      {head + "check_answer\nv\n1 | 2\nend\n", 7, "row has 2 cells"},
      {head + "frobnicate\n", 5, "unknown directive 'frobnicate'"},
      {head + "end\n", 5, "'end' closes no block"},
      {head + "check_num_state_rows many\n", 5, "non-negative integer"},
      {head + "advance_clock -5\n", 5, "non-negative integer"},
      {head + "stop now\n", 5, "takes no arguments"},
      {head + "trigger processingTime 10\n", 5, "before 'query'"},
      {head + "query append\nin\nend\n", 5, "one 'query'"},
      {head + "add in\n'open\nend\n", 6, "unterminated quoted cell"},
      {"input in v:float\n", 1, "unknown column type 'float'"},
      {"input in v\n", 1, "is not COL:TYPE"},
      {"input in v:int\ninput in w:int\n", 2, "declared twice"},
      {"input in v:int\nquery sideways\nin\nend\n", 2, "append, complete or update"},
      {"input in v:int\nprocess\n", 2, "after 'query'"},
      {"input in v:int\n", 1, "no 'query'"},
      {"input in t:timestamp\nquery append\nin\nend\nadd in\n2024-13-01 00:00:00\nend\n", 6,
       "not a valid timestamp cell"},
      {"input in a:array<int>\nquery append\nin\nend\nadd in\n[1, [2]\nend\n", 6,
       "unbalanced array cell"},
  };
  for (const auto& c : cases) {
    auto [line, message] = parseError(c.text);
    EXPECT_EQ(line, c.line) << c.text << "\n" << message;
    EXPECT_NE(message.find(c.fragment), std::string::npos) << message;
  }
}

TEST(Scenario, ColumnTypes) {
  auto schema = parseColumnSpecs(
      "a:INT, b:bigint,c:double , d:string, e:boolean, f:timestamp, g:array<array<int>>", 1);
  EXPECT_EQ(
      schema.simpleString(),
      "a: int, b: bigint, c: double, d: string, e: boolean, f: timestamp, g: array<array<int>>");
  EXPECT_EQ(parseCellValue("[[1, 2], [], NULL]", schema[6].type, 1),
            Value::array(types::arrayType(types::intType()),
                         {Value::array(types::intType(), {Value::int32(1), Value::int32(2)}),
                          Value::array(types::intType(), {}),
                          Value::null(types::arrayType(types::intType()))}));
  EXPECT_EQ(parseCellValue("-2147483648", types::intType(), 1), Value::int32(INT32_MIN));
  EXPECT_THROW(parseCellValue("2147483648", types::intType(), 1), Error);
  EXPECT_EQ(parseCellValue("1e+16", types::doubleType(), 1), Value::float64(1e16));
  EXPECT_EQ(parseCellValue("['a, b', c]", types::arrayType(types::stringType()), 1),
            Value::array(types::stringType(), {Value::string("a, b"), Value::string("c")}));
}

}  // namespace
}  // namespace runnel::conformance
