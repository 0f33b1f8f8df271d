// LineFramer: lines as Spark's socket source reads them, whatever the TCP chunking.
#include "line_framer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace runnel::relay {
namespace {

struct Collect : LineSink {
  std::vector<std::string> events;
  void line(std::string_view text) override { events.emplace_back(text); }
  void lineTooLong(size_t bytes) override {
    events.push_back("<too long " + std::to_string(bytes) + ">");
  }
};

std::vector<std::string> frame(const std::vector<std::string>& chunks, size_t limit = 8,
                               bool finish = false) {
  LineFramer framer(limit);
  Collect sink;
  for (const std::string& chunk : chunks)
    framer.feed(chunk, sink);
  if (finish) framer.finish(sink);
  return sink.events;
}

struct Case {
  const char* name;
  std::vector<std::string> chunks;
  bool finish;
  std::vector<std::string> expected;
};

TEST(LineFramer, SplitsLikeSparkSocketSource) {
  const std::vector<Case> cases = {
      {"one line", {"a b\n"}, false, {"a b"}},
      {"several per chunk", {"a\nb\nc\n"}, false, {"a", "b", "c"}},
      {"line across chunks", {"ap", "ple", " pi\n"}, false, {"apple pi"}},
      {"crlf drops cr", {"a\r\nb\r\n"}, false, {"a", "b"}},
      {"cr split from lf", {"a\r", "\nb\n"}, false, {"a", "b"}},
      {"lone cr stays", {"a\rb\n"}, false, {"a\rb"}},
      {"empty lines count", {"\n\n"}, false, {"", ""}},
      {"partial waits", {"a\nbc"}, false, {"a"}},
      {"partial ends the stream", {"a\nbc"}, true, {"a", "bc"}},
      {"exactly the limit", {"12345678\n"}, false, {"12345678"}},
      {"limit plus crlf", {"12345678\r\n"}, false, {"12345678"}},
      {"one past the limit", {"123456789\nok\n"}, false, {"<too long 9>", "ok"}},
      {"too long across chunks",
       {"12345", "67890", "12\r", "\nok\n"},
       false,
       {"<too long 12>", "ok"}},
      {"too long at the end", {"1234567890123"}, true, {"<too long 13>"}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(frame(c.chunks, 8, c.finish), c.expected) << c.name;
  }
}

TEST(LineFramer, EveryChunkingGivesTheSameLines) {
  const std::string stream = "the quick\r\nbrown fox\n\njumps over-the-limit line\nend\n";
  const std::vector<std::string> expected = frame({stream}, 12);
  ASSERT_EQ(expected,
            (std::vector<std::string>{"the quick", "brown fox", "", "<too long 25>", "end"}));
  for (size_t cut = 1; cut < stream.size(); ++cut) {
    EXPECT_EQ(frame({stream.substr(0, cut), stream.substr(cut)}, 12), expected) << "cut at " << cut;
  }
  std::vector<std::string> bytes;
  for (char c : stream)
    bytes.emplace_back(1, c);
  EXPECT_EQ(frame(bytes, 12), expected);
}

TEST(LineFramer, ResetForgetsAPartialLine) {
  LineFramer framer(8);
  Collect sink;
  framer.feed("half", sink);
  EXPECT_EQ(framer.pendingBytes(), 4u);
  framer.reset();
  framer.feed("new\n", sink);
  EXPECT_EQ(sink.events, std::vector<std::string>{"new"});
}

// Blocks carry only whole lines that need nothing cut; the rest takes the line-by-line path, and
// the order of everything is kept.
struct CollectBlocks : Collect {
  std::vector<std::string> blocks;
  void lines(std::string_view block, const std::vector<uint32_t>& ends) override {
    blocks.emplace_back(block);
    EXPECT_EQ(ends.back(), block.size());
    LineSink::lines(block, ends);
  }
};

TEST(LineFramer, WholeLinesGoOutAsBlocksInOrder) {
  LineFramer framer(8);
  CollectBlocks sink;
  framer.feed("a\nb\nc\r\nd\ntoo long line\ne\nf", sink);
  framer.feed("g\nh\n", sink);
  EXPECT_EQ(sink.events,
            (std::vector<std::string>{"a", "b", "c", "d", "<too long 13>", "e", "fg", "h"}));
  EXPECT_EQ(sink.blocks, (std::vector<std::string>{"a\nb\n", "d\n", "e\n", "h\n"}));
}

// Long streams take the scan that finds newlines 16 bytes at a time: lines of every length and
// alignment, '\r\n' endings and over-limit lines among them, split like Spark whatever the chunks.
TEST(LineFramer, LongStreamsSplitTheSameInBlocksAsLineByLine) {
  constexpr size_t kLimit = 40;
  std::string stream;
  std::vector<std::string> expected;
  for (size_t i = 0; i < 600; ++i) {
    std::string line(i * 7 % 53, char('a' + i % 26));
    bool crlf = i % 37 == 5;
    stream += line + (crlf ? "\r\n" : "\n");
    expected.push_back(line.size() > kLimit ? "<too long " + std::to_string(line.size()) + ">"
                                            : line);
  }
  for (size_t chunk : {stream.size(), size_t{1} << 12, size_t{1000}, size_t{17}, size_t{16}}) {
    LineFramer framer(kLimit);
    CollectBlocks sink;
    for (size_t at = 0; at < stream.size(); at += chunk)
      framer.feed(std::string_view(stream).substr(at, chunk), sink);
    EXPECT_EQ(sink.events, expected) << "chunks of " << chunk;
    EXPECT_FALSE(sink.blocks.empty());
  }
}

}  // namespace
}  // namespace runnel::relay
