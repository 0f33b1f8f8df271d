// spark.read over the session FileSystem: the page's people.csv example (header + inferSchema,
// show, groupBy city count), folders, json and text, and Spark's errors.
#include <gtest/gtest.h>

#include "runnel/error.h"
#include "support/batch_rows.h"
#include "support/source_harness.h"

namespace runnel {
namespace {

using functions::col;

const char* kPeople =
    "name,age,city\nAlice,34,Paris\nBob,28,Lyon\nChloe,41,Paris\nDavid,19,Nantes\nEmma,25,Lyon\n"
    "Farid,37,Paris\nGiulia,30,Nantes\nHugo,22,Paris\n";

TEST(DataFrameReader, PeopleCsvWithHeaderAndInferSchema) {
  testing::SourceHarness h;
  h.fs->writeAtomic("data/people.csv", kPeople);
  DataFrame df =
      h.spark->read().option("header", "true").option("inferSchema", "true").csv("data/people.csv");
  EXPECT_FALSE(df.isStreaming());
  EXPECT_EQ(df.schema().treeString(),
            "root\n |-- name: string (nullable = true)\n |-- age: integer (nullable = true)\n"
            " |-- city: string (nullable = true)\n");
  EXPECT_EQ(df.showString(),
            "+------+---+------+\n"
            "|  name|age|  city|\n"
            "+------+---+------+\n"
            "| Alice| 34| Paris|\n"
            "|   Bob| 28|  Lyon|\n"
            "| Chloe| 41| Paris|\n"
            "| David| 19|Nantes|\n"
            "|  Emma| 25|  Lyon|\n"
            "| Farid| 37| Paris|\n"
            "|Giulia| 30|Nantes|\n"
            "|  Hugo| 22| Paris|\n"
            "+------+---+------+\n");
  DataFrame counts = df.groupBy({col("city")}).count();
  EXPECT_EQ(counts.schema().simpleString(), "city: string, count: bigint");
  EXPECT_EQ(testing::sortedRows(counts.collect()),
            (std::vector<std::string>{"Lyon | 2", "Nantes | 2", "Paris | 4"}));
}

TEST(DataFrameReader, CsvWithoutOptionsIsAllStringsNamedByPosition) {
  testing::SourceHarness h;
  h.fs->writeAtomic("data/people.csv", kPeople);
  DataFrame df = h.spark->read().csv("data/people.csv");
  EXPECT_EQ(df.schema().simpleString(), "_c0: string, _c1: string, _c2: string");
  EXPECT_EQ(df.collect().num_rows, 9u);
}

TEST(DataFrameReader, FolderReadsEveryVisibleFileBiggestFirst) {
  testing::SourceHarness h;
  h.fs->writeAtomic("dir/a.txt", "a1\n");
  h.fs->writeAtomic("dir/b.txt", "b1\r\nb2\n\nb4");
  h.fs->writeAtomic("dir/_SUCCESS", "");
  DataFrame df = h.spark->read().text("dir");
  EXPECT_EQ(df.schema().simpleString(), "value: string");
  EXPECT_EQ(testing::orderedRows(df.collect()),
            (std::vector<std::string>{"b1", "b2", "", "b4", "a1"}));
}

TEST(DataFrameReader, JsonLinesWithInferredAndGivenSchema) {
  testing::SourceHarness h;
  h.fs->writeAtomic("p.json", "{\"name\":\"Alice\",\"age\":34}\n{\"name\":\"Bob\",\"age\":null}\n");
  DataFrame inferred = h.spark->read().json("p.json");
  EXPECT_EQ(inferred.schema().simpleString(), "age: bigint, name: string");
  EXPECT_EQ(testing::orderedRows(inferred.collect()),
            (std::vector<std::string>{"34 | Alice", "NULL | Bob"}));
  DataFrame given = h.spark->read().schema("name STRING, age INT").format("json").load("p.json");
  EXPECT_EQ(testing::orderedRows(given.collect()),
            (std::vector<std::string>{"Alice | 34", "Bob | NULL"}));
}

TEST(DataFrameReader, ErrorsAreSparks) {
  testing::SourceHarness h;
  try {
    h.spark->read().csv("nope.csv");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.errorClass(), ErrorClass::AnalysisException);
    EXPECT_EQ(e.message(), "[PATH_NOT_FOUND] Path does not exist: nope.csv. SQLSTATE: 42K03");
  }
  h.fs->writeAtomic("t.txt", "x");
  try {
    h.spark->read().schema("a INT").text("t.txt");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.errorClass(), ErrorClass::AnalysisException);
    EXPECT_EQ(e.message(),
              "[UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE] The Text datasource doesn't support the "
              "column `a` of the type \"INT\". SQLSTATE: 0A000");
  }
}

}  // namespace
}  // namespace runnel
