// CsvWriter: one field at a time from the columns; Java's toString for numbers and booleans.
#include "format/csv_writer.h"

#include <fmt/format.h>

#include "format/double_format.h"
#include "runnel/error.h"

namespace runnel::format {

using types::TypeId;

namespace {

std::string_view trimmed(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && static_cast<unsigned char>(s[b]) <= ' ')
    ++b;
  while (e > b && static_cast<unsigned char>(s[e - 1]) <= ' ')
    --e;
  return s.substr(b, e - b);
}

void appendField(std::string& out, std::string_view text, const CsvOptions& o) {
  text = trimmed(text);
  if (text.empty()) {
    out += "\"\"";  // emptyValue: "" tells an empty string from a null
    return;
  }
  bool quote = o.quote != '\0' && (text.find(o.sep) != std::string_view::npos ||
                                   text.find_first_of("\n\r") != std::string_view::npos ||
                                   text.find(o.quote) != std::string_view::npos);
  if (!quote) {
    out += text;
    return;
  }
  out += o.quote;
  for (char c : text) {
    if (c == o.quote) out += o.escape;
    out += c;
  }
  out += o.quote;
}

void appendCell(std::string& out, const types::Column& c, size_t row, const CsvOptions& o) {
  if (c.isNull(row)) {
    out += o.null_value;  // an empty field by default
    return;
  }
  switch (c.type->id) {
    case TypeId::Boolean:
      out += c.ints[row] != 0 ? "true" : "false";
      break;
    case TypeId::Int:
    case TypeId::BigInt:
      out += std::to_string(c.ints[row]);
      break;
    case TypeId::Double:
      appendJavaDouble(out, c.doubles[row]);
      break;
    case TypeId::Timestamp:
      out += types::formatIsoMillis(c.ints[row], o.zone);
      break;
    case TypeId::String:
      appendField(out, c.stringAt(row), o);
      break;
    default:
      break;  // rejected by checkUserSchema; a null-typed column writes nulls
  }
}

}  // namespace

void appendCsvHeader(std::string& out, const types::Schema& schema, const CsvOptions& options) {
  for (size_t c = 0; c < schema.fields.size(); ++c) {
    if (c > 0) out += options.sep;
    appendField(out, schema.fields[c].name, options);
  }
  out += '\n';
}

void appendCsvRows(std::string& out, const types::Batch& batch, const CsvOptions& options) {
  for (size_t r = 0; r < batch.num_rows; ++r) {
    for (size_t c = 0; c < batch.columns.size(); ++c) {
      if (c > 0) out += options.sep;
      appendCell(out, *batch.columns[c], r, options);
    }
    out += '\n';
  }
}

}  // namespace runnel::format
