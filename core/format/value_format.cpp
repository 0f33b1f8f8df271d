// ToPrettyString over Values and over Column rows; both walk the type the same way so they agree.
#include "format/value_format.h"

#include "format/double_format.h"

namespace runnel::format {

using types::TypeId;

void appendPrettyValue(std::string& out, const types::Value& v, const types::TimeZone& zone) {
  if (v.is_null || v.type->id == TypeId::Null) {
    out += "NULL";
    return;
  }
  switch (v.type->id) {
    case TypeId::Boolean:
      out += v.i ? "true" : "false";
      break;
    case TypeId::Int:
    case TypeId::BigInt:
      out += std::to_string(v.i);
      break;
    case TypeId::Double:
      appendJavaDouble(out, v.d);
      break;
    case TypeId::String:
      out += v.s;
      break;
    case TypeId::Timestamp:
      out += types::formatTimestamp(v.i, zone);
      break;
    case TypeId::Array:
    case TypeId::Struct: {
      const bool array = v.type->id == TypeId::Array;
      out += array ? '[' : '{';
      for (size_t k = 0; k < v.children.size(); ++k) {
        if (k > 0) out += ", ";
        appendPrettyValue(out, v.children[k], zone);
      }
      out += array ? ']' : '}';
      break;
    }
    case TypeId::Null:
      break;
  }
}

std::string prettyValue(const types::Value& v, const types::TimeZone& zone) {
  std::string out;
  appendPrettyValue(out, v, zone);
  return out;
}

void appendPrettyCell(std::string& out, const types::Column& col, size_t row,
                      const types::TimeZone& zone) {
  if (col.type->id == TypeId::Null || col.isNull(row)) {
    out += "NULL";
    return;
  }
  switch (col.type->id) {
    case TypeId::Boolean:
      out += col.ints[row] ? "true" : "false";
      break;
    case TypeId::Int:
    case TypeId::BigInt:
      out += std::to_string(col.ints[row]);
      break;
    case TypeId::Double:
      appendJavaDouble(out, col.doubles[row]);
      break;
    case TypeId::String:
      out += col.stringAt(row);
      break;
    case TypeId::Timestamp:
      out += types::formatTimestamp(col.ints[row], zone);
      break;
    case TypeId::Array: {
      out += '[';
      for (uint32_t k = col.offsets[row]; k < col.offsets[row + 1]; ++k) {
        if (k > col.offsets[row]) out += ", ";
        appendPrettyCell(out, *col.children[0], k, zone);
      }
      out += ']';
      break;
    }
    case TypeId::Struct: {
      out += '{';
      for (size_t k = 0; k < col.children.size(); ++k) {
        if (k > 0) out += ", ";
        appendPrettyCell(out, *col.children[k], row, zone);
      }
      out += '}';
      break;
    }
    case TypeId::Null:
      break;
  }
}

std::string prettyCell(const types::Column& col, size_t row, const types::TimeZone& zone) {
  std::string out;
  appendPrettyCell(out, col, row, zone);
  return out;
}

}  // namespace runnel::format
