// LineLog: offsets, runs within segments, limits, trimming that never drops a pinned line.
#include "line_log.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

namespace runnel::relay {
namespace {

std::vector<std::string> decodeRun(const LogRun& run) {
  return nlohmann::json::parse("[" + std::string(run.json) + "]").get<std::vector<std::string>>();
}

TEST(LineLog, NumbersLinesFromZero) {
  LineLog log(LogLimits{});
  log.append("a b", 1);
  log.append("say \"hi\"", 1);
  log.append("", 1);
  EXPECT_EQ(log.startOffset(), 0u);
  EXPECT_EQ(log.endOffset(), 3u);
  EXPECT_EQ(log.line(1), "say \"hi\"");
  LogRun run = log.read(0, 1 << 20);
  EXPECT_EQ(run.first_offset, 0u);
  EXPECT_EQ(run.count, 3u);
  EXPECT_EQ(decodeRun(run), (std::vector<std::string>{"a b", "say \"hi\"", ""}));
  EXPECT_EQ(decodeRun(log.read(2, 1 << 20)), std::vector<std::string>{""});
}

TEST(LineLog, ReadRespectsTheByteBudgetButAlwaysGivesOneLine) {
  LineLog log(LogLimits{});
  for (int i = 0; i < 10; ++i)
    log.append("line" + std::to_string(i), 1);  // "lineN", = 8 bytes
  EXPECT_EQ(log.read(0, 16).count, 2u);
  EXPECT_EQ(log.read(0, 17).count, 2u);
  EXPECT_EQ(log.read(0, 0).count, 1u);
  EXPECT_EQ(decodeRun(log.read(8, 1000)), (std::vector<std::string>{"line8", "line9"}));
}

TEST(LineLog, ARunNeverSpansTwoConnections) {
  LineLog log(LogLimits{});
  log.append("first", 1);
  log.append("second", 2);
  LogRun run = log.read(0, 1000);
  EXPECT_EQ(run.count, 1u);
  EXPECT_EQ(run.connection, 1u);
  EXPECT_EQ(log.read(1, 1000).connection, 2u);
}

TEST(LineLog, TrimDropsOldestSegmentsOverTheLineLimit) {
  LineLog log(LogLimits{20000, size_t{64} << 20});
  for (int i = 0; i < 40000; ++i)
    log.append(std::to_string(i), 1);
  EXPECT_TRUE(log.full());
  log.trim(log.endOffset());
  EXPECT_FALSE(log.full());
  EXPECT_EQ(log.endOffset(), 40000u);
  EXPECT_GT(log.startOffset(), 0u);
  EXPECT_LE(log.lines(), 20000u);
  EXPECT_EQ(log.line(log.startOffset()), std::to_string(log.startOffset()));
  EXPECT_EQ(log.line(39999), "39999");
}

TEST(LineLog, TrimKeepsWhatATabStillNeeds) {
  LineLog log(LogLimits{1000, size_t{64} << 20});
  for (int i = 0; i < 50000; ++i)
    log.append("x", 1);
  log.trim(5);  // a tab is at offset 5: nothing before it may go, so nothing goes
  EXPECT_EQ(log.startOffset(), 0u);
  EXPECT_TRUE(log.full());
  log.trim(20000);
  EXPECT_LE(log.startOffset(), 20000u);
  EXPECT_GT(log.startOffset(), 0u);
}

TEST(LineLog, ByteLimitBoundsTheLog) {
  LineLog log(LogLimits{1'000'000, size_t{2} << 20});
  std::string line(1000, 'y');
  for (int i = 0; i < 10000; ++i) {
    log.append(line, 1);
    log.trim(log.endOffset());
  }
  EXPECT_LE(log.bytes(), (size_t{2} << 20) + 1003);
  EXPECT_EQ(log.endOffset(), 10000u);
  EXPECT_EQ(log.line(9999), line);
}

TEST(LineLog, ATinyLogCanAlwaysMakeRoomOnceEveryTabIsAtTheEnd) {
  LineLog log(LogLimits{10, size_t{64} << 20});
  for (int i = 0; i < 100; ++i)
    log.append("l", 1);
  log.trim(log.endOffset());
  EXPECT_FALSE(log.full()) << "the relay would stop reading its target for good";
  EXPECT_EQ(log.endOffset(), 100u);
  log.append("next", 1);
  EXPECT_EQ(log.line(100), "next");
}

}  // namespace
}  // namespace runnel::relay
