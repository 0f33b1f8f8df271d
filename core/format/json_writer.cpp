// JsonWriter: scalars straight from the columns; nested values through Value, as they are rare.
#include "format/json_writer.h"

#include <fmt/format.h>

#include "format/double_format.h"
#include "types/timestamp.h"

namespace runnel::format {

using types::TypeId;

namespace {

// Jackson's escaping: quote, backslash and control characters; everything else as is (UTF-8).
void appendString(std::string& out, std::string_view s) {
  out += '"';
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    switch (ch) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        if (c < 0x20)
          out += fmt::format("\\u{:04X}", static_cast<unsigned>(c));
        else
          out += ch;
    }
  }
  out += '"';
}

void appendDouble(std::string& out, double d) {
  // Jackson quotes the non-finite values (QUOTE_NON_NUMERIC_NUMBERS).
  if (d != d || d - d != 0) {
    out += '"';
    appendJavaDouble(out, d);
    out += '"';
    return;
  }
  appendJavaDouble(out, d);
}

void appendTimestamp(std::string& out, int64_t micros, const JsonWriteOptions& o) {
  appendString(out, o.timestamp_format.empty()
                        ? types::formatIsoMillis(micros, o.zone)
                        : types::formatWithPattern(micros, o.timestamp_format, o.zone));
}

void appendValue(std::string& out, const types::Value& v, const JsonWriteOptions& o) {
  if (v.is_null) {
    out += "null";  // inside arrays, and struct fields when ignoreNullFields is false
    return;
  }
  switch (v.type->id) {
    case TypeId::Boolean:
      out += v.i != 0 ? "true" : "false";
      break;
    case TypeId::Int:
    case TypeId::BigInt:
      out += std::to_string(v.i);
      break;
    case TypeId::Double:
      appendDouble(out, v.d);
      break;
    case TypeId::Timestamp:
      appendTimestamp(out, v.i, o);
      break;
    case TypeId::String:
      appendString(out, v.s);
      break;
    case TypeId::Array:
      out += '[';
      for (size_t i = 0; i < v.children.size(); ++i) {
        if (i > 0) out += ',';
        appendValue(out, v.children[i], o);
      }
      out += ']';
      break;
    case TypeId::Struct: {
      out += '{';
      bool first = true;
      for (size_t i = 0; i < v.children.size(); ++i) {
        if (v.children[i].is_null && o.ignore_null_fields) continue;
        if (!first) out += ',';
        first = false;
        appendString(out, v.type->fields[i].name);
        out += ':';
        appendValue(out, v.children[i], o);
      }
      out += '}';
      break;
    }
    case TypeId::Null:
      out += "null";
      break;
  }
}

void appendCell(std::string& out, const types::Column& c, size_t row, const JsonWriteOptions& o) {
  switch (c.type->id) {
    case TypeId::Int:
    case TypeId::BigInt:
      out += std::to_string(c.ints[row]);
      break;
    case TypeId::Double:
      appendDouble(out, c.doubles[row]);
      break;
    case TypeId::String:
      appendString(out, c.stringAt(row));
      break;
    case TypeId::Timestamp:
      appendTimestamp(out, c.ints[row], o);
      break;
    default:
      appendValue(out, c.valueAt(row), o);
  }
}

}  // namespace

void appendJsonRows(std::string& out, const types::Batch& batch, const JsonWriteOptions& o) {
  for (size_t r = 0; r < batch.num_rows; ++r) {
    out += '{';
    bool first = true;
    for (size_t c = 0; c < batch.columns.size(); ++c) {
      const bool null = batch.columns[c]->isNull(r);
      if (null && o.ignore_null_fields) continue;
      if (!first) out += ',';
      first = false;
      appendString(out, batch.schema.fields[c].name);
      out += ':';
      if (null)
        out += "null";
      else
        appendCell(out, *batch.columns[c], r, o);
    }
    out += '}';
    out += o.line_sep;
  }
}

}  // namespace runnel::format
