// Cast to string (Spark's ToStringBase.castToString): writes straight into the result's chars.
#include "expr/cast_to_string.h"

#include <fmt/format.h>

#include "format/double_format.h"
#include "runnel/error.h"

namespace runnel::expr {

using types::TypeId;

void appendCellString(std::string& out, const types::Column& c, size_t row,
                      const types::TimeZone& zone) {
  switch (c.type->id) {
    case TypeId::Null:
      out += "null";
      return;
    case TypeId::Boolean:
      out += c.ints[row] ? "true" : "false";
      return;
    case TypeId::Int:
    case TypeId::BigInt:
      fmt::format_to(std::back_inserter(out), "{}", c.ints[row]);
      return;
    case TypeId::Double:
      format::appendJavaDouble(out, c.doubles[row]);
      return;
    case TypeId::String:
      out += c.stringAt(row);
      return;
    case TypeId::Timestamp:
      out += types::formatTimestamp(c.ints[row], zone);
      return;
    case TypeId::Array: {
      const types::Column& el = *c.children[0];
      out += '[';
      for (uint32_t i = c.offsets[row]; i < c.offsets[row + 1]; ++i) {
        if (i > c.offsets[row]) out += ", ";
        if (el.isNull(i))
          out += "null";
        else
          appendCellString(out, el, i, zone);
      }
      out += ']';
      return;
    }
    case TypeId::Struct: {
      out += '{';
      for (size_t f = 0; f < c.children.size(); ++f) {
        if (f > 0) out += ", ";
        if (c.children[f]->isNull(row))
          out += "null";
        else
          appendCellString(out, *c.children[f], row, zone);
      }
      out += '}';
      return;
    }
  }
}

types::ColumnPtr castToString(const types::Column& in, const types::TimeZone& zone) {
  auto out = types::Column::make(types::stringType());
  out->offsets.resize(in.size + 1);
  out->offsets[0] = 0;
  out->nulls = in.nulls;
  if (in.type->id == TypeId::Null) out->nulls.assign(in.size, 1);
  out->size = in.size;
  for (size_t r = 0; r < in.size; ++r) {
    if (!out->nulls.empty() && out->nulls[r]) {
      out->offsets[r + 1] = static_cast<uint32_t>(out->chars.size());
      continue;
    }
    appendCellString(out->chars, in, r, zone);
    RUNNEL_ASSERT(out->chars.size() <= UINT32_MAX, "a string column holds at most 4 GiB");
    out->offsets[r + 1] = static_cast<uint32_t>(out->chars.size());
  }
  return out;
}

}  // namespace runnel::expr
