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

TEST(Column, AppendRangeRebasesOffsetsAndMergesValidity) {
  auto a = Column::make(arrayType(stringType()));
  for (const char* w : {"ab", "c", "def"})
    a->children[0]->appendString(w);
  a->closeArrayRow();
  a->appendNull();
  a->children[0]->appendString("g");
  a->closeArrayRow();
  auto out = Column::make(arrayType(stringType()));
  out->children[0]->appendString("x");
  out->closeArrayRow();  // no nulls yet: the range brings the first
  out->appendRange(*a, 1, 2);
  ASSERT_EQ(out->size, 3u);
  EXPECT_FALSE(out->isNull(0));
  EXPECT_TRUE(out->isNull(1));
  EXPECT_EQ(out->arrayLength(2), 1u);
  EXPECT_EQ(out->children[0]->stringAt(out->offsets[2]), "g");
  auto s = a->slice(0, 1);
  EXPECT_EQ(s->children[0]->size, 3u);
  EXPECT_EQ(s->children[0]->stringAt(2), "def");
  EXPECT_FALSE(s->hasNulls());
}

TEST(Column, AppendRangeConvertsDifferingStorage) {
  auto ints = Column::make(intType());
  ints->appendInt(3);
  auto d = Column::make(doubleType());
  d->appendRange(*ints, 0, 1);
  ASSERT_EQ(d->size, 1u);
  EXPECT_EQ(d->doubles[0], 3.0);
}

TEST(Column, ConstantColumnFillsScalars) {
  auto c = constantColumn(Value::string(" "), 3);
  ASSERT_EQ(c->size, 3u);
  EXPECT_EQ(c->stringAt(2), " ");
  EXPECT_FALSE(c->hasNulls());
  auto n = constantColumn(Value::null(stringType()), 2);
  EXPECT_TRUE(n->isNull(1));
}

TEST(Schema, TreeStringMatchesPrintSchema) {
  Schema s;
  s.fields = {{"value", stringType(), true}, {"count", bigintType(), false}};
  EXPECT_EQ(s.treeString(),
            "root\n |-- value: string (nullable = true)\n |-- count: long (nullable = false)\n");
}

}  // namespace
}  // namespace runnel::types
