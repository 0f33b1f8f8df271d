// Column: builders keep offsets and validity consistent.
#include "types/column.h"
#include "types/schema.h"

#include <gtest/gtest.h>

namespace runnel::types {
namespace {

TEST(Column, StringsWithNulls) {
  auto c = Column::make(stringType());
  c->appendString("cat");
  c->appendNull();
  c->appendString("");
  ASSERT_EQ(c->size, 3u);
  EXPECT_EQ(c->stringAt(0), "cat");
  EXPECT_TRUE(c->isNull(1));
  EXPECT_FALSE(c->isNull(2));
  EXPECT_EQ(c->stringAt(2), "");
  auto g = c->gather({2, 0});
  EXPECT_EQ(g->stringAt(1), "cat");
  EXPECT_FALSE(g->hasNulls());
}

TEST(Column, ArrayOfStrings) {
  auto c = Column::make(arrayType(stringType()));
  c->children[0]->appendString("a");
  c->children[0]->appendString("b");
  c->closeArrayRow();
  c->closeArrayRow();
  ASSERT_EQ(c->size, 2u);
  EXPECT_EQ(c->arrayLength(0), 2u);
  EXPECT_EQ(c->arrayLength(1), 0u);
  Value v = c->valueAt(0);
  ASSERT_EQ(v.children.size(), 2u);
  EXPECT_EQ(v.children[1].s, "b");
}

TEST(Schema, TreeStringMatchesPrintSchema) {
  Schema s;
  s.fields = {{"value", stringType(), true}, {"count", bigintType(), false}};
  EXPECT_EQ(s.treeString(),
            "root\n |-- value: string (nullable = true)\n |-- count: long (nullable = false)\n");
}

}  // namespace
}  // namespace runnel::types
