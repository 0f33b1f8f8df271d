// CsvWriter: one field at a time from the columns; Java's toString for numbers and booleans.
#include "format/csv_writer.h"

#include <fmt/format.h>

#include "expr/type_coercion.h"
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

void appendField(std::string& out, std::string_view text) {
  text = trimmed(text);
  if (text.empty()) {
    out += "\"\"";  // emptyValue: "" tells an empty string from a null
    return;
  }
  if (text.find_first_of(",\"\n\r") == std::string_view::npos) {
    out += text;
    return;
  }
  out += '"';
  for (char c : text) {
    if (c == '"') out += '\\';  // escape defaults to backslash
    out += c;
  }
  out += '"';
}

void appendCell(std::string& out, const types::Column& c, size_t row, const types::TimeZone& zone) {
  if (c.isNull(row)) return;  // nullValue: the empty field
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
      out += types::formatIsoMillis(c.ints[row], zone);
      break;
    case TypeId::String:
      appendField(out, c.stringAt(row));
      break;
    default:
      break;  // rejected by verifyCsvSchema; a null-typed column writes nulls
  }
}

}  // namespace

void verifyCsvSchema(const types::Schema& schema) {
  for (const auto& f : schema.fields) {
    if (f.type->id != TypeId::Array && f.type->id != TypeId::Struct) continue;
    throw Error(ErrorClass::AnalysisException,
                fmt::format("[UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE] The CSV datasource doesn't "
                            "support the column `{}` of the type {}. SQLSTATE: 0A000",
                            f.name, expr::toSQLType(*f.type)));
  }
}

void appendCsvRows(std::string& out, const types::Batch& batch, const types::TimeZone& zone) {
  for (size_t r = 0; r < batch.num_rows; ++r) {
    for (size_t c = 0; c < batch.columns.size(); ++c) {
      if (c > 0) out += ',';
      appendCell(out, *batch.columns[c], r, zone);
    }
    out += '\n';
  }
}

}  // namespace runnel::format
