// LineEnds: values read back by offset across chunk boundaries, the search stays within its range,
// and dropping whole chunks keeps every later offset.
#include "line_ends.h"

#include <gtest/gtest.h>

#include <vector>

namespace runnel::relay {
namespace {

TEST(LineEnds, ValuesReadBackAcrossChunks) {
  LineEnds ends(1024);
  std::vector<uint32_t> block(3000);
  for (size_t i = 0; i < block.size(); ++i)
    block[i] = uint32_t(10 * (i + 1));
  ends.push(7);
  ends.append(block.data(), block.size(), 100);  // spans three chunk boundaries
  ends.push(1);
  ASSERT_EQ(ends.end(), 3002u);
  EXPECT_EQ(ends.at(0), 7u);
  for (size_t i = 0; i < block.size(); ++i)
    ASSERT_EQ(ends.at(1 + i), block[i] + 100) << i;
  EXPECT_EQ(ends.at(3001), 1u);
}

TEST(LineEnds, UpperBoundFindsTheFirstGreaterValueWithinItsRange) {
  LineEnds ends(1024);
  for (uint32_t i = 0; i < 5000; ++i)
    ends.push(2 * i + 2);  // offset i holds 2i + 2
  EXPECT_EQ(ends.upperBound(0, 5000, 0), 0u);
  EXPECT_EQ(ends.upperBound(0, 5000, 2), 1u);
  EXPECT_EQ(ends.upperBound(10, 5000, 2047), 1023u);  // the last of the first chunk
  EXPECT_EQ(ends.upperBound(10, 5000, 2048), 1024u);  // the first of the next
  EXPECT_EQ(ends.upperBound(1000, 3000, 4100), 2050u);
  EXPECT_EQ(ends.upperBound(1000, 3000, 100000), 3000u);  // none: the range's end
  EXPECT_EQ(ends.upperBound(7, 7, 0), 7u);
}

TEST(LineEnds, DroppingKeepsLaterOffsets) {
  LineEnds ends(1024);
  for (uint32_t i = 0; i < 4096; ++i)
    ends.push(i);
  ends.dropBefore(2500);  // the first two chunks go, the one holding 2500 stays
  EXPECT_EQ(ends.at(2048), 2048u);
  EXPECT_EQ(ends.at(4095), 4095u);
  ends.dropBefore(4096);  // every chunk: the next push maps one where the offsets are
  ends.push(42);
  EXPECT_EQ(ends.at(4096), 42u);
  EXPECT_EQ(ends.upperBound(4096, 4097, 41), 4096u);
}

}  // namespace
}  // namespace runnel::relay
