// LogFile: what is appended reads back the same, from the in-memory ring of the newest bytes (also
// across its wrap) and from the file for older bytes, and dropping keeps what comes after.
#include "log_file.h"

#include <gtest/gtest.h>

#include <string>

namespace runnel::relay {
namespace {

std::string pattern(size_t size, char seed) {
  std::string text(size, ' ');
  for (size_t i = 0; i < size; ++i)
    text[i] = char('a' + (i * 7 + size_t(seed)) % 26);
  return text;
}

std::string readBack(const LogFile& file, uint64_t position, size_t size) {
  std::string out = "prefix:";
  file.read(position, size, out);
  EXPECT_EQ(out.substr(0, 7), "prefix:") << "read appends";
  return out.substr(7);
}

TEST(LogFile, ReadsBackFromTheRingAndFromTheFile) {
  LogFile file;
  std::string all;
  // Pieces of odd sizes so the ring wraps mid-piece; 3 rings' worth, so the start is file-only.
  for (char seed = 0; all.size() < 3 * LogFile::kRecentBytes; ++seed) {
    std::string piece = pattern(300'007, seed);
    file.append(piece);
    all += piece;
  }
  ASSERT_EQ(file.end(), all.size());
  uint64_t end = file.end();
  EXPECT_EQ(readBack(file, 0, 1000), all.substr(0, 1000));                    // file
  EXPECT_EQ(readBack(file, end - 70'000, 70'000), all.substr(end - 70'000));  // ring
  size_t across = LogFile::kRecentBytes + 5;  // older than the ring by 5 bytes: the file
  EXPECT_EQ(readBack(file, end - across, across), all.substr(end - across));
  // Every ring position, including the wrap point.
  uint64_t wrap = end / LogFile::kRecentBytes * LogFile::kRecentBytes;
  EXPECT_EQ(readBack(file, wrap - 10, 20), all.substr(wrap - 10, 20));
  file.dropBefore(LogFile::kRecentBytes);
  EXPECT_EQ(readBack(file, end - 10, 10), all.substr(end - 10));
  EXPECT_EQ(readBack(file, LogFile::kRecentBytes + 1, 100),
            all.substr(LogFile::kRecentBytes + 1, 100));
}

TEST(LogFile, ALargerAppendThanTheRingStillReadsBack) {
  LogFile file;
  std::string big = pattern(LogFile::kRecentBytes + 12345, 3);
  file.append("x");
  file.append(big);
  EXPECT_EQ(readBack(file, 0, 1), "x");
  EXPECT_EQ(readBack(file, 1, big.size()), big);
  EXPECT_EQ(readBack(file, file.end() - 100, 100), big.substr(big.size() - 100));
}

TEST(LogFile, TwoPiecesAppendAsOne) {
  LogFile file;
  std::string first = pattern(1000, 1);
  std::string second = pattern(LogFile::kRecentBytes, 2);  // the ring then holds part of it only
  file.append(first, second);
  file.append("", "tail");
  file.append("head", "");
  std::string all = first + second + "tail" + "head";
  ASSERT_EQ(file.end(), all.size());
  EXPECT_EQ(readBack(file, 0, all.size()), all);
  EXPECT_EQ(readBack(file, all.size() - 5000, 5000), all.substr(all.size() - 5000));
}

TEST(LogFile, AppendsThatSkipTheRingStillReadBack) {
  LogFile file;
  std::string kept = pattern(5000, 1);
  std::string skipped = pattern(LogFile::kRecentBytes / 2 + 3, 2);  // no reader near: file only
  std::string again = pattern(7000, 3);                             // a reader near: ring again
  file.append(kept);
  file.append(skipped, "", false);
  file.append(again, "!");
  std::string all = kept + skipped + again + "!";
  ASSERT_EQ(file.end(), all.size());
  EXPECT_EQ(readBack(file, 0, all.size()), all);
  // Around both changes: what the ring was emptied of comes from the file.
  uint64_t skip_at = kept.size(), again_at = kept.size() + skipped.size();
  EXPECT_EQ(readBack(file, skip_at - 10, 20), all.substr(skip_at - 10, 20));
  EXPECT_EQ(readBack(file, again_at - 10, 20), all.substr(again_at - 10, 20));
  EXPECT_EQ(readBack(file, again_at, again.size() + 1), again + "!");
}

}  // namespace
}  // namespace runnel::relay
