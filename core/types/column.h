// Column: one typed vector with validity, Arrow-like. Strings and arrays use offsets (size + 1
// entries) into `chars` / `children[0]`; structs keep one child per field. Kernels read the members
// directly.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "types/data_type.h"
#include "types/value.h"

namespace runnel::types {

struct Column;
using ColumnPtr = std::shared_ptr<const Column>;
using MutableColumnPtr = std::shared_ptr<Column>;

struct Column {
  DataTypePtr type;
  size_t size = 0;
  std::vector<uint8_t> nulls;              // 1 = null; empty means "no nulls"
  std::vector<int64_t> ints;               // Boolean, Int, BigInt, Timestamp
  std::vector<double> doubles;             // Double
  std::vector<uint32_t> offsets;           // String, Array: size + 1 entries, starting with 0
  std::string chars;                       // String bytes (UTF-8)
  std::vector<MutableColumnPtr> children;  // Array: [elements]; Struct: one per field

  explicit Column(DataTypePtr t);
  static MutableColumnPtr make(DataTypePtr t) { return std::make_shared<Column>(std::move(t)); }

  bool isNull(size_t row) const { return !nulls.empty() && nulls[row] != 0; }
  bool hasNulls() const;
  std::string_view stringAt(size_t row) const {
    return std::string_view(chars.data() + offsets[row], offsets[row + 1] - offsets[row]);
  }
  size_t arrayLength(size_t row) const { return offsets[row + 1] - offsets[row]; }

  // Builders. Each appends exactly one row.
  void reserve(size_t rows);
  void appendNull();
  void appendInt(int64_t v);
  void appendDouble(double v);
  void appendString(std::string_view v);
  void appendBool(bool v) { appendInt(v ? 1 : 0); }
  // Arrays: append the elements to children[0] first, then close the row.
  void closeArrayRow();
  // Structs: append one value to each child first, then close the row.
  void closeStructRow();
  void appendValue(const Value& v);
  // Appends row `row` of `other` (same type). Edges only: not for hot loops.
  void appendFrom(const Column& other, size_t row);
  // Appends rows [offset, offset + length) of `other` (same type) in bulk: buffers are copied
  // range by range, never row by row through a Value (slicing, concatenation).
  void appendRange(const Column& other, size_t offset, size_t length);

  Value valueAt(size_t row) const;

  // New column holding rows `rows` of this one, in that order.
  MutableColumnPtr gather(const std::vector<uint32_t>& rows) const;
  MutableColumnPtr slice(size_t offset, size_t length) const;

 private:
  void markValid();
};

// A column of `rows` copies of `v` (literals evaluated over a batch).
MutableColumnPtr constantColumn(const Value& v, size_t rows);

}  // namespace runnel::types
