// Join conditions written the PySpark way: df1.key == df2.key and df1["key"] bind to each
// DataFrame's own column, df.alias("a") qualifies col("a.key"), and a bare name both sides hold
// raises Spark's AMBIGUOUS_REFERENCE where the user wrote it.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <string>

#include "runnel/playground.h"
#include "support/playground_events.h"

namespace runnel {
namespace {

using Json = nlohmann::json;
using testing::ofType;
using testing::outputText;

constexpr const char* kTables =
    "from pyspark.sql import SparkSession\n"
    "from pyspark.sql.functions import col\n"
    "spark = SparkSession.builder.getOrCreate()\n"
    "df1 = spark.createDataFrame([(1, 'a'), (2, 'b')], ['key', 'v'])\n"
    "df2 = spark.createDataFrame([(2, 'x'), (3, 'y')], ['key', 'v'])\n";

Json run(const std::string& code) {
  PlaygroundOptions o;
  o.clock = std::make_shared<ManualClock>(1'700'000'000'000);
  Playground p(o);
  p.run(kTables + code);
  return Json::parse(p.takeEvents());
}

TEST(PlaygroundJoin, AttributeAndItemColumnsBindToTheirDataFrame) {
  Json events =
      run("j = df1.join(df2, df1.key == df2['key'], 'left')\n"
          "print(sorted(tuple(r) for r in j.select(df1.key, df2.key, df2.v).collect()))\n");
  ASSERT_TRUE(ofType(events, "error").empty()) << events.dump(2);
  EXPECT_EQ(outputText(events), "[(1, None, None), (2, 2, 'x')]\n");
}

TEST(PlaygroundJoin, ListOfConditionsIsTheirConjunction) {
  Json events =
      run("j = df1.join(df2, [df1.key == df2.key, df1.v < df2.v])\n"
          "print([tuple(r) for r in j.collect()])\n");
  ASSERT_TRUE(ofType(events, "error").empty()) << events.dump(2);
  EXPECT_EQ(outputText(events), "[(2, 'b', 2, 'x')]\n");
}

TEST(PlaygroundJoin, AliasedSelfJoin) {
  Json events =
      run("j = df1.alias('a').join(df1.alias('b'), col('a.key') < col('b.key'))\n"
          "print([tuple(r) for r in j.select('a.v', col('b.v')).collect()])\n");
  ASSERT_TRUE(ofType(events, "error").empty()) << events.dump(2);
  EXPECT_EQ(outputText(events), "[('a', 'b')]\n");
}

TEST(PlaygroundJoin, QualifiedStarExpandsOneAliasOrOneStruct) {
  Json events =
      run("j = df1.alias('a').join(df2.alias('b'), col('a.key') == col('b.key'))\n"
          "print(j.select('a.*', 'b.v').columns)\n"
          "df1.createOrReplaceTempView('words')\n"
          "print(spark.sql('SELECT words.v, words.* FROM words').columns)\n"
          "print(df1.select(col('key').cast('timestamp').alias('t'))"
          ".selectExpr('window(t, \"10 seconds\") AS w').select('w.*').columns)\n");
  ASSERT_TRUE(ofType(events, "error").empty()) << events.dump(2);
  EXPECT_EQ(outputText(events),
            "['key', 'v', 'v']\n"
            "['v', 'key', 'v']\n"
            "['start', 'end']\n");
}

TEST(PlaygroundJoin, StarOfNoAliasOrStructCannotExpand) {
  auto errors = ofType(run("df1.select('nope.*')\n"), "error");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0]["message"],
            "[CANNOT_RESOLVE_STAR_EXPAND] Cannot resolve `nope`.* given input columns `key`, `v`. "
            "Please check that the specified table or struct exists and is accessible in the "
            "input columns. SQLSTATE: 42704");
}

TEST(PlaygroundJoin, BareSharedNameIsAmbiguous) {
  auto errors = ofType(run("j = df1.join(df2, df1.key == df2.key)\n"
                           "j.select(col('key'))\n"),
                       "error");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0]["errorClass"], "AnalysisException");
  EXPECT_EQ(errors[0]["message"],
            "[AMBIGUOUS_REFERENCE] Reference `key` is ambiguous, could be: [`key`, `key`]. "
            "SQLSTATE: 42704");
  EXPECT_EQ(errors[0]["line"], 7);
}

}  // namespace
}  // namespace runnel
