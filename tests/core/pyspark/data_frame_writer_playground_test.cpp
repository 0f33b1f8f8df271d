// DataFrameWriter from PySpark, the way a foreachBatch function uses it: df.write with each save
// mode on a folder, Spark's errors for an existing path, a bad mode and a streaming DataFrame, and
// the batch DataFrame's own actions (count, show, persist) inside the function. Also foreach, with
// a function and with a writer object.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "runnel/playground.h"
#include "support/playground_events.h"

namespace runnel {
namespace {

using Json = nlohmann::json;
using testing::ofType;
using testing::outputText;

constexpr const char* kPrelude =
    "from pyspark.sql import SparkSession\n"
    "spark = SparkSession.builder.getOrCreate()\n";
// The course's socket source, for the foreachBatch / foreach tests.
constexpr const char* kSocketLines =
    "lines = spark.readStream.format('socket').option('host', 'localhost')"
    ".option('port', 9999).load()\n";

struct Session {
  Session() {
    o.clock = clock;
    o.file_system = fs;
  }
  Json run(const std::string& code) {
    Playground p(o);
    p.run(kPrelude + code);
    return Json::parse(p.takeEvents());
  }
  // Lines typed into `nc -lk 9999`, then the next trigger a second later.
  void typeThenTrigger(Playground& p, const std::vector<std::string>& lines) {
    p.pushLines("localhost:9999", lines);
    clock->advance(1000);
    p.tick();
  }
  std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>(1'700'000'000'000);
  std::shared_ptr<FileSystem> fs = makeMemoryFileSystem();
  PlaygroundOptions o;
};

TEST(ForeachBatchSink, FunctionAppendsEachBatchWithDataFrameWriter) {
  Session s;
  Playground p(s.o);
  p.run(std::string(kPrelude) + kSocketLines +
        "def save(df, batch_id):\n"
        "    df.persist()\n"
        "    print(f'batch {batch_id}: {df.count()} rows')\n"
        "    df.write.mode('append').format('csv').save('out')\n"
        "    df.write.json(f'json/{batch_id}')\n"
        "    df.show()\n"
        "    df.unpersist()\n"
        "q = lines.writeStream.foreachBatch(save).start()\n");
  p.tick();  // batch 0: the socket source's first, empty batch
  s.typeThenTrigger(p, {"a", "b"});
  s.typeThenTrigger(p, {"c"});
  Json events = Json::parse(p.takeEvents());
  ASSERT_TRUE(ofType(events, "error").empty()) << events.dump(2);
  EXPECT_EQ(outputText(events),
            "batch 0: 0 rows\n+-----+\n|value|\n+-----+\n+-----+\n\n"
            "batch 1: 2 rows\n+-----+\n|value|\n+-----+\n|    a|\n|    b|\n+-----+\n\n"
            "batch 2: 1 rows\n+-----+\n|value|\n+-----+\n|    c|\n+-----+\n\n");
  EXPECT_TRUE(s.fs->exists("out/_SUCCESS"));
  EXPECT_TRUE(s.fs->exists("json/2/_SUCCESS"));

  Json read = s.run(
      "print(sorted(r.value for r in spark.read.schema('value STRING').csv('out').collect()))\n"
      "print(spark.read.schema('value STRING').json('json/0').count())\n"
      "print(spark.read.schema('value STRING').json('json/1').count())\n");
  ASSERT_TRUE(ofType(read, "error").empty()) << read.dump(2);
  EXPECT_EQ(outputText(read), "['a', 'b', 'c']\n0\n2\n");
}

TEST(ForeachBatchSink, FunctionQueriesTheBatchThroughATempView) {
  Session s;
  Playground p(s.o);
  p.run(std::string(kPrelude) + kSocketLines +
        "def upper(df, batch_id):\n"
        "    df.createOrReplaceTempView('updates')\n"
        "    rows = df.sparkSession.sql('SELECT upper(value) AS v FROM updates').collect()\n"
        "    print(batch_id, [r.v for r in rows])\n"
        "q = lines.writeStream.foreachBatch(upper).start()\n");
  p.tick();
  s.typeThenTrigger(p, {"a", "b"});
  Json events = Json::parse(p.takeEvents());
  ASSERT_TRUE(ofType(events, "error").empty()) << events.dump(2);
  EXPECT_EQ(outputText(events), "0 []\n1 ['A', 'B']\n");
}

TEST(ForeachSink, FunctionRunsOnEveryRow) {
  Session s;
  Playground p(s.o);
  p.run(std::string(kPrelude) + kSocketLines +
        "q = lines.writeStream.foreach(lambda row: print(row.value.upper())).start()\n");
  p.tick();
  s.typeThenTrigger(p, {"a", "b"});
  Json events = Json::parse(p.takeEvents());
  ASSERT_TRUE(ofType(events, "error").empty()) << events.dump(2);
  EXPECT_EQ(outputText(events), "A\nB\n");
}

// What the user's function raises fails the query, wrapped as Spark 4.0's ForeachBatchSink and
// foreach writer wrap it (FOREACH_BATCH_USER_FUNCTION_ERROR / FOREACH_USER_FUNCTION_ERROR).
TEST(ForeachBatchSink, AnErrorInTheFunctionFailsTheQueryWrapped) {
  struct Case {
    const char* sink;  // the writeStream call
    const char* reason;
  };
  const Case cases[] = {
      {"foreachBatch(handle)",
       "[FOREACH_BATCH_USER_FUNCTION_ERROR] An error occurred in the user provided function in "
       "foreach batch sink. Reason: ValueError: bad batch 1 SQLSTATE: 39000"},
      {"foreachBatch(lambda df, i: df.select('nope').collect())",
       "[FOREACH_BATCH_USER_FUNCTION_ERROR] An error occurred in the user provided function in "
       "foreach batch sink. Reason: AnalysisException: [UNRESOLVED_COLUMN"},
      {"foreach(lambda row: 1 // 0)",
       "[FOREACH_USER_FUNCTION_ERROR] An error occurred in the user provided function in foreach "
       "sink. Reason: ZeroDivisionError: "},
  };
  for (const Case& c : cases) {
    Session s;
    Playground p(s.o);
    p.run(std::string(kPrelude) + kSocketLines +
          "def handle(df, batch_id):\n"
          "    if batch_id == 1:\n"
          "        raise ValueError(f'bad batch {batch_id}')\n"
          "q = lines.writeStream." +
          c.sink + ".start()\n");
    p.tick();  // batch 0 is empty: foreach calls nothing, handle() returns
    s.typeThenTrigger(p, {"a"});
    Json events = Json::parse(p.takeEvents());
    auto ended = ofType(events, "queryTerminated");
    ASSERT_EQ(ended.size(), 1u) << c.sink << "\n" << events.dump(2);
    ASSERT_TRUE(ended[0]["error"].is_object()) << c.sink;
    EXPECT_EQ(ended[0]["error"]["errorClass"], "StreamingQueryException") << c.sink;
    const std::string message = ended[0]["error"]["message"];
    EXPECT_TRUE(message.starts_with("[STREAM_FAILED] Query [id = ")) << message;
    EXPECT_NE(message.find("] terminated with exception: " + std::string(c.reason)),
              std::string::npos)
        << message;
  }
}

// The Structured Streaming guide's writer class: open(partition_id, epoch_id) says whether the
// rows reach process(row), close(error) ends each batch. Runnel's batches are one partition.
constexpr const char* kForeachWriter =
    "class ForeachWriter:\n"
    "    def __init__(self):\n"
    "        self.seen = 0\n"
    "    def open(self, partition_id, epoch_id):\n"
    "        print('open', partition_id, epoch_id)\n"
    "        return epoch_id != 2\n"
    "    def process(self, row):\n"
    "        self.seen += 1\n"
    "        print('process', 10 // len(row.value))\n"
    "    def close(self, error):\n"
    "        print('close', type(error).__name__, self.seen)\n";

TEST(ForeachSink, WriterObjectOpensProcessesAndCloses) {
  Session s;
  Playground p(s.o);
  p.run(std::string(kPrelude) + kSocketLines + kForeachWriter +
        "q = lines.writeStream.foreach(ForeachWriter()).start()\n");
  p.tick();
  s.typeThenTrigger(p, {"a", "bb"});
  s.typeThenTrigger(p, {"skipped"});
  Json events = Json::parse(p.takeEvents());
  ASSERT_TRUE(ofType(events, "error").empty()) << events.dump(2);
  EXPECT_EQ(outputText(events),
            "open 0 0\nclose NoneType 0\n"
            "open 0 1\nprocess 10\nprocess 5\nclose NoneType 2\n"
            "open 0 2\nclose NoneType 2\n");
  // What process() raises goes to close(), then fails the query as Spark's foreach writer does.
  s.typeThenTrigger(p, {""});
  events = Json::parse(p.takeEvents());
  EXPECT_EQ(outputText(events), "open 0 3\nclose ZeroDivisionError 3\n");
  auto ended = ofType(events, "queryTerminated");
  ASSERT_EQ(ended.size(), 1u) << events.dump(2);
  EXPECT_NE(ended[0]["error"]["message"].get<std::string>().find(
                "[FOREACH_USER_FUNCTION_ERROR] An error occurred in the user provided function in "
                "foreach sink. Reason: ZeroDivisionError: "),
            std::string::npos)
      << ended[0]["error"].dump();
}

// PySpark's checks of the object, at foreach(): process must be there, and every one of process,
// open and close there must be callable.
TEST(ForeachSink, WriterObjectWithoutACallableMethodIsRefused) {
  struct Case {
    const char* object;
    const char* attr;
  };
  for (const Case& c : {Case{"42", "process"}, Case{"NoProcess()", "process"},
                        Case{"ProcessValue()", "process"}, Case{"OpenValue()", "open"}}) {
    Session s;
    auto errors = ofType(s.run("lines = spark.readStream.format('rate').load()\n"
                               "class NoProcess:\n    def open(self, p, e):\n        return True\n"
                               "class ProcessValue:\n    process = 1\n"
                               "class OpenValue:\n    open = None\n"
                               "    def process(self, row):\n        pass\n"
                               "lines.writeStream.foreach(" +
                               std::string(c.object) + ")\n"),
                         "error");
    ASSERT_EQ(errors.size(), 1u) << c.object;
    EXPECT_EQ(errors[0]["errorClass"], "AttributeError");
    EXPECT_EQ(errors[0]["message"], "[ATTRIBUTE_NOT_CALLABLE] Attribute `" + std::string(c.attr) +
                                        "` in provided object `f` is not callable.")
        << c.object;
    EXPECT_EQ(errors[0]["line"], 13) << c.object;
  }
}

TEST(DataFrameWriter, SaveModesDecideAgainstAnExistingPath) {
  struct Case {
    std::string mode;
    std::string rows_after;  // what spark.read finds after writing [5, 6] over [1]
  };
  for (const Case& c :
       {Case{"append", "[1, 5, 6]"}, Case{"overwrite", "[5, 6]"}, Case{"ignore", "[1]"}}) {
    Session s;
    Json events = s.run(
        "spark.createDataFrame([(1,)], ['n']).write.csv('out')\n"
        "spark.createDataFrame([(5,), (6,)], ['n']).write.mode('" +
        c.mode +
        "').csv('out')\n"
        "print(sorted(r.n for r in spark.read.schema('n INT').csv('out').collect()))\n");
    ASSERT_TRUE(ofType(events, "error").empty()) << c.mode << events.dump(2);
    EXPECT_EQ(outputText(events), c.rows_after + "\n") << c.mode;
  }
}

TEST(DataFrameWriter, JsonKeywordOptionsReachTheWriter) {
  Session s;
  Json events = s.run(
      "df = spark.createDataFrame([(1, 'a'), (2, None)], ['id', 'name'])\n"
      "df.write.json('j', ignoreNullFields=False, lineSep='\\r\\n')\n");
  ASSERT_TRUE(ofType(events, "error").empty()) << events.dump(2);
  std::vector<std::string> parts;
  for (const std::string& name : s.fs->list("j"))
    if (name.find("part-") != std::string::npos) parts.push_back(name);
  ASSERT_EQ(parts.size(), 1u);
  const std::string path = parts[0].find('/') == std::string::npos ? "j/" + parts[0] : parts[0];
  EXPECT_EQ(s.fs->read(path).value_or("(missing)"),
            "{\"id\":1,\"name\":\"a\"}\r\n{\"id\":2,\"name\":null}\r\n");
}

TEST(DataFrameWriter, SparkErrors) {
  struct Case {
    std::string code;
    std::string error_class;
    std::string message;
  };
  for (const Case& c : {
           Case{"spark.range(1).write.json('out')\nspark.range(1).write.mode('error').json('out')",
                "AnalysisException",
                "[PATH_ALREADY_EXISTS] Path out already exists. Set mode as \"overwrite\" to "
                "overwrite the existing path. SQLSTATE: 42K04"},
           Case{"spark.range(1).write.json('out')\nspark.range(1).write.json('out')",
                "AnalysisException",
                "[PATH_ALREADY_EXISTS] Path out already exists. Set mode as \"overwrite\" to "
                "overwrite the existing path. SQLSTATE: 42K04"},
           Case{"w = spark.range(1).write\nw.mode('upsert')", "AnalysisException",
                "[INVALID_SAVE_MODE] The specified save mode \"upsert\" is invalid. Valid save "
                "modes include \"append\", \"overwrite\", \"ignore\", \"error\", "
                "\"errorifexists\", and \"default\". SQLSTATE: 42000"},
           Case{"df = spark.readStream.format('rate').load()\ndf.write", "AnalysisException",
                "[CALL_ON_STREAMING_DATASET_UNSUPPORTED] The method `write` can not be called on "
                "streaming Dataset/DataFrame. SQLSTATE: 42KDE"},
           Case{"x = 1\nspark.range(1).write.format('noop').save()", "AnalysisException",
                "TableProvider implementation noop cannot be written with ErrorIfExists mode, "
                "please use Append or Overwrite modes instead."},
           Case{"df = spark.range(2)\ndf.write.text('out')", "AnalysisException",
                "[UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE] The Text datasource doesn't support the "
                "column `id` of the type \"BIGINT\". SQLSTATE: 0A000"},
       }) {
    Session s;
    auto errors = ofType(s.run(c.code + "\n"), "error");
    ASSERT_EQ(errors.size(), 1u) << c.code;
    EXPECT_EQ(errors[0]["errorClass"], c.error_class) << c.code;
    EXPECT_EQ(errors[0]["message"], c.message) << c.code;
    EXPECT_EQ(errors[0]["line"], 4) << c.code;
  }
}

TEST(DataFrameWriter, CompressionIsNotSupported) {
  Session s;
  auto errors = ofType(s.run("spark.range(1).write.csv('out', compression='gzip')\n"), "error");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0]["errorClass"], "NotImplementedError");
  EXPECT_FALSE(s.fs->exists("out"));
}

TEST(DataFrameWriter, NoopFormatRunsThePlanAndWritesNothing) {
  Session s;
  Json fine =
      s.run("spark.range(3).write.format('noop').mode('overwrite').save('out')\nprint('ok')\n");
  ASSERT_TRUE(ofType(fine, "error").empty()) << fine.dump(2);
  EXPECT_EQ(outputText(fine), "ok\n");
  EXPECT_FALSE(s.fs->exists("out"));
  // The plan runs: a row that fails at run time fails the write.
  Json failed = s.run(
      "spark.range(1).selectExpr(\"cast('x' as int) AS v\").write.format('noop')"
      ".mode('append').save()\n");
  auto errors = ofType(failed, "error");
  ASSERT_EQ(errors.size(), 1u) << failed.dump(2);
  EXPECT_EQ(errors[0]["message"].get<std::string>().rfind("[CAST_INVALID_INPUT]", 0), 0u);
}

TEST(DataFrameWriter, ConsoleFormatShowsTheRows) {
  Session s;
  Json events = s.run("spark.range(2).write.format('console').option('numRows', 1).save()\n");
  ASSERT_TRUE(ofType(events, "error").empty()) << events.dump(2);
  EXPECT_EQ(outputText(events), "+---+\n| id|\n+---+\n|  0|\n+---+\nonly showing top 1 row\n\n");
}

}  // namespace
}  // namespace runnel
