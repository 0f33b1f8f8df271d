// Test helpers: renders cells plainly (NULL, integers, doubles with %g, [a, b], {a, b}).
#include "support/batch_rows.h"

#include <algorithm>

#include <fmt/format.h>

namespace runnel::testing {

std::string cellText(const types::Value& v) {
  using types::TypeId;
  if (v.is_null) return "NULL";
  switch (v.type->id) {
    case TypeId::String:
      return v.s;
    case TypeId::Double:
      return fmt::format("{}", v.d);
    case TypeId::Boolean:
      return v.i ? "true" : "false";
    case TypeId::Array:
    case TypeId::Struct: {
      std::string out = v.type->id == TypeId::Array ? "[" : "{";
      for (size_t i = 0; i < v.children.size(); ++i) {
        if (i > 0) out += ", ";
        out += cellText(v.children[i]);
      }
      return out + (v.type->id == TypeId::Array ? "]" : "}");
    }
    default:
      return std::to_string(v.i);
  }
}

std::vector<std::string> sortedRows(const types::Batch& b) {
  std::vector<std::string> rows;
  for (size_t r = 0; r < b.num_rows; ++r) {
    std::string line;
    for (size_t c = 0; c < b.columns.size(); ++c) {
      if (c > 0) line += " | ";
      line += cellText(b.columns[c]->valueAt(r));
    }
    rows.push_back(line);
  }
  std::sort(rows.begin(), rows.end());
  return rows;
}

}  // namespace runnel::testing
