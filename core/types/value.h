// Value: one typed scalar (or array/struct) for the edges of the engine: literals, test rows,
// printing. Never used on the hot path; operators work on Columns.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "types/data_type.h"

namespace runnel::types {

struct Value {
  DataTypePtr type = nullType();
  bool is_null = true;
  int64_t i = 0;                // Boolean (0/1), Int, BigInt, Timestamp (microseconds since epoch)
  double d = 0;                 // Double
  std::string s;                // String
  std::vector<Value> children;  // Array elements or Struct fields

  static Value null(DataTypePtr type = nullType());
  static Value boolean(bool v);
  static Value int32(int32_t v);
  static Value int64(int64_t v);
  static Value float64(double v);
  static Value string(std::string v);
  static Value timestampMicros(int64_t micros);
  static Value array(DataTypePtr element_type, std::vector<Value> elements);
  static Value structOf(DataTypePtr struct_type, std::vector<Value> fields);

  bool operator==(const Value& other) const;
};

}  // namespace runnel::types
