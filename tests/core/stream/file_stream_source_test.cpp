// Spark's FileStreamSource for csv, json and text: discovery order, maxFilesPerTrigger,
// latestFirst, hidden files, the seen-files log across a restart, and the load() errors, on a
// manual clock.
#include <gtest/gtest.h>

#include "runnel/error.h"
#include "support/source_harness.h"

namespace runnel {
namespace {

using Rows = std::vector<std::string>;

TEST(FileStreamSource, NewFilesArePickedUpInModificationOrder) {
  testing::SourceHarness h;
  h.fs->writeAtomic("in/b.csv", "2,b\n");
  h.fs->writeAtomic("in/a.csv", "1,a\n");  // newer, so after b.csv despite its name
  DataFrame df = h.spark->readStream().schema("id INT, name STRING").csv("in");
  EXPECT_EQ(df.schema().simpleString(), "id: int, name: string");
  StreamingQuery q = h.start(df);
  h.spark->tick();
  EXPECT_EQ(h.lastBatchId(), 0);
  EXPECT_EQ(h.lastBatch(), (Rows{"2 | b", "1 | a"}));

  h.spark->tick();  // nothing new: no batch
  EXPECT_EQ(h.lastBatchId(), 0);

  h.fs->writeAtomic("in/c.csv", "3,c\n4,d\n");
  h.fs->writeAtomic("in/_SUCCESS", "");
  h.fs->writeAtomic("in/.c.csv.crc", "x");
  h.spark->tick();
  EXPECT_EQ(h.lastBatchId(), 1);
  EXPECT_EQ(h.lastBatch(), (Rows{"3 | c", "4 | d"}));
  q.stop();
}

TEST(FileStreamSource, MaxFilesPerTriggerAndLatestFirst) {
  struct Case {
    const char* latest_first;
    std::vector<Rows> batches;
  };
  const Case cases[] = {
      {"false", {{"one"}, {"two"}, {"three"}}},
      {"true", {{"three"}, {"two"}, {"one"}}},
  };
  for (const auto& c : cases) {
    testing::SourceHarness h;
    h.fs->writeAtomic("logs/1.txt", "one");
    h.fs->writeAtomic("logs/2.txt", "two");
    h.fs->writeAtomic("logs/3.txt", "three");
    DataFrame df = h.spark->readStream()
                       .format("text")
                       .option("maxFilesPerTrigger", "1")
                       .option("latestFirst", c.latest_first)
                       .load("logs");
    StreamingQuery q = h.start(df);
    q.processAllAvailable();
    ASSERT_EQ(h.batches.size(), c.batches.size()) << c.latest_first;
    for (size_t i = 0; i < c.batches.size(); ++i) {
      EXPECT_EQ(testing::orderedRows(h.batches[i].second), c.batches[i]) << c.latest_first << i;
    }
    q.stop();
  }
}

TEST(FileStreamSource, RestartReadsOnlyFilesNotSeenBefore) {
  testing::SourceHarness h;
  h.fs->writeAtomic("events/1.json", "{\"user\":\"ann\",\"n\":1}\n");
  DataFrame df =
      h.spark->readStream().format("json").schema("user STRING, n BIGINT").load("events");
  StreamingQuery q = h.start(df, "/cp");
  h.spark->tick();
  EXPECT_EQ(h.lastBatch(), (Rows{"ann | 1"}));
  q.stop();
  // Spark's FileStreamSourceLog: a version line, then one JSON line per file of the entry.
  auto log = h.fs->read("/cp/sources/0/0");
  ASSERT_TRUE(log.has_value());
  EXPECT_EQ(log->substr(0, log->find(',')), "v1\n{\"path\":\"events/1.json\"");

  h.fs->writeAtomic("events/2.json", "{\"user\":\"bob\",\"n\":2}\n");
  StreamingQuery again = h.start(df, "/cp");
  h.spark->tick();
  EXPECT_EQ(h.lastBatchId(), 1);
  EXPECT_EQ(h.lastBatch(), (Rows{"bob | 2"}));
  again.stop();
}

TEST(FileStreamSource, CsvOptionsApplyToEveryFile) {
  testing::SourceHarness h;
  h.fs->writeAtomic("in/1.csv", "id;name\n1;x\n");
  DataFrame df = h.spark->readStream()
                     .schema("id INT, name STRING")
                     .option("header", "true")
                     .option("sep", ";")
                     .csv("in");
  StreamingQuery q = h.start(df);
  h.spark->tick();
  EXPECT_EQ(h.lastBatch(), (Rows{"1 | x"}));
  q.stop();
}

TEST(FileStreamSource, LoadErrorsAreSparks) {
  struct Case {
    const char* format;
    const char* path;
    bool with_schema;
    std::pair<const char*, const char*> option;
    ErrorClass cls;
    const char* message;
  };
  const Case cases[] = {
      {"csv",
       "in",
       false,
       {"", ""},
       ErrorClass::IllegalArgumentException,
       "Schema must be specified when creating a streaming source DataFrame. If some files "
       "already exist in the directory, then depending on the file format you may be able to "
       "create a static DataFrame on that directory with 'spark.read.load(directory)' and infer "
       "schema from it."},
      {"json",
       "missing",
       true,
       {"", ""},
       ErrorClass::AnalysisException,
       "[PATH_NOT_FOUND] Path does not exist: missing. SQLSTATE: 42K03"},
      {"text",
       "",
       false,
       {"", ""},
       ErrorClass::IllegalArgumentException,
       "'path' is not specified"},
      {"text",
       "in",
       false,
       {"maxFilesPerTrigger", "0"},
       ErrorClass::IllegalArgumentException,
       "Invalid value '0' for option 'maxFilesPerTrigger', must be a positive integer"},
      {"text",
       "in",
       false,
       {"latestFirst", "yes"},
       ErrorClass::IllegalArgumentException,
       "Invalid value 'yes' for option 'latestFirst', must be true or false"},
  };
  for (const auto& c : cases) {
    testing::SourceHarness h;
    h.fs->writeAtomic("in/1.txt", "x");
    DataStreamReader r = h.spark->readStream().format(c.format);
    if (c.with_schema) r.schema("a STRING");
    if (*c.option.first) r.option(c.option.first, c.option.second);
    try {
      r.load(c.path);
      ADD_FAILURE() << c.message;
    } catch (const Error& e) {
      EXPECT_EQ(e.errorClass(), c.cls) << c.message;
      EXPECT_EQ(e.message(), c.message);
    }
  }
}

TEST(FileStreamSource, SchemaInferenceConfInfersFromExistingFiles) {
  testing::SourceHarness h;
  h.fs->writeAtomic("in/1.json", "{\"b\":1,\"a\":\"x\"}\n");
  h.spark->setConf("spark.sql.streaming.schemaInference", "true");
  DataFrame df = h.spark->readStream().json("in");
  EXPECT_EQ(df.schema().simpleString(), "a: string, b: bigint");
}

}  // namespace
}  // namespace runnel
