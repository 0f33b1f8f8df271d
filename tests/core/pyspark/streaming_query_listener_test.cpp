// StreamingQueryListener from PySpark: a program's subclass added with spark.streams.addListener
// hears a query start (inside start(), as Spark calls it), each progress report and the end; a
// listener that raises is logged and the query goes on; addListener refuses anything else.
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

constexpr const char* kListenerProgram = R"(from pyspark.sql import SparkSession
from pyspark.sql.streaming import StreamingQueryListener
spark = SparkSession.builder.getOrCreate()

class Printer(StreamingQueryListener):
    def onQueryStarted(self, event):
        print('started', event.name, event.id == q_id(), len(event.runId))
    def onQueryProgress(self, event):
        p = event.progress
        print('progress', p.batchId, p.numInputRows, p.name, p.sources[0].numInputRows,
              p.sources[0].description, 'triggerExecution' in p.durationMs,
              p.json.startswith('{'))
    def onQueryTerminated(self, event):
        print('terminated', event.id == q.id, event.exception)

def q_id():
    return spark.streams.active[0].id

printer = Printer()
spark.streams.addListener(printer)
lines = spark.readStream.format('socket').option('host', 'localhost').option('port', 9999).load()
q = lines.writeStream.format('memory').queryName('seen').start()
print('start returned')
)";

using Fixture = testing::ClockedPlayground;

TEST(StreamingQueryListener, HearsTheQueryStartItsProgressAndItsEnd) {
  Fixture f;
  f.pg->run(kListenerProgram);
  Json started = f.events();
  ASSERT_TRUE(ofType(started, "error").empty()) << started.dump(2);
  EXPECT_EQ(outputText(started), "started seen True 36\nstart returned\n");

  EXPECT_EQ(outputText(f.after(10)),
            "progress 0 0 seen 0 TextSocketV2[host: localhost, port: 9999] True True\n");
  f.pg->pushLines("localhost:9999", {"a", "b"});
  EXPECT_EQ(outputText(f.after(10)),
            "progress 1 2 seen 2 TextSocketV2[host: localhost, port: 9999] True True\n");

  f.pg->run("q.stop()\nspark.streams.removeListener(printer)\n");
  EXPECT_EQ(outputText(f.events()), "terminated True None\n");
}

TEST(StreamingQueryListener, AFailureReachesOnQueryTerminated) {
  Fixture f;
  f.pg->run(kListenerProgram);
  f.after(10);
  f.pg->failTarget("localhost:9999", "Connection refused");
  Json out = f.after(10);
  std::string text = outputText(out);
  EXPECT_NE(text.find("terminated True StreamingQueryException: "), std::string::npos) << text;
  EXPECT_NE(text.find("Connection refused"), std::string::npos) << text;
}

TEST(StreamingQueryListener, WhatAListenerRaisesIsLoggedAndTheQueryGoesOn) {
  Fixture f;
  f.pg->run(R"(from pyspark.sql import SparkSession
from pyspark.sql.streaming import StreamingQueryListener
spark = SparkSession.builder.getOrCreate()
class Broken(StreamingQueryListener):
    def onQueryProgress(self, event):
        raise ValueError('no')
spark.streams.addListener(Broken())
lines = spark.readStream.format('socket').option('host', 'localhost').option('port', 9999).load()
q = lines.writeStream.format('console').start()
)");
  f.events();
  f.pg->pushLines("localhost:9999", {"a"});
  Json out = f.after(10);
  EXPECT_TRUE(ofType(out, "error").empty()) << out.dump(2);
  EXPECT_TRUE(ofType(out, "queryTerminated").empty());
  bool logged = false;
  for (const Json& log : ofType(out, "log")) {
    logged = logged || (log["level"] == "ERROR" &&
                        log["message"].get<std::string>().find(
                            "Listener Broken threw an exception: ValueError: no") == 0);
  }
  EXPECT_TRUE(logged) << out.dump(2);
  EXPECT_TRUE(f.pg->hasActiveQueries());
}

TEST(StreamingQueryListener, AddListenerTakesOnlyAListener) {
  Fixture f;
  f.pg->run(R"(from pyspark.sql import SparkSession
spark = SparkSession.builder.getOrCreate()
class NotAListener:
    def onQueryProgress(self, event):
        pass
spark.streams.addListener(NotAListener())
)");
  auto errors = ofType(f.events(), "error");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0]["errorClass"], "AttributeError");
  EXPECT_EQ(errors[0]["message"], "'NotAListener' object has no attribute '_jlistener'");
  EXPECT_EQ(errors[0]["line"], 6);
}

}  // namespace
}  // namespace runnel
