// LineLog: offsets, runs within segments, limits, trimming that never drops a pinned line, and
// the commit that makes appended lines readable.
#include "line_log.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace runnel::relay {
namespace {

// The lines of a run, read back from the log file.
std::vector<std::string> decodeRun(const LineLog& log, const LogRun& run) {
  std::string bytes;
  log.copy(run, bytes);
  std::vector<std::string> lines;
  size_t begin = 0;
  for (size_t nl = bytes.find('\n'); nl != std::string::npos; nl = bytes.find('\n', begin)) {
    lines.push_back(bytes.substr(begin, nl - begin));
    begin = nl + 1;
  }
  EXPECT_EQ(begin, bytes.size()) << "every line of a run ends in \\n";
  EXPECT_EQ(lines.size(), run.count);
  return lines;
}

TEST(LineLog, NumbersLinesFromZero) {
  LineLog log(LogLimits{});
  log.append("a b", 1);
  log.append("say \"hi\"", 1);
  log.append("", 1);
  EXPECT_EQ(log.endOffset(), 0u) << "appended lines are readable once committed";
  log.commit();
  EXPECT_EQ(log.startOffset(), 0u);
  EXPECT_EQ(log.endOffset(), 3u);
  EXPECT_EQ(log.line(1), "say \"hi\"");
  LogRun run = log.read(0, 1 << 20);
  EXPECT_EQ(run.first_offset, 0u);
  EXPECT_EQ(run.count, 3u);
  EXPECT_EQ(decodeRun(log, run), (std::vector<std::string>{"a b", "say \"hi\"", ""}));
  EXPECT_EQ(decodeRun(log, log.read(2, 1 << 20)), std::vector<std::string>{""});
}

TEST(LineLog, ReadRespectsTheByteBudgetButAlwaysGivesOneLine) {
  LineLog log(LogLimits{});
  for (int i = 0; i < 10; ++i)
    log.append("line" + std::to_string(i), 1);  // "lineN\n" = 6 bytes
  log.commit();
  EXPECT_EQ(log.read(0, 12).count, 2u);
  EXPECT_EQ(log.read(0, 17).count, 2u);
  EXPECT_EQ(log.read(0, 18).count, 3u);
  EXPECT_EQ(log.read(0, 0).count, 1u);
  EXPECT_EQ(decodeRun(log, log.read(8, 1000)), (std::vector<std::string>{"line8", "line9"}));
}

TEST(LineLog, ARunNeverSpansTwoConnections) {
  LineLog log(LogLimits{});
  log.append("first", 1);
  log.append("second", 2);
  log.commit();
  LogRun run = log.read(0, 1000);
  EXPECT_EQ(run.count, 1u);
  EXPECT_EQ(run.connection, 1u);
  EXPECT_EQ(log.read(1, 1000).connection, 2u);
}

TEST(LineLog, TrimDropsOldestSegmentsOverTheLineLimit) {
  LineLog log(LogLimits{20000, size_t{64} << 20});
  for (int i = 0; i < 40000; ++i)
    log.append(std::to_string(i), 1);
  log.commit();
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
  log.commit();
  log.trim(log.endOffset());
  EXPECT_FALSE(log.full()) << "the relay would stop reading its target for good";
  EXPECT_EQ(log.endOffset(), 100u);
  log.append("next", 1);
  log.commit();
  EXPECT_EQ(log.line(100), "next");
}

TEST(LineLog, ARunStopsAtTheCommittedEndEvenWhenStagedLinesFillASegment) {
  LineLog log(LogLimits{80, size_t{64} << 20});  // segments of 10 lines
  for (int i = 0; i < 5; ++i)
    log.append("c" + std::to_string(i), 1);
  log.commit();
  for (int i = 5; i < 15; ++i)  // staged: the rest of the first segment and half the second
    log.append("s" + std::to_string(i), 1);
  EXPECT_EQ(log.endOffset(), 5u);
  EXPECT_EQ(decodeRun(log, log.read(0, 1 << 20)),
            (std::vector<std::string>{"c0", "c1", "c2", "c3", "c4"}));
  log.commit();
  EXPECT_EQ(log.read(0, 1 << 20).count, 10u);
  EXPECT_EQ(log.line(14), "s14");
}

TEST(LineLog, AppendingABlockEqualsAppendingEachLineAcrossSegments) {
  LineLog one_by_one(LogLimits{800, size_t{64} << 20});  // segments of 100 lines
  LineLog blocks(LogLimits{800, size_t{64} << 20});
  std::string block;
  std::vector<uint32_t> ends;
  for (int i = 0; i < 1000; ++i) {
    std::string line = "l" + std::to_string(i);
    one_by_one.append(line, 1);
    block += line + "\n";
    ends.push_back(static_cast<uint32_t>(block.size()));
    if (i % 333 == 0 || i == 999) {  // blocks that start and end mid-segment
      blocks.appendLines(block, ends, 1);
      block.clear();
      ends.clear();
    }
  }
  one_by_one.commit();
  blocks.commit();
  ASSERT_EQ(blocks.endOffset(), 1000u);
  EXPECT_EQ(blocks.bytes(), one_by_one.bytes());
  for (uint64_t offset = 0; offset < 1000; offset += 37) {
    LogRun a = one_by_one.read(offset, 1 << 20);
    LogRun b = blocks.read(offset, 1 << 20);
    EXPECT_EQ(b.count, a.count) << offset;
    EXPECT_EQ(decodeRun(blocks, b), decodeRun(one_by_one, a));
  }
}

TEST(LineLog, LinesAppendedWhileTheLeadingTabIsFarBehindReadBackExactly) {
  LineLog log(LogLimits{});
  std::vector<std::string> expected;
  auto appendBlock = [&](size_t count, char seed) {
    std::string block;
    std::vector<uint32_t> ends;
    for (size_t i = 0; i < count; ++i) {
      expected.push_back(std::string(40 + i % 50, char('a' + (seed + i) % 26)));
      block += expected.back() + "\n";
      ends.push_back(uint32_t(block.size()));
    }
    log.appendLines(block, ends, 1);
  };
  log.setLeadingReader(0);  // a tab at offset 0 while megabytes arrive: file only
  for (char seed = 0; seed < 60; ++seed)
    appendBlock(1000, seed);
  log.setLeadingReader(log.endOffset());  // caught up: the ring again
  appendBlock(10, 'x');
  std::vector<std::string> got;
  for (uint64_t offset = 0; offset < log.endOffset();) {
    LogRun run = log.read(offset, 64 << 10);
    for (std::string& line : decodeRun(log, run))
      got.push_back(std::move(line));
    offset += run.count;
  }
  EXPECT_EQ(got, expected);
}

}  // namespace
}  // namespace runnel::relay
