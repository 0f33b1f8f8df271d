// The file sink from PySpark: `.format("csv").option("path", p)` and `.start(path)` both name the
// output folder; a later program's spark.read gets back the rows the sink log committed.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <string>

#include "runnel/playground.h"
#include "support/playground_events.h"

namespace runnel {
namespace {

using Json = nlohmann::json;
using testing::ofType;

TEST(PlaygroundFileSink, PathOptionAndStartPathBothWriteTheFolder) {
  auto clock = std::make_shared<ManualClock>(1'700'000'000'000);
  std::shared_ptr<FileSystem> fs = makeMemoryFileSystem();
  PlaygroundOptions o;
  o.clock = clock;
  o.file_system = fs;
  Playground writer(o);
  writer.run(
      "from pyspark.sql import SparkSession\n"
      "spark = SparkSession.builder.getOrCreate()\n"
      "lines = spark.readStream.format('socket').option('host', 'localhost')"
      ".option('port', 9999).load()\n"
      "q1 = lines.writeStream.format('csv').option('path', 'out/csv')"
      ".option('checkpointLocation', 'cp/csv').start()\n"
      "q2 = lines.writeStream.format('json').option('checkpointLocation', 'cp/json')"
      ".start('out/json')\n");
  writer.tick();
  writer.pushLines("localhost:9999", {"a b", "c"});
  clock->advance(1000);
  writer.tick();
  Json events = Json::parse(writer.takeEvents());
  ASSERT_TRUE(ofType(events, "error").empty()) << events.dump(2);
  EXPECT_TRUE(fs->exists("out/csv/_spark_metadata/0"));
  EXPECT_TRUE(fs->exists("out/json/_spark_metadata/0"));

  Playground reader(o);
  reader.run(
      "from pyspark.sql import SparkSession\n"
      "spark = SparkSession.builder.getOrCreate()\n"
      "print(sorted(r.value for r in spark.read.schema('value STRING').csv('out/csv').collect()))\n"
      "print(spark.read.schema('value STRING').json('out/json').count())\n");
  Json read = Json::parse(reader.takeEvents());
  ASSERT_TRUE(ofType(read, "error").empty()) << read.dump(2);
  auto out = ofType(read, "output");
  ASSERT_EQ(out.size(), 2u) << read.dump(2);
  EXPECT_EQ(out[0]["text"], "['a b', 'c']\n");
  EXPECT_EQ(out[1]["text"], "2\n");
}

TEST(PlaygroundFileSink, CompleteModeIsRejectedAtStart) {
  auto clock = std::make_shared<ManualClock>(1'700'000'000'000);
  PlaygroundOptions o;
  o.clock = clock;
  Playground p(o);
  p.run(
      "from pyspark.sql import SparkSession\n"
      "spark = SparkSession.builder.getOrCreate()\n"
      "lines = spark.readStream.format('socket').option('host', 'localhost')"
      ".option('port', 9999).load()\n"
      "q = lines.groupBy('value').count().writeStream.outputMode('complete').format('csv')"
      ".option('checkpointLocation', 'cp').start('out')\n");
  auto errors = ofType(Json::parse(p.takeEvents()), "error");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0]["errorClass"], "AnalysisException");
  EXPECT_EQ(errors[0]["message"],
            "[STREAMING_OUTPUT_MODE.UNSUPPORTED_DATASOURCE] Invalid streaming output mode: "
            "complete. This output mode is not supported in Data Source csv. SQLSTATE: 42KDE");
  EXPECT_EQ(errors[0]["line"], 4);
}

}  // namespace
}  // namespace runnel
