// GroupKeyTable: the one-string-key fast path and the encoded path agree on groups, across growth
// and a snapshot restore (insertEncoded).
#include "exec/group_key_table.h"

#include <gtest/gtest.h>

namespace runnel::exec {
namespace {

types::ColumnPtr words(const std::vector<const char*>& ws) {
  auto c = types::Column::make(types::stringType());
  for (const char* w : ws) {
    if (w == nullptr)
      c->appendNull();
    else
      c->appendString(w);
  }
  return c;
}

TEST(GroupKeyTable, StringKeysNullAndGrowth) {
  GroupKeyTable t({types::stringType()});
  std::vector<uint32_t> ids, inserted;
  t.findOrInsert({words({"a", nullptr, "", "a", "long key past eight bytes", nullptr})}, 6, ids,
                 inserted);
  EXPECT_EQ(ids, (std::vector<uint32_t>{0, 1, 2, 0, 3, 1}));
  EXPECT_EQ(inserted, (std::vector<uint32_t>{0, 1, 2, 3}));
  // Enough keys to grow the slot array several times; old groups keep their ids.
  std::vector<std::string> many;
  for (int i = 0; i < 5000; ++i)
    many.push_back("w" + std::to_string(i));
  auto col = types::Column::make(types::stringType());
  for (const auto& w : many)
    col->appendString(w);
  col->appendString("a");
  t.findOrInsert({col}, many.size() + 1, ids, inserted);
  EXPECT_EQ(ids.back(), 0u);
  EXPECT_EQ(t.size(), 5004u);
  auto keys = t.keyColumns({1, 3, 4});
  EXPECT_TRUE(keys[0]->isNull(0));
  EXPECT_EQ(keys[0]->stringAt(1), "long key past eight bytes");
  EXPECT_EQ(keys[0]->stringAt(2), "w0");
}

TEST(GroupKeyTable, RestoredKeysAreFoundByTheFastPath) {
  GroupKeyTable t({types::stringType()});
  std::vector<uint32_t> ids, inserted;
  t.findOrInsert({words({"x", nullptr})}, 2, ids, inserted);
  GroupKeyTable restored({types::stringType()});
  for (uint32_t g = 0; g < t.size(); ++g)
    restored.insertEncoded(t.encodedKey(g));
  inserted.clear();
  restored.findOrInsert({words({nullptr, "x"})}, 2, ids, inserted);
  EXPECT_EQ(ids, (std::vector<uint32_t>{1, 0}));
  EXPECT_TRUE(inserted.empty());
}

TEST(GroupKeyTable, CompositeKeysUseTheEncodedPath) {
  GroupKeyTable t({types::stringType(), types::intType()});
  auto n = types::Column::make(types::intType());
  for (int64_t v : {1, 2, 1})
    n->appendInt(v);
  std::vector<uint32_t> ids, inserted;
  t.findOrInsert({words({"a", "a", "a"}), n}, 3, ids, inserted);
  EXPECT_EQ(ids, (std::vector<uint32_t>{0, 1, 0}));
}

// Keys of every length around the 8- and 16-byte words a slot holds, differing only in their last
// byte or only in their length (a trailing zero byte). Each is inserted once as the last row of a
// column (hashed with loads that stop at its end) and then found in the middle of another column
// (hashed with whole-word loads and masks): both must give the same group.
TEST(GroupKeyTable, KeysOfEveryLengthAroundTheSlotWordsAreToldApart) {
  std::vector<std::string> keys;
  for (size_t n = 0; n <= 40; ++n) {
    std::string base(n, 'k');
    keys.push_back(base);
    if (n > 0) {
      std::string other = base;
      other.back() = 'z';
      keys.push_back(other);
    }
    keys.push_back(base + std::string(1, '\0'));
  }
  GroupKeyTable t({types::stringType()});
  std::vector<uint32_t> ids, inserted;
  for (const auto& k : keys) {
    auto col = types::Column::make(types::stringType());
    col->appendString(k);
    t.findOrInsert({col}, 1, ids, inserted);
  }
  ASSERT_EQ(t.size(), keys.size());
  auto all = types::Column::make(types::stringType());
  for (const auto& k : keys)
    all->appendString(k);
  all->appendString("padding after the last key, so every key above is mid-buffer");
  inserted.clear();
  t.findOrInsert({all}, keys.size() + 1, ids, inserted);
  for (size_t i = 0; i < keys.size(); ++i)
    EXPECT_EQ(ids[i], i) << "key of length " << keys[i].size();
  EXPECT_EQ(inserted, std::vector<uint32_t>{static_cast<uint32_t>(keys.size())});
  auto back = t.keyColumns({0, static_cast<uint32_t>(keys.size() - 1)});
  EXPECT_EQ(back[0]->stringAt(1), keys.back());
}

}  // namespace
}  // namespace runnel::exec
