// Playground restarts from a checkpoint the way the page does after a reload: a new Playground on
// the same file system, the host's log of socket lines handed over before run(), the same code.
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "runnel/playground.h"

namespace runnel {
namespace {

using Json = nlohmann::json;

const char* kCheckpointedWordCount = R"(from pyspark.sql import SparkSession
from pyspark.sql.functions import explode, split, col
spark = SparkSession.builder.appName("wc").getOrCreate()
lines = spark.readStream.format("socket").option("host", "localhost").option("port", 9999).load()
words = lines.select(explode(split(col("value"), " ")).alias("word"))
query = words.groupBy("word").count().writeStream.outputMode("complete").format("console") \
    .option("checkpointLocation", "/cp/wc").start()
query.awaitTermination()
)";

const std::string kTarget = "localhost:9999";

// A page's life: one Playground over the file system that outlives it (IndexedDB).
struct PageLife {
  std::unique_ptr<Playground> pg;
  Json events = Json::array();

  PageLife(std::shared_ptr<FileSystem> fs, std::shared_ptr<ManualClock> clock) {
    PlaygroundOptions o;
    o.clock = std::move(clock);
    o.file_system = std::move(fs);
    pg = std::make_unique<Playground>(o);
  }
  void collect() {
    for (const Json& e : Json::parse(pg->takeEvents()))
      events.push_back(e);
  }
  void type(int64_t offset, const std::string& line) {
    pg->pushLines(kTarget, offset, {line});
    pg->tick();
    collect();
  }
  std::vector<Json> ofType(const std::string& type) const {
    std::vector<Json> out;
    for (const Json& e : events) {
      if (e["type"] == type) out.push_back(e);
    }
    return out;
  }
  Json lastBatch() const { return ofType("batch").back(); }
};

std::map<std::string, int> countsOf(const Json& batch) {
  std::map<std::string, int> out;
  for (const Json& row : batch["rows"])
    out[row[0].get<std::string>()] = std::stoi(row[1].get<std::string>());
  return out;
}

TEST(PlaygroundResume, ReloadContinuesCountsAndBatchIds) {
  std::shared_ptr<FileSystem> fs = makeMemoryFileSystem();
  auto clock = std::make_shared<ManualClock>(1'700'000'000'000);
  {
    PageLife first(fs, clock);
    first.pg->run(kCheckpointedWordCount);
    first.collect();
    ASSERT_TRUE(first.ofType("error").empty()) << first.events.dump(2);
    EXPECT_TRUE(first.ofType("queryStarted")[0]["resumed"].is_null());
    first.type(0, "cat dog");
    first.type(1, "cat");
    EXPECT_EQ(first.lastBatch()["batchId"], 2);
    EXPECT_EQ(countsOf(first.lastBatch()), (std::map<std::string, int>{{"cat", 2}, {"dog", 1}}));
  }
  PageLife second(fs, clock);
  second.pg->replaySocketLog(kTarget, 0, {"cat dog", "cat"});
  second.pg->run(kCheckpointedWordCount);
  second.collect();
  ASSERT_TRUE(second.ofType("error").empty()) << second.events.dump(2);
  Json started = second.ofType("queryStarted").at(0);
  EXPECT_EQ(started["resumed"], (Json{{"checkpointLocation", "/cp/wc"}, {"batchId", 3}}));
  // Nothing new arrived: the replayed lines are all committed, so no batch re-counts them.
  EXPECT_TRUE(second.ofType("batch").empty()) << second.events.dump(2);
  second.type(2, "cat");
  EXPECT_EQ(second.lastBatch()["batchId"], 3);
  EXPECT_EQ(countsOf(second.lastBatch()), (std::map<std::string, int>{{"cat", 3}, {"dog", 1}}));
}

TEST(PlaygroundResume, UncommittedBatchRerunsFromTheReplayedLog) {
  std::shared_ptr<FileSystem> fs = makeMemoryFileSystem();
  auto clock = std::make_shared<ManualClock>(1'700'000'000'000);
  {
    PageLife first(fs, clock);
    first.pg->run(kCheckpointedWordCount);
    first.type(0, "cat dog");
    first.type(1, "cat cat");
    ASSERT_EQ(first.lastBatch()["batchId"], 2);
  }
  // The page went away between offsets/2 and commits/2.
  fs->remove("/cp/wc/commits/2");
  PageLife second(fs, clock);
  second.pg->replaySocketLog(kTarget, 0, {"cat dog", "cat cat"});
  second.pg->run(kCheckpointedWordCount);
  second.collect();
  ASSERT_TRUE(second.ofType("error").empty()) << second.events.dump(2);
  EXPECT_EQ(second.ofType("queryStarted").at(0)["resumed"]["batchId"], 2);
  second.pg->tick();
  second.collect();
  ASSERT_EQ(second.ofType("batch").size(), 1u) << second.events.dump(2);
  EXPECT_EQ(second.lastBatch()["batchId"], 2);
  EXPECT_EQ(countsOf(second.lastBatch()), (std::map<std::string, int>{{"cat", 3}, {"dog", 1}}));
  second.type(2, "dog");
  EXPECT_EQ(second.lastBatch()["batchId"], 3);
  EXPECT_EQ(countsOf(second.lastBatch()), (std::map<std::string, int>{{"cat", 3}, {"dog", 2}}));
}

TEST(PlaygroundResume, FreshQueryNeverReadsTheReplayLog) {
  std::shared_ptr<FileSystem> fs = makeMemoryFileSystem();
  auto clock = std::make_shared<ManualClock>(1'700'000'000'000);
  PageLife page(fs, clock);
  page.pg->replaySocketLog(kTarget, 0, {"old line", "older words"});
  page.pg->run(kCheckpointedWordCount);
  page.collect();
  EXPECT_TRUE(page.ofType("queryStarted").at(0)["resumed"].is_null());
  page.type(2, "cat");
  EXPECT_EQ(page.lastBatch()["batchId"], 1);
  EXPECT_EQ(countsOf(page.lastBatch()), (std::map<std::string, int>{{"cat", 1}}));
}

TEST(PlaygroundResume, LinesWithoutOffsetsContinueAfterTheCommittedOne) {
  std::shared_ptr<FileSystem> fs = makeMemoryFileSystem();
  auto clock = std::make_shared<ManualClock>(1'700'000'000'000);
  {
    PageLife first(fs, clock);
    first.pg->run(kCheckpointedWordCount);
    first.pg->pushLines(kTarget, {"cat"});
    first.pg->tick();
  }
  // A host without a log (the CLI's nc): the restarted query numbers new lines after offset 0.
  PageLife second(fs, clock);
  second.pg->run(kCheckpointedWordCount);
  second.pg->pushLines(kTarget, {"cat"});
  second.pg->tick();
  second.collect();
  ASSERT_EQ(second.ofType("batch").size(), 1u) << second.events.dump(2);
  EXPECT_EQ(second.lastBatch()["batchId"], 2);
  EXPECT_EQ(countsOf(second.lastBatch()), (std::map<std::string, int>{{"cat", 2}}));
  Json progress = second.ofType("progress").back()["progress"];
  ASSERT_EQ(progress["sources"].size(), 1u) << progress.dump(2);
  EXPECT_EQ(progress["sources"][0]["startOffset"], 0);
  EXPECT_EQ(progress["sources"][0]["endOffset"], 1);
}

}  // namespace
}  // namespace runnel
