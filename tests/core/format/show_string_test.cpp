// showString byte for byte against console-and-show.md §2 and §4 (Spark 3.5/4.0,
// DataFrameShowSuite).
#include "format/show_string.h"

#include <gtest/gtest.h>

#include <cmath>

#include "runnel/error.h"

namespace runnel::format {
namespace {

using types::Value;

types::Batch makeBatch(std::vector<types::Field> fields,
                       const std::vector<std::vector<Value>>& rows) {
  types::Batch b;
  b.schema.fields = std::move(fields);
  for (const auto& f : b.schema.fields) {
    auto col = types::Column::make(f.type);
    for (const auto& row : rows)
      col->appendValue(row[b.columns.size()]);
    b.columns.push_back(col);
  }
  b.num_rows = rows.size();
  return b;
}

types::Batch wordCounts(const std::vector<std::pair<std::string, int64_t>>& rows) {
  std::vector<std::vector<Value>> values;
  for (const auto& [w, c] : rows)
    values.push_back({Value::string(w), Value::int64(c)});
  return makeBatch({{"word", types::stringType(), true}, {"count", types::bigintType(), false}},
                   values);
}

TEST(ShowString, ConsoleHeader) {
  EXPECT_EQ(consoleBatchHeader(0),
            "-------------------------------------------\nBatch: "
            "0\n-------------------------------------------\n");
  EXPECT_EQ(consoleBatchHeader(12).substr(44, 10), "Batch: 12\n");
}

TEST(ShowString, ExampleAWordCount) {
  EXPECT_EQ(showString(wordCounts({}), 20, 20, false, "UTC"),
            "+----+-----+\n|word|count|\n+----+-----+\n+----+-----+\n");
  EXPECT_EQ(showString(wordCounts({{"cat", 2}, {"dog", 1}}), 20, 20, false, "UTC"),
            "+----+-----+\n"
            "|word|count|\n"
            "+----+-----+\n"
            "| cat|    2|\n"
            "| dog|    1|\n"
            "+----+-----+\n");
  EXPECT_EQ(showString(wordCounts({{"", 1}}), 20, 20, false, "UTC"),
            "+----+-----+\n|word|count|\n+----+-----+\n|    |    1|\n+----+-----+\n");
}

TEST(ShowString, ExampleBNullsDoublesComplexTypesTruncation) {
  auto tags = types::arrayType(types::stringType());
  auto info =
      types::structType({{"id", types::intType(), true}, {"tag", types::stringType(), true}});
  auto batch =
      makeBatch({{"name", types::stringType(), true},
                 {"score", types::doubleType(), true},
                 {"tags", tags, true},
                 {"info", info, true}},
                {{Value::string("Alice"), Value::float64(1.0),
                  Value::array(types::stringType(), {Value::string("a"), Value::string("b")}),
                  Value::structOf(info, {Value::int32(1), Value::null(types::stringType())})},
                 {Value::null(types::stringType()), Value::float64(1e10),
                  Value::array(types::stringType(), {}), Value::null(info)},
                 {Value::string("a very long name that exceeds"), Value::float64(std::nan("")),
                  Value::array(types::stringType(), {Value::null(types::stringType())}),
                  Value::structOf(info, {Value::int32(2), Value::string("x")})}});
  EXPECT_EQ(showString(batch, 20, 20, false, "UTC"),
            "+--------------------+------+------+---------+\n"
            "|                name| score|  tags|     info|\n"
            "+--------------------+------+------+---------+\n"
            "|               Alice|   1.0|[a, b]|{1, NULL}|\n"
            "|                NULL|1.0E10|    []|     NULL|\n"
            "|a very long name ...|   NaN|[NULL]|   {2, x}|\n"
            "+--------------------+------+------+---------+\n");
  // truncate=False: left-aligned and whole.
  EXPECT_EQ(showString(batch, 20, 0, false, "UTC"),
            "+-----------------------------+------+------+---------+\n"
            "|name                         |score |tags  |info     |\n"
            "+-----------------------------+------+------+---------+\n"
            "|Alice                        |1.0   |[a, b]|{1, NULL}|\n"
            "|NULL                         |1.0E10|[]    |NULL     |\n"
            "|a very long name that exceeds|NaN   |[NULL]|{2, x}   |\n"
            "+-----------------------------+------+------+---------+\n");
}

types::Batch ids(int n) {
  std::vector<std::vector<Value>> rows;
  for (int i = 0; i < n; ++i)
    rows.push_back({Value::int64(i)});
  return makeBatch({{"id", types::bigintType(), false}}, rows);
}

TEST(ShowString, ExampleCFooter) {
  EXPECT_EQ(showString(ids(3), 2, 20, false, "UTC"),
            "+---+\n| id|\n+---+\n|  0|\n|  1|\n+---+\nonly showing top 2 rows\n");
  EXPECT_EQ(showString(ids(3), 1, 20, false, "UTC"),
            "+---+\n| id|\n+---+\n|  0|\n+---+\nonly showing top 1 row\n");
  EXPECT_EQ(showString(ids(3), 0, 20, false, "UTC"),
            "+---+\n| id|\n+---+\n+---+\nonly showing top 0 rows\n");
  EXPECT_EQ(showString(ids(3), -5, 20, false, "UTC"),
            "+---+\n| id|\n+---+\n+---+\nonly showing top 0 rows\n");
  EXPECT_EQ(showString(ids(3), 3, 20, false, "UTC"),
            "+---+\n| id|\n+---+\n|  0|\n|  1|\n|  2|\n+---+\n");
  EXPECT_EQ(showString(ids(0), 0, 20, false, "UTC"), "+---+\n| id|\n+---+\n+---+\n");
}

TEST(ShowString, ExampleCWindowTruncation) {
  auto window = types::structType(
      {{"start", types::timestampType(), true}, {"end", types::timestampType(), true}});
  auto batch = makeBatch({{"window", window, true},
                          {"word", types::stringType(), true},
                          {"count", types::bigintType(), false}},
                         {{Value::structOf(window, {Value::timestampMicros(1704103200000000),
                                                    Value::timestampMicros(1704103800000000)}),
                           Value::string("cat"), Value::int64(2)}});
  std::string out = showString(batch, 20, 20, false, "UTC");
  EXPECT_NE(out.find("|{2024-01-01 10:00...| cat|    2|\n"), std::string::npos) << out;
  // The session zone moves the printed times.
  out = showString(batch, 20, 0, false, "+01:00");
  EXPECT_NE(out.find("|{2024-01-01 11:00:00, 2024-01-01 11:10:00}|cat |2    |\n"),
            std::string::npos)
      << out;
}

TEST(ShowString, FullWidthCharactersCountDouble) {
  auto batch = makeBatch({{"名前", types::stringType(), true}, {"n", types::intType(), true}},
                         {{Value::string("日本語"), Value::int32(1)}});
  EXPECT_EQ(showString(batch, 20, 20, false, "UTC"),
            "+------+---+\n|  名前|  n|\n+------+---+\n|日本語|  1|\n+------+---+\n");
  EXPECT_EQ(stringHalfWidth("日本語"), 6u);
  EXPECT_EQ(stringHalfWidth("ｱ"),
            1u);  // half-width katakana (U+FF71) is outside the full-width ranges
  EXPECT_EQ(utf16Length("a😀"), 3u);  // a surrogate pair counts two UTF-16 units
}

TEST(ShowString, TruncationRules) {
  auto strings = [](std::vector<std::string> vs) {
    std::vector<std::vector<Value>> rows;
    for (auto& v : vs)
      rows.push_back({Value::string(v)});
    return makeBatch({{"v", types::stringType(), true}}, rows);
  };
  // truncate < 4 cuts without dots.
  EXPECT_EQ(showString(strings({"abcdef"}), 20, 2, false, "UTC"),
            "+---+\n|  v|\n+---+\n| ab|\n+---+\n");
  EXPECT_EQ(showString(strings({"abcdef"}), 20, 5, false, "UTC"),
            "+-----+\n|    v|\n+-----+\n|ab...|\n+-----+\n");
  // Exactly `truncate` long: untouched. Lengths are UTF-16 units: the emoji counts 2.
  EXPECT_EQ(showString(strings({"abcde"}), 20, 5, false, "UTC"),
            "+-----+\n|    v|\n+-----+\n|abcde|\n+-----+\n");
  EXPECT_EQ(showString(strings({"😀😀😀"}), 20, 5, false, "UTC"),
            "+-----+\n|    v|\n+-----+\n|😀...|\n+-----+\n");
  // Header names are never truncated.
  auto wide =
      makeBatch({{"a_very_long_column_name_here", types::intType(), true}}, {{Value::int32(1)}});
  EXPECT_EQ(showString(wide, 20, 5, false, "UTC"),
            "+----------------------------+\n|a_very_long_column_name_here|\n+---------------------"
            "-------+\n"
            "|                           1|\n+----------------------------+\n");
}

TEST(ShowString, EscapesMetaCharacters) {
  auto batch =
      makeBatch({{"a\tb", types::stringType(), true}}, {{Value::string("x\ny\r\f\b\v\a")}});
  EXPECT_EQ(showString(batch, 20, 20, false, "UTC"),
            "+--------------+\n|          "
            "a\\tb|\n+--------------+\n|x\\ny\\r\\f\\b\\v\\a|\n+--------------+\n");
}

TEST(ShowString, VerticalMode) {
  auto batch = makeBatch({{"value", types::stringType(), true}},
                         {{Value::string("1")}, {Value::string("111111111111111111111")}});
  EXPECT_EQ(showString(batch, 20, 20, true, "UTC"),
            "-RECORD 0---------------------\n"
            " value | 1                    \n"
            "-RECORD 1---------------------\n"
            " value | 11111111111111111... \n");
  EXPECT_EQ(showString(ids(0), 20, 20, true, "UTC"), "(0 rows)\n");
  EXPECT_EQ(showString(ids(3), 1, 20, true, "UTC"),
            "-RECORD 0--\n id  | 0   \nonly showing top 1 row\n");
}

TEST(ShowString, UnknownTimeZoneIsAnError) {
  EXPECT_THROW(showString(ids(1), 20, 20, false, "Not/AZone"), Error);
}

}  // namespace
}  // namespace runnel::format
