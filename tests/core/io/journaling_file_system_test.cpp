// JournalingFileSystem: every write and removal is recorded in order and handed over once, while
// reads see the file system underneath.
#include <gtest/gtest.h>

#include "runnel/file_system.h"

namespace runnel {
namespace {

TEST(JournalingFileSystem, RecordsWritesAndRemovalsInOrder) {
  JournalingFileSystem fs(makeMemoryFileSystem());
  fs.writeAtomic("/cp/offsets/0", "v1\n{}");
  fs.writeAtomic("/cp/commits/0", std::string("v1\0\xff", 4));
  fs.remove("/cp/offsets");
  auto changes = fs.takeChanges();
  ASSERT_EQ(changes.size(), 3u);
  EXPECT_EQ(changes[0].kind, FileChange::Kind::Write);
  EXPECT_EQ(changes[0].path, "/cp/offsets/0");
  EXPECT_EQ(changes[0].content, "v1\n{}");
  EXPECT_EQ(changes[1].path, "/cp/commits/0");
  EXPECT_EQ(changes[1].content, std::string("v1\0\xff", 4));
  EXPECT_EQ(changes[2].kind, FileChange::Kind::Remove);
  EXPECT_EQ(changes[2].path, "/cp/offsets");
  EXPECT_TRUE(fs.takeChanges().empty());
  EXPECT_FALSE(fs.exists("/cp/offsets/0"));
  EXPECT_EQ(fs.read("/cp/commits/0"), std::string("v1\0\xff", 4));
  EXPECT_EQ(fs.list("/cp"), std::vector<std::string>{"commits"});
}

TEST(JournalingFileSystem, TemporaryCheckpointsAreNotRecorded) {
  JournalingFileSystem fs(makeMemoryFileSystem(), {kTemporaryCheckpointPrefix});
  fs.writeAtomic(std::string(kTemporaryCheckpointPrefix) + "1234/offsets/0", "v1");
  fs.remove(std::string(kTemporaryCheckpointPrefix) + "1234");
  fs.writeAtomic("/tmp/cp/offsets/0", "v1");
  auto changes = fs.takeChanges();
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].path, "/tmp/cp/offsets/0");
  EXPECT_FALSE(fs.exists(std::string(kTemporaryCheckpointPrefix) + "1234"));
}

}  // namespace
}  // namespace runnel
