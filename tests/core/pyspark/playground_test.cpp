// Playground end to end: PySpark programs run through the interpreter against the engine, with a
// ManualClock and socket lines pushed in; events checked as JSON.
#include "runnel/playground.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <string>

namespace runnel {
namespace {

using Json = nlohmann::json;

const char* kCourseCell = R"(from pyspark.sql import SparkSession
from pyspark.sql.functions import explode, split, col
spark = SparkSession.builder.appName("StructuredNetworkWordCount").master("local[*]").getOrCreate()
spark.sparkContext.setLogLevel("WARN")
lines = spark.readStream.format("socket").option("host", "localhost").option("port", 9999).load()
words = lines.select(explode(split(col("value"), " ")).alias("word"))
wordCounts = words.groupBy("word").count()
query = wordCounts.writeStream.outputMode("complete").format("console").trigger(processingTime="2 seconds").start()
query.awaitTermination()
)";

struct Fixture {
  std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>(1'700'000'000'000);
  std::unique_ptr<Playground> pg;
  explicit Fixture(uint64_t max_steps = 1'000'000) {
    PlaygroundOptions o;
    o.clock = clock;
    o.max_steps = max_steps;
    pg = std::make_unique<Playground>(o);
  }
  Json events() { return Json::parse(pg->takeEvents()); }
  static std::vector<Json> ofType(const Json& events, const std::string& type) {
    std::vector<Json> out;
    for (const Json& e : events) {
      if (e["type"] == type) out.push_back(e);
    }
    return out;
  }
};

TEST(Playground, CourseWordCountCellRunsUnmodified) {
  Fixture f;
  f.pg->run(kCourseCell);
  Json first = f.events();
  ASSERT_TRUE(Fixture::ofType(first, "error").empty()) << first.dump(2);
  // The program waits at query.awaitTermination() until the query ends, as Spark's driver does.
  EXPECT_TRUE(Fixture::ofType(first, "scriptDone").empty());
  auto waits = Fixture::ofType(first, "scriptWaiting");
  ASSERT_EQ(waits.size(), 1u);
  EXPECT_EQ(
      waits[0],
      (Json{
          {"type", "scriptWaiting"}, {"call", "awaitTermination"}, {"line", 9}, {"timed", false}}));
  EXPECT_TRUE(f.pg->programWaiting());
  auto started = Fixture::ofType(first, "queryStarted");
  ASSERT_EQ(started.size(), 1u);
  EXPECT_EQ(started[0]["sockets"], Json::array({"localhost:9999"}));
  EXPECT_TRUE(f.pg->hasActiveQueries());

  f.pg->tick();
  Json all = first;
  for (const Json& e : f.events())
    all.push_back(e);
  auto batches = Fixture::ofType(all, "batch");
  ASSERT_EQ(batches.size(), 1u) << all.dump(2);
  EXPECT_EQ(batches[0]["batchId"], 0);
  EXPECT_EQ(batches[0]["console"].get<std::string>(),
            "-------------------------------------------\nBatch: "
            "0\n-------------------------------------------\n"
            "+----+-----+\n|word|count|\n+----+-----+\n+----+-----+\n\n");

  f.pg->pushLines("localhost:9999", {"cat dog cat"});
  f.clock->advance(2000);
  f.pg->tick();
  Json next = f.events();
  auto later = Fixture::ofType(next, "batch");
  ASSERT_EQ(later.size(), 1u) << next.dump(2);
  EXPECT_EQ(later[0]["batchId"], 1);
  EXPECT_EQ(later[0]["columns"], Json::array({"word", "count"}));
  EXPECT_EQ(later[0]["types"], Json::array({"string", "bigint"}));
  Json rows = later[0]["rows"];
  std::sort(rows.begin(), rows.end());
  EXPECT_EQ(rows, Json::parse(R"([["cat","2"],["dog","1"]])"));
}

TEST(Playground, BadColumnIsAnAnalysisExceptionAtTheCall) {
  Fixture f;
  f.pg->run(
      "from pyspark.sql import SparkSession\n"
      "spark = SparkSession.builder.getOrCreate()\n"
      "lines = spark.readStream.format('socket').option('host', 'localhost').option('port', "
      "9999).load()\n"
      "words = lines.select('wrd')\n");
  auto errors = Fixture::ofType(f.events(), "error");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0]["errorClass"], "AnalysisException");
  EXPECT_NE(errors[0]["message"].get<std::string>().find("`wrd`"), std::string::npos);
  EXPECT_EQ(errors[0]["line"], 4);
  EXPECT_GE(errors[0]["column"].get<int>(), 9);
}

TEST(Playground, EndlessLoopEndsWithABoundedError) {
  Fixture f(10'000);
  f.pg->run("while True:\n    pass\n");
  Json events = f.events();
  auto errors = Fixture::ofType(events, "error");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0]["errorClass"], "RuntimeError");
  EXPECT_EQ(errors[0]["line"], 2);
  ASSERT_EQ(Fixture::ofType(events, "scriptDone").size(), 1u);
}

TEST(Playground, PrintAndShowBecomeOutputEvents) {
  Fixture f;
  f.pg->run(
      "from pyspark.sql import SparkSession\n"
      "spark = SparkSession.builder.getOrCreate()\n"
      "df = spark.createDataFrame([('a', 1), ('b', 2)], ['k', 'v'])\n"
      "print(df.columns, df.isStreaming)\n"
      "df.filter(df.v > 1).show()\n");
  Json events = f.events();
  ASSERT_TRUE(Fixture::ofType(events, "error").empty()) << events.dump(2);
  auto out = Fixture::ofType(events, "output");
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0]["text"], "['k', 'v'] False\n");
  EXPECT_EQ(out[1]["text"], "+---+---+\n|  k|  v|\n+---+---+\n|  b|  2|\n+---+---+\n\n");
}

// createDataFrame(data, "<DDL>") as PySpark parses the string (_parse_datatype_string).
TEST(Playground, CreateDataFrameTakesASchemaString) {
  struct Case {
    const char* call;
    const char* printed;  // printSchema() then show()
  };
  for (const Case& c : {
           Case{"spark.createDataFrame([(1, 'a'), (2, None)], 'id INT, name STRING')",
                "root\n |-- id: integer (nullable = true)\n |-- name: string (nullable = true)\n\n"
                "+---+----+\n| id|name|\n+---+----+\n|  1|   a|\n|  2|NULL|\n+---+----+\n\n"},
           Case{"spark.createDataFrame([3, 4], 'bigint')",
                "root\n |-- value: long (nullable = true)\n\n"
                "+-----+\n|value|\n+-----+\n|    3|\n|    4|\n+-----+\n\n"},
           Case{"spark.createDataFrame([(1, 'y')], ' a: int, b: string ')",
                "root\n |-- a: integer (nullable = true)\n |-- b: string (nullable = true)\n\n"
                "+---+---+\n|  a|  b|\n+---+---+\n|  1|  y|\n+---+---+\n\n"},
           Case{"spark.createDataFrame([('x',)], schema='struct<w:string>')",
                "root\n |-- w: string (nullable = true)\n\n+---+\n|  w|\n+---+\n|  x|\n+---+\n\n"},
       }) {
    Fixture f;
    f.pg->run(std::string("from pyspark.sql import SparkSession\n"
                          "spark = SparkSession.builder.getOrCreate()\n"
                          "df = ") +
              c.call + "\ndf.printSchema()\ndf.show()\n");
    Json events = f.events();
    ASSERT_TRUE(Fixture::ofType(events, "error").empty()) << c.call << events.dump(2);
    std::string printed;
    for (const Json& o : Fixture::ofType(events, "output"))
      printed += o["text"].get<std::string>();
    EXPECT_EQ(printed, c.printed) << c.call;
  }
  Fixture f;
  f.pg->run(
      "from pyspark.sql import SparkSession\n"
      "spark = SparkSession.builder.getOrCreate()\n"
      "df = spark.createDataFrame([(1,)], 'id INTT')\n");
  auto errors = Fixture::ofType(f.events(), "error");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0]["errorClass"], "ParseException");
  EXPECT_EQ(errors[0]["line"], 3);
}

TEST(Playground, NoopSinkRunsEveryBatchAndWritesNothing) {
  Fixture f;
  f.pg->run(R"(from pyspark.sql import SparkSession
spark = SparkSession.builder.getOrCreate()
lines = spark.readStream.format("socket").option("host", "localhost").option("port", 9999).load()
q = lines.groupBy("value").count().writeStream.outputMode("update").format("noop").start()
)");
  Json first = f.events();
  ASSERT_TRUE(Fixture::ofType(first, "error").empty()) << first.dump(2);
  f.pg->tick();
  f.pg->pushLines("localhost:9999", {"a", "b", "a"});
  f.clock->advance(10);
  f.pg->tick();
  Json later = f.events();
  EXPECT_TRUE(Fixture::ofType(later, "batch").empty());
  EXPECT_TRUE(Fixture::ofType(later, "output").empty());
  auto progress = Fixture::ofType(later, "progress");
  ASSERT_FALSE(progress.empty());
  const Json& last = progress.back()["progress"];
  EXPECT_EQ(last["batchId"], 1);
  EXPECT_EQ(last["numInputRows"], 3);
  EXPECT_EQ(last["sink"]["description"].get<std::string>().rfind(
                "org.apache.spark.sql.execution.datasources.noop.NoopTable$", 0),
            0u);
}

// A query that fails in a batch reports where the program meets the failure: the
// awaitTermination() it ended at (Spark raises it there), else the start() that started it.
TEST(Playground, AQueryFailureIsPlacedWhereTheProgramMeetsIt) {
  struct Case {
    const char* ending;
    int line;
    int column;
  };
  for (const Case& c : {Case{"q.awaitTermination()\n", 5, 3}, Case{"print('started')\n", 4, 79}}) {
    Fixture f;
    f.pg->run(std::string(R"(from pyspark.sql import SparkSession
spark = SparkSession.builder.getOrCreate()
lines = spark.readStream.format("socket").option("host", "localhost").option("port", 9999).load()
q = lines.selectExpr("CAST(value AS INT) AS n").writeStream.format("console").start()
)") + c.ending);
    f.events();
    f.pg->tick();
    f.pg->pushLines("localhost:9999", {"12", "twelve"});
    f.clock->advance(10);
    f.pg->tick();
    Json events = f.events();
    auto ended = Fixture::ofType(events, "queryTerminated");
    ASSERT_EQ(ended.size(), 1u) << events.dump(2);
    const Json& error = ended[0]["error"];
    EXPECT_NE(error["message"].get<std::string>().find("[CAST_INVALID_INPUT]"), std::string::npos)
        << error;
    EXPECT_EQ(error["line"], c.line) << c.ending;
    EXPECT_EQ(error["column"], c.column) << c.ending;
  }
}

TEST(Playground, TriggerArgumentsFollowPySpark) {
  struct Case {
    const char* trigger;
    const char* cls;
    const char* message;
  };
  for (const Case& c :
       {Case{"trigger()", "PySparkValueError",
             "[ONLY_ALLOW_SINGLE_TRIGGER] Only a single trigger is allowed."},
        Case{"trigger(once=True, processingTime='1 second')", "PySparkValueError",
             "[ONLY_ALLOW_SINGLE_TRIGGER] Only a single trigger is allowed."},
        Case{"trigger(once=False)", "PySparkValueError",
             "[VALUE_NOT_TRUE] Value for `once` must be True, got 'False'."},
        Case{"trigger(processingTime='')", "PySparkValueError",
             "[VALUE_NOT_NON_EMPTY_STR] Value for `processingTime` must be a non empty string, got "
             "''."},
        Case{"trigger('2 seconds')", "TypeError",
             "DataStreamWriter.trigger() takes 1 positional argument but 2 were given"}}) {
    Fixture f;
    f.pg->run(
        std::string(
            "from pyspark.sql import SparkSession\nspark = SparkSession.builder.getOrCreate()\n"
            "lines = spark.readStream.format('socket').option('host', 'localhost').option('port', "
            "9999).load()\n"
            "w = lines.writeStream.") +
        c.trigger + "\n");
    auto errors = Fixture::ofType(f.events(), "error");
    ASSERT_EQ(errors.size(), 1u) << c.trigger;
    EXPECT_EQ(errors[0]["errorClass"], c.cls) << c.trigger;
    EXPECT_EQ(errors[0]["message"], c.message) << c.trigger;
    EXPECT_EQ(errors[0]["line"], 4) << c.trigger;
  }
}

TEST(Playground, ForeachBatchCallsBackIntoPython) {
  Fixture f;
  f.pg->run(
      "from pyspark.sql import SparkSession\n"
      "spark = SparkSession.builder.getOrCreate()\n"
      "lines = spark.readStream.format('socket').option('host', 'localhost').option('port', "
      "9999).load()\n"
      "def handle(df, batch_id):\n"
      "    print(f'batch {batch_id}: {df.count()} rows, streaming={df.isStreaming}')\n"
      "q = lines.writeStream.foreachBatch(handle).start()\n");
  f.pg->tick();
  f.pg->pushLines("localhost:9999", {"a", "b"});
  f.clock->advance(1000);
  f.pg->tick();
  Json events = f.events();
  ASSERT_TRUE(Fixture::ofType(events, "error").empty()) << events.dump(2);
  std::string text;
  for (const Json& e : Fixture::ofType(events, "output"))
    text += e["text"].get<std::string>();
  EXPECT_NE(text.find("rows, streaming=False"), std::string::npos) << text;
  EXPECT_NE(text.find(": 2 rows"), std::string::npos) << text;
}

TEST(Playground, UnknownDataFrameMethodIsAnAttributeError) {
  Fixture f;
  f.pg->run(
      "from pyspark.sql import SparkSession\nspark = SparkSession.builder.getOrCreate()\n"
      "df = spark.range(3)\ndf.nope()\n");
  auto errors = Fixture::ofType(f.events(), "error");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0]["errorClass"], "AttributeError");
  EXPECT_EQ(errors[0]["message"], "'DataFrame' object has no attribute 'nope'");
  EXPECT_EQ(errors[0]["line"], 4);
  EXPECT_EQ(errors[0]["column"], 4);
}

}  // namespace
}  // namespace runnel
