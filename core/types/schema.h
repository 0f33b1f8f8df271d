// Schema: the ordered, named fields of a Batch or plan output (Spark's StructType at the top
// level).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "types/data_type.h"

namespace runnel::types {

struct Schema {
  std::vector<Field> fields;

  size_t size() const { return fields.size(); }
  const Field& operator[](size_t i) const { return fields[i]; }
  // Case-insensitive lookup, as Spark's default resolver (spark.sql.caseSensitive=false).
  std::optional<size_t> indexOf(std::string_view name) const;
  std::vector<std::string> names() const;
  // "value: string, timestamp: timestamp" as PySpark's DataFrame repr shows it.
  std::string simpleString() const;
  // printSchema's tree: "root\n |-- value: string (nullable = true)\n".
  std::string treeString() const;
};

bool equalsIgnoreCase(std::string_view a, std::string_view b);

}  // namespace runnel::types
