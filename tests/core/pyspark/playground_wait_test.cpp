// Programs that wait: time.sleep() and awaitTermination() suspend the program while its queries
// keep running and taking lines; tick() goes on with it once the wait is over. A
// ManualClock stands in for time, socket lines are pushed in, events are checked as JSON.
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

const char* kMemorySinkCounts = R"(import time
from pyspark.sql import SparkSession
from pyspark.sql.functions import explode, split, col
spark = SparkSession.builder.getOrCreate()
lines = spark.readStream.format("socket").option("host", "localhost").option("port", 9999).load()
words = lines.select(explode(split(col("value"), " ")).alias("word"))
query = words.groupBy("word").count().writeStream.outputMode("complete").format("memory").queryName("counts").start()
for i in range(2):
    time.sleep(5)
    print(i, sorted([tuple(r) for r in spark.sql("SELECT * FROM counts").collect()]))
print("done")
)";

struct Fixture : testing::ClockedPlayground {
  Fixture() : ClockedPlayground(100'000) {}
};

TEST(PlaygroundWait, SleepSuspendsTheProgramWhileItsQueryTakesLines) {
  Fixture f;
  f.pg->run(kMemorySinkCounts);
  Json first = f.events();
  ASSERT_TRUE(ofType(first, "error").empty()) << first.dump(2);
  EXPECT_TRUE(ofType(first, "scriptDone").empty());
  auto waiting = ofType(first, "scriptWaiting");
  ASSERT_EQ(waiting.size(), 1u);
  EXPECT_EQ(waiting[0]["call"], "time.sleep");
  EXPECT_EQ(waiting[0]["line"], 9);
  EXPECT_TRUE(f.pg->programWaiting());

  f.pg->tick();  // batch 0, empty
  f.pg->pushLines("localhost:9999", {"cat dog cat"});
  Json mid = f.after(1000);  // batch 1 runs; the program still sleeps
  EXPECT_EQ(outputText(mid), "");
  EXPECT_TRUE(ofType(mid, "scriptWaiting").empty());

  Json woke = f.after(4000);
  EXPECT_EQ(outputText(woke), "0 [('cat', 2), ('dog', 1)]\n");
  ASSERT_EQ(ofType(woke, "scriptWaiting").size(), 1u);  // the loop's second sleep
  EXPECT_TRUE(ofType(woke, "scriptDone").empty());

  f.pg->pushLines("localhost:9999", {"dog bird"});
  Json last = f.after(5000);
  EXPECT_EQ(outputText(last), "1 [('bird', 1), ('cat', 2), ('dog', 2)]\ndone\n");
  auto done = ofType(last, "scriptDone");
  ASSERT_EQ(done.size(), 1u) << last.dump(2);
  EXPECT_TRUE(done[0]["waiting"].get<bool>());  // the program ended; its query runs on, as in Spark
  EXPECT_FALSE(f.pg->programWaiting());
  EXPECT_TRUE(f.pg->hasActiveQueries());
}

TEST(PlaygroundWait, ASleepingProgramWakesTheHostAtItsDeadline) {
  Fixture f;
  f.pg->run("import time\ntime.sleep(2.5)\nprint('up')\n");
  f.events();
  ASSERT_TRUE(f.pg->programWaiting());
  EXPECT_EQ(f.pg->nextWakeMs(), f.clock->nowMs() + 2500);
  EXPECT_EQ(outputText(f.after(2499)), "");
  EXPECT_EQ(outputText(f.after(1)), "up\n");
  EXPECT_EQ(f.pg->nextWakeMs(), std::nullopt);
}

// The host ticks when nextWakeMs() says: a query started by a program that goes on (or ends
// without awaitTermination) still runs its batch 0 at once, as Spark's query thread does.
TEST(PlaygroundWake, AStartedQueryAsksForItsFirstBatchAtOnce) {
  Fixture f;
  f.pg->run(R"(from pyspark.sql import SparkSession
spark = SparkSession.builder.getOrCreate()
lines = spark.readStream.format("socket").option("host", "localhost").option("port", 9999).load()
q = lines.writeStream.format("console").start()
)");
  f.events();
  EXPECT_EQ(f.pg->nextWakeMs(), f.clock->nowMs());
  f.pg->tick();
  auto batches = ofType(f.events(), "batch");
  ASSERT_EQ(batches.size(), 1u);
  EXPECT_EQ(batches[0]["batchId"], 0);
  EXPECT_EQ(f.pg->nextWakeMs(), std::nullopt);  // socket lines: the host ticks as they arrive
}

TEST(PlaygroundWake, ARateSourceWithTheDefaultTriggerWakesTheHostEachSecond) {
  Fixture f;
  f.pg->run(R"(from pyspark.sql import SparkSession
spark = SparkSession.builder.getOrCreate()
q = spark.readStream.format("rate").option("rowsPerSecond", 2).load().writeStream.format("console").start()
)");
  f.events();
  int64_t start = f.clock->nowMs();
  f.pg->tick();  // batch 0
  f.events();
  ASSERT_EQ(f.pg->nextWakeMs(), start + 1000);
  f.clock->set(start + 1000);
  f.pg->tick();
  auto batches = ofType(f.events(), "batch");
  ASSERT_EQ(batches.size(), 1u);
  EXPECT_EQ(batches[0]["rows"].size(), 2u);
  EXPECT_EQ(f.pg->nextWakeMs(), start + 2000);
}

TEST(PlaygroundWait, AwaitTerminationWithATimeoutReturnsFalseWhenTheTimeIsUp) {
  Fixture f;
  f.pg->run(R"(from pyspark.sql import SparkSession
spark = SparkSession.builder.getOrCreate()
q = spark.readStream.format("rate").load().writeStream.format("memory").queryName("r").start()
ended = q.awaitTermination(3)
print("ended:", ended, q.isActive)
)");
  Json first = f.events();
  ASSERT_TRUE(ofType(first, "error").empty()) << first.dump(2);
  auto waiting = ofType(first, "scriptWaiting");
  ASSERT_EQ(waiting.size(), 1u);
  EXPECT_EQ(waiting[0]["call"], "awaitTermination");
  EXPECT_EQ(waiting[0]["line"], 4);
  EXPECT_EQ(outputText(f.after(2000)), "");
  EXPECT_EQ(outputText(f.after(1000)), "ended: False True\n");
}

TEST(PlaygroundWait, AwaitTerminationRaisesTheQueryFailureAtItsLine) {
  Fixture f;
  f.pg->run(R"(from pyspark.sql import SparkSession
spark = SparkSession.builder.getOrCreate()
lines = spark.readStream.format("socket").option("host", "localhost").option("port", 9999).load()
q = lines.writeStream.format("console").start()
q.awaitTermination(60)
print("not reached")
)");
  f.events();
  f.pg->tick();
  f.pg->failTarget("localhost:9999", "Connection refused");
  Json out = f.after(100);
  EXPECT_EQ(outputText(out).find("not reached"), std::string::npos);
  auto errors = ofType(out, "error");
  ASSERT_EQ(errors.size(), 1u) << out.dump(2);
  EXPECT_EQ(errors[0]["errorClass"], "StreamingQueryException");
  EXPECT_EQ(errors[0]["line"], 5);
  ASSERT_EQ(ofType(out, "scriptDone").size(), 1u);
  EXPECT_FALSE(f.pg->programWaiting());
}

TEST(PlaygroundWait, AQueryFailureAtAWaitGoesToTheExceptThatTakesIt) {
  Fixture f;
  f.pg->run(R"(from pyspark.sql import SparkSession
spark = SparkSession.builder.getOrCreate()
lines = spark.readStream.format("socket").option("host", "localhost").option("port", 9999).load()
q = lines.writeStream.format("console").start()
try:
    q.awaitTermination(60)
    print("not reached")
except Exception as e:
    print("query failed")
finally:
    print("active:", q.isActive)
)");
  f.events();
  f.pg->tick();
  f.pg->failTarget("localhost:9999", "Connection refused");
  Json out = f.after(100);
  EXPECT_EQ(outputText(out), "query failed\nactive: False\n");
  EXPECT_EQ(ofType(out, "error").size(), 0u) << out.dump(2);
  EXPECT_FALSE(f.pg->programWaiting());
}

TEST(PlaygroundWait, AnUncaughtErrorRunsTheFinallyBlocksThenEndsTheProgram) {
  Fixture f;
  f.pg->run(
      "import time\ntry:\n    time.sleep(1)\n    raise ValueError('boom')\n"
      "finally:\n    print('cleanup')\nprint('not reached')\n");
  f.events();
  Json out = f.after(1000);
  EXPECT_EQ(outputText(out), "cleanup\n");
  auto errors = ofType(out, "error");
  ASSERT_EQ(errors.size(), 1u) << out.dump(2);
  EXPECT_EQ(errors[0]["errorClass"], "ValueError");
  EXPECT_EQ(errors[0]["message"], "boom");
  EXPECT_EQ(errors[0]["line"], 4);
  EXPECT_FALSE(f.pg->programWaiting());
}

const char* kSocketCountsPrelude = R"(from pyspark.sql import SparkSession
spark = SparkSession.builder.getOrCreate()
lines = spark.readStream.format("socket").option("host", "localhost").option("port", 9999).load()
q = lines.groupBy("value").count().writeStream.outputMode("complete").format("console").start()
)";

TEST(PlaygroundWait, AwaitTerminationWithoutATimeoutWaitsUntilTheQueryEnds) {
  Fixture f;
  f.pg->run(std::string(kSocketCountsPrelude) +
            "try:\n    q.awaitTermination()\nexcept Exception:\n    print('failed')\n"
            "print('after')\n");
  Json first = f.events();
  auto waits = ofType(first, "scriptWaiting");
  ASSERT_EQ(waits.size(), 1u) << first.dump(2);
  EXPECT_EQ(waits[0]["call"], "awaitTermination");
  EXPECT_EQ(waits[0]["line"], 6);
  EXPECT_FALSE(waits[0]["timed"].get<bool>());
  EXPECT_TRUE(ofType(first, "scriptDone").empty());

  // Hours pass and batches run; the program stays at its wait.
  f.pg->pushLines("localhost:9999", {"cat"});
  Json hours = f.after(3'600'000);
  EXPECT_EQ(ofType(hours, "batch").size(), 1u);
  EXPECT_EQ(outputText(hours).find("after"), std::string::npos);
  EXPECT_TRUE(f.pg->programWaiting());

  // The query fails: the program meets it at its wait, catches it and goes on.
  f.pg->failTarget("localhost:9999", "Connection refused");
  Json out = f.after(10);
  EXPECT_EQ(outputText(out), "failed\nafter\n");
  EXPECT_TRUE(ofType(out, "error").empty()) << out.dump(2);
  auto done = ofType(out, "scriptDone");
  ASSERT_EQ(done.size(), 1u);
  EXPECT_FALSE(done[0]["waiting"].get<bool>());
  EXPECT_FALSE(f.pg->programWaiting());
}

TEST(PlaygroundWait, AnUncaughtFailureEndsTheProgramAtItsAwaitTermination) {
  Fixture f;
  f.pg->run(std::string(kSocketCountsPrelude) +
            "spark.streams.awaitAnyTermination()\nprint('not reached')\n");
  Json first = f.events();
  ASSERT_EQ(ofType(first, "scriptWaiting").size(), 1u) << first.dump(2);
  f.pg->failTarget("localhost:9999", "Connection refused");
  Json out = f.after(10);
  EXPECT_EQ(outputText(out).find("not reached"), std::string::npos);
  auto errors = ofType(out, "error");
  ASSERT_EQ(errors.size(), 1u) << out.dump(2);
  EXPECT_EQ(errors[0]["errorClass"], "StreamingQueryException");
  EXPECT_EQ(errors[0]["line"], 5);
  auto ended = ofType(out, "queryTerminated");
  ASSERT_EQ(ended.size(), 1u);
  EXPECT_EQ(ended[0]["error"]["line"], 5);
  EXPECT_FALSE(f.pg->programWaiting());
}

TEST(PlaygroundWait, AwaitTerminationInsideAnExpressionEndsTheProgram) {
  Fixture f;
  f.pg->run(std::string(kSocketCountsPrelude) +
            "print(q.awaitTermination())\nprint('not reached')\n");
  Json first = f.events();
  EXPECT_EQ(outputText(first).find("not reached"), std::string::npos);
  EXPECT_EQ(outputText(first).find("None"), std::string::npos);
  auto done = ofType(first, "scriptDone");
  ASSERT_EQ(done.size(), 1u) << first.dump(2);
  EXPECT_TRUE(done[0]["waiting"].get<bool>());  // the query runs on until Stop
  EXPECT_FALSE(f.pg->programWaiting());
  EXPECT_TRUE(f.pg->hasActiveQueries());
}

TEST(PlaygroundWait, AnyTerminationEndsTheWaitWhenAQueryStops) {
  Fixture f;
  f.pg->run(R"(from pyspark.sql import SparkSession
spark = SparkSession.builder.getOrCreate()
lines = spark.readStream.format("socket").option("host", "localhost").option("port", 9999).load()
q = lines.writeStream.format("memory").queryName("seen").start()
any_ended = spark.streams.awaitAnyTermination(30)
print(any_ended)
)");
  f.events();
  Json early = f.after(10'000);
  EXPECT_EQ(outputText(early), "");
  f.pg->failTarget("localhost:9999", "Connection refused");
  Json out = f.after(10);
  auto errors = ofType(out, "error");
  ASSERT_EQ(errors.size(), 1u) << out.dump(2);
  EXPECT_EQ(errors[0]["line"], 5);
}

TEST(PlaygroundWait, StopDropsAWaitingProgram) {
  Fixture f;
  f.pg->run("import time\nwhile True:\n    time.sleep(1)\n    print('tick')\n");
  f.events();
  EXPECT_EQ(outputText(f.after(1000)), "tick\n");
  EXPECT_EQ(outputText(f.after(1000)), "tick\n");  // a sleeping loop never hits the budget
  f.pg->stop();
  EXPECT_FALSE(f.pg->programWaiting());
  EXPECT_EQ(outputText(f.after(5000)), "");
}

// Stop is Ctrl-C in PySpark's driver: KeyboardInterrupt at the wait, so the course's
// `except KeyboardInterrupt: query.stop()` runs, then every query stops.
TEST(PlaygroundWait, StopRaisesKeyboardInterruptAtTheWait) {
  Fixture f;
  f.pg->run(std::string(kSocketCountsPrelude) +
            "try:\n    q.awaitTermination()\nexcept Exception:\n    print('not an Exception')\n"
            "except KeyboardInterrupt as e:\n    print('stopping', repr(e))\n    q.stop()\n"
            "finally:\n    print('finally', q.isActive)\nprint('after')\n");
  f.events();
  f.pg->pushLines("localhost:9999", {"cat"});
  EXPECT_EQ(ofType(f.after(1000), "batch").size(), 1u);
  f.pg->stop();
  Json out = f.events();
  EXPECT_EQ(outputText(out), "stopping KeyboardInterrupt()\nfinally False\nafter\n");
  EXPECT_TRUE(ofType(out, "error").empty()) << out.dump(2);
  EXPECT_EQ(ofType(out, "queryTerminated").size(), 1u);
  auto done = ofType(out, "scriptDone");
  ASSERT_EQ(done.size(), 1u) << out.dump(2);
  EXPECT_FALSE(done[0]["waiting"].get<bool>());
  EXPECT_FALSE(f.pg->programWaiting());
  EXPECT_FALSE(f.pg->hasActiveQueries());
}

// What the program does once interrupted; its output and errors at Stop.
struct StopCase {
  const char* name;
  const char* code;
  const char* output;
  const char* error_class;  // "" for none
  int error_line;
};

class PlaygroundStop : public ::testing::TestWithParam<StopCase> {};

TEST_P(PlaygroundStop, InterruptsTheWaitingProgram) {
  Fixture f;
  f.pg->run(std::string("import time\n") + GetParam().code);
  Json first = f.events();
  ASSERT_EQ(ofType(first, "scriptWaiting").size(), 1u) << first.dump(2);
  f.pg->stop();
  Json out = f.events();
  EXPECT_EQ(outputText(out), GetParam().output);
  auto errors = ofType(out, "error");
  if (std::string(GetParam().error_class).empty()) {
    EXPECT_TRUE(errors.empty()) << out.dump(2);
  } else {
    ASSERT_EQ(errors.size(), 1u) << out.dump(2);
    EXPECT_EQ(errors[0]["errorClass"], GetParam().error_class);
    EXPECT_EQ(errors[0]["line"], GetParam().error_line);
  }
  EXPECT_EQ(ofType(out, "scriptDone").size(), 1u);
  EXPECT_TRUE(ofType(out, "scriptWaiting").empty());
  EXPECT_FALSE(f.pg->programWaiting());
  EXPECT_EQ(outputText(f.after(120'000)), "");  // nothing of the program runs after Stop
}

INSTANTIATE_TEST_SUITE_P(
    Cases, PlaygroundStop,
    ::testing::Values(
        // Uncaught, the interrupt is the stop asked for: finally blocks run, no error.
        StopCase{"UncaughtRunsFinally",
                 "try:\n    time.sleep(60)\nfinally:\n    print('cleanup')\nprint('no')\n",
                 "cleanup\n", "", 0},
        StopCase{"ExceptExceptionLetsItBy",
                 "try:\n    time.sleep(60)\nexcept Exception:\n    print('wrong')\nprint('no')\n",
                 "", "", 0},
        // A program that waits again once it caught the interrupt ends at that wait.
        StopCase{"WaitingAgainEndsThere",
                 "while True:\n    try:\n        time.sleep(1)\n    except KeyboardInterrupt:\n"
                 "        print('caught')\n",
                 "caught\n", "", 0},
        StopCase{"InAFunction",
                 "def main():\n    try:\n        time.sleep(60)\n    except KeyboardInterrupt:\n"
                 "        return 'interrupted'\n    return 'slept'\nr = main()\nprint(r)\n",
                 "interrupted\n", "", 0},
        // An error of the handler itself is the program's error, at its line.
        StopCase{"ErrorInTheHandler",
                 "try:\n    time.sleep(60)\nexcept KeyboardInterrupt:\n    print('stopping')\n"
                 "    undefined_name\n",
                 "stopping\n", "NameError", 6}),
    [](const ::testing::TestParamInfo<StopCase>& info) { return std::string(info.param.name); });

TEST(PlaygroundWait, RunningAgainDropsTheWaitingProgram) {
  Fixture f;
  f.pg->run("import time\ntime.sleep(1)\nprint('old')\n");
  f.events();
  f.pg->run("print('new')\n");
  EXPECT_EQ(outputText(f.events()), "new\n");
  EXPECT_EQ(outputText(f.after(2000)), "");
}

// Control flow around a wait resumes where Python would go on; each program's whole output once
// every sleep is over.
struct FlowCase {
  const char* name;
  const char* code;
  const char* output;
};

class PlaygroundWaitFlow : public ::testing::TestWithParam<FlowCase> {};

TEST_P(PlaygroundWaitFlow, ResumesWherePythonGoesOn) {
  Fixture f;
  f.pg->run(std::string("import time\n") + GetParam().code);
  std::string out = outputText(f.events());
  for (int i = 0; i < 20 && f.pg->programWaiting(); ++i)
    out += outputText(f.after(1000));
  EXPECT_FALSE(f.pg->programWaiting());
  EXPECT_EQ(out, GetParam().output);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, PlaygroundWaitFlow,
    ::testing::Values(
        FlowCase{"ForBreakSkipsElse",
                 "for i in range(5):\n    time.sleep(1)\n    print(i)\n    if i == 1:\n"
                 "        break\nelse:\n    print('else')\nprint('end')\n",
                 "0\n1\nend\n"},
        FlowCase{"ForRunsOutIntoElse",
                 "for i in range(2):\n    time.sleep(1)\n    print(i)\nelse:\n    print('else')\n",
                 "0\n1\nelse\n"},
        FlowCase{"ContinueGoesRound",
                 "for i in range(3):\n    if i == 1:\n        continue\n    time.sleep(1)\n"
                 "    print(i)\n",
                 "0\n2\n"},
        FlowCase{"WhileTestsAfterTheWait",
                 "n = 0\nwhile n < 3:\n    n += 1\n    time.sleep(1)\nprint(n)\n", "3\n"},
        FlowCase{"NestedLoops",
                 "for a in 'xy':\n    for b in range(2):\n        time.sleep(1)\n"
                 "        print(a + str(b))\n",
                 "x0\nx1\ny0\ny1\n"},
        FlowCase{"IfAndWithBodies",
                 "if True:\n    with None as cm:\n        time.sleep(1)\n"
                 "        print('in with')\nprint('after')\n",
                 "in with\nafter\n"},
        FlowCase{"AssignedResult", "r = time.sleep(1)\nprint(r)\n", "None\n"},
        FlowCase{"ZeroSecondsDoesNotWait", "time.sleep(0)\nprint('now')\n", "now\n"},
        FlowCase{"FunctionCalledAsAStatement",
                 "def look(n):\n    time.sleep(1)\n    return n * 2\nr = look(21)\nprint(r)\n"
                 "look(0)\nprint('end')\n",
                 "42\nend\n"},
        FlowCase{"MainGuard",
                 "def main():\n    for i in range(2):\n        time.sleep(1)\n        print(i)\n"
                 "if __name__ == '__main__':\n    main()\n",
                 "0\n1\n"},
        FlowCase{"ReturnFromALoopInAFunction",
                 "def first():\n    for i in range(5):\n        time.sleep(1)\n        if i == 1:\n"
                 "            return i\n    return -1\nx = first()\nprint(x)\n",
                 "1\n"},
        FlowCase{"NestedCalls",
                 "def inner():\n    time.sleep(1)\n    print('inner')\ndef outer():\n    inner()\n"
                 "    print('outer')\nouter()\n",
                 "inner\nouter\n"},
        FlowCase{"GlobalInAFunction",
                 "n = 0\ndef bump():\n    global n\n    time.sleep(1)\n    n += 1\nbump()\nbump()\n"
                 "print(n)\n",
                 "2\n"},
        FlowCase{"LocalsStayLocal",
                 "x = 'global'\ndef f(x):\n    time.sleep(1)\n    print(x)\nf('arg')\nprint(x)\n",
                 "arg\nglobal\n"},
        FlowCase{"TryBodyGoesOnToElseAndFinally",
                 "try:\n    time.sleep(1)\n    print('body')\nexcept ValueError:\n    print('no')\n"
                 "else:\n    print('else')\nfinally:\n    print('finally')\nprint('end')\n",
                 "body\nelse\nfinally\nend\n"},
        FlowCase{
            "ErrorAfterAWaitIsCaught",
            "try:\n    time.sleep(1)\n    raise ValueError('bad')\n    print('no')\n"
            "except (KeyError, ValueError) as e:\n    print('caught', e)\nelse:\n    print('no')\n"
            "print('end')\n",
            "caught bad\nend\n"},
        FlowCase{"WaitsInExceptAndFinally",
                 "try:\n    raise ValueError('x')\nexcept ValueError:\n    time.sleep(1)\n"
                 "    print('handled')\nfinally:\n    time.sleep(1)\n    print('finally')\n",
                 "handled\nfinally\n"},
        FlowCase{"BreakAndContinueRunFinally",
                 "for i in range(4):\n    try:\n        time.sleep(1)\n        if i == 0:\n"
                 "            continue\n        if i == 2:\n            break\n        print(i)\n"
                 "    finally:\n        print('f', i)\nelse:\n    print('no')\nprint('end')\n",
                 "f 0\n1\nf 1\nf 2\nend\n"},
        FlowCase{"ReturnRunsFinally",
                 "def look():\n    try:\n        time.sleep(1)\n        return 'rows'\n"
                 "    finally:\n        print('cleanup')\n    return 'no'\nx = look()\nprint(x)\n",
                 "cleanup\nrows\n"},
        FlowCase{"ErrorLeavesAFunctionToTheCallersExcept",
                 "def look():\n    time.sleep(1)\n    raise KeyError('deep')\n    print('no')\n"
                 "try:\n    look()\n    print('no')\nexcept LookupError:\n    print('caught')\n",
                 "caught\n"},
        FlowCase{"ErrorPassesInnerFinallyToOuterExcept",
                 "try:\n    try:\n        time.sleep(1)\n        raise ValueError('v')\n"
                 "    except KeyError:\n        print('no')\n    finally:\n        print('inner')\n"
                 "except ValueError:\n    print('outer')\n",
                 "inner\nouter\n"},
        FlowCase{
            "ElseErrorSkipsItsOwnExcept",
            "try:\n    try:\n        time.sleep(1)\n    except ValueError:\n        print('no')\n"
            "    else:\n        raise ValueError('from else')\nexcept ValueError as e:\n"
            "    print(e)\n",
            "from else\n"},
        FlowCase{"ExceptClassErrorRunsFinally",
                 "try:\n    try:\n        time.sleep(1)\n        raise ValueError('v')\n"
                 "    except Nope:\n        print('no')\n    finally:\n        print('finally')\n"
                 "except NameError as e:\n    print(e)\n",
                 "finally\nname 'Nope' is not defined\n"},
        FlowCase{"BreakInFinallyDropsTheError",
                 "while True:\n    try:\n        time.sleep(1)\n        raise ValueError('v')\n"
                 "    finally:\n        break\nprint('end')\n",
                 "end\n"}),
    [](const auto& info) { return info.param.name; });

struct ErrorCase {
  const char* name;
  const char* code;
  const char* error_class;
  const char* message;
  int line;
};

class PlaygroundWaitErrors : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(PlaygroundWaitErrors, AreClearAndPositioned) {
  Fixture f;
  f.pg->run(std::string("import time\n") + GetParam().code);
  Json events = f.events();
  auto errors = ofType(events, "error");
  ASSERT_EQ(errors.size(), 1u) << events.dump(2);
  EXPECT_EQ(errors[0]["errorClass"], GetParam().error_class);
  EXPECT_EQ(errors[0]["message"].get<std::string>().rfind(GetParam().message, 0), 0u)
      << errors[0]["message"];
  EXPECT_EQ(errors[0]["line"], GetParam().line);
  EXPECT_FALSE(f.pg->programWaiting());
}

INSTANTIATE_TEST_SUITE_P(
    Cases, PlaygroundWaitErrors,
    ::testing::Values(
        ErrorCase{"SleepTakesANumber", "time.sleep('1')", "TypeError",
                  "'str' object cannot be interpreted as an integer", 2},
        ErrorCase{"SleepIsNotNegative", "time.sleep(-1)", "ValueError",
                  "sleep length must be non-negative", 2},
        ErrorCase{"NotInAFunctionCalledInAnExpression",
                  "def nap():\n    time.sleep(1)\nnaps = [nap()]", "NotImplementedError",
                  "time.sleep() waits only as a statement of its own", 3},
        ErrorCase{"NotInsideAnExpression", "x = [time.sleep(1)]", "NotImplementedError",
                  "time.sleep() waits only as a statement of its own", 2},
        ErrorCase{"TimeoutMustBePositive",
                  "from pyspark.sql import SparkSession\n"
                  "spark = SparkSession.builder.getOrCreate()\n"
                  "q = "
                  "spark.readStream.format('rate').load().writeStream.format('memory').queryName('"
                  "r').start()\n"
                  "spark.streams.awaitAnyTermination(0)",
                  "PySparkValueError",
                  "[VALUE_NOT_POSITIVE] Value for `timeout` must be positive, got 'int'.", 5}),
    [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace runnel
