// CsvReader: each record becomes one row. A field that does not convert becomes null and marks the
// record malformed, as does a wrong number of fields (missing ones are null, extra ones dropped);
// the mode then keeps the partial row, drops it, or fails the read.
#include "format/csv_reader.h"

#include <fmt/format.h>

#include "format/csv_field.h"
#include "format/csv_schema_inference.h"
#include "format/csv_tokenizer.h"
#include "runnel/error.h"

namespace runnel::format {

namespace {

using types::TypeId;

// UnivocityParser.makeConverter for one field; false when the text does not convert.
bool appendField(types::Column& col, const std::string* text, const CsvOptions& o) {
  if (text == nullptr || *text == o.null_value) {
    col.appendNull();
    return true;
  }
  const std::string& s = *text;
  switch (col.type->id) {
    case TypeId::String:
      col.appendString(s);
      return true;
    case TypeId::Int:
      if (auto v = parseJavaInt(s)) return col.appendInt(*v), true;
      break;
    case TypeId::BigInt:
      if (auto v = parseJavaLong(s)) return col.appendInt(*v), true;
      break;
    case TypeId::Double:
      if (auto v = parseJavaDouble(s)) return col.appendDouble(*v), true;
      break;
    case TypeId::Boolean:
      if (auto v = parseScalaBoolean(s)) return col.appendBool(*v), true;
      break;
    case TypeId::Timestamp:
      if (auto v = parseCsvTimestamp(s, o.zone, false)) return col.appendInt(*v), true;
      break;
    default:
      break;
  }
  col.appendNull();
  return false;
}

// GenericInternalRow.toString of the partial row, as FAILFAST's message shows it.
std::string rowText(const std::vector<types::MutableColumnPtr>& cols) {
  std::string out = "[";
  for (size_t c = 0; c < cols.size(); ++c) {
    if (c > 0) out += ",";
    const types::Column& col = *cols[c];
    size_t r = col.size - 1;
    if (col.isNull(r)) {
      out += "null";
    } else if (col.type->id == TypeId::String) {
      out += col.stringAt(r);
    } else if (col.type->id == TypeId::Double) {
      out += fmt::format("{}", col.doubles[r]);
    } else if (col.type->id == TypeId::Boolean) {
      out += col.ints[r] ? "true" : "false";
    } else {
      out += std::to_string(col.ints[r]);
    }
  }
  return out + "]";
}

}  // namespace

types::Schema csvSchema(const std::vector<std::string_view>& files, const CsvOptions& o) {
  std::vector<std::vector<CsvRecord>> parsed;
  for (auto f : files)
    parsed.push_back(tokenizeCsv(f, o));
  const std::vector<std::string>* first = nullptr;
  for (const auto& records : parsed) {
    if (!records.empty()) {
      first = &records.front().fields;
      break;
    }
  }
  if (first == nullptr) return {};
  std::vector<std::string> names = csvColumnNames(o.header ? first : nullptr, first->size(), o);
  std::vector<const CsvRecord*> rows;
  for (const auto& records : parsed) {
    for (size_t i = o.header ? 1 : 0; i < records.size(); ++i)
      rows.push_back(&records[i]);
  }
  return inferCsvSchema(names, rows, o);
}

void checkCsvSchema(const types::Schema& schema) {
  for (const auto& f : schema.fields) {
    if (f.type->id == TypeId::Array || f.type->id == TypeId::Struct) {
      throw Error(ErrorClass::AnalysisException,
                  fmt::format("[UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE] The CSV datasource doesn't "
                              "support the column `{}` of the type \"{}\". SQLSTATE: 0A000",
                              f.name, f.type->sql()));
    }
  }
}

types::Batch readCsv(const std::vector<std::string_view>& files, const types::Schema& schema,
                     const CsvOptions& o) {
  checkCsvSchema(schema);
  std::vector<types::MutableColumnPtr> cols;
  for (const auto& f : schema.fields)
    cols.push_back(types::Column::make(f.type));
  size_t rows = 0;
  std::vector<uint32_t> kept;  // DROPMALFORMED: the rows to keep, gathered once at the end
  bool dropped = false;
  for (auto file : files) {
    std::vector<CsvRecord> records = tokenizeCsv(file, o);
    for (size_t i = o.header ? 1 : 0; i < records.size(); ++i) {
      const auto& fields = records[i].fields;
      bool ok = fields.size() == cols.size();
      for (size_t c = 0; c < cols.size(); ++c) {
        ok = appendField(*cols[c], c < fields.size() ? &fields[c] : nullptr, o) && ok;
      }
      if (!ok && o.mode == ParseMode::FailFast) throwMalformedRecord(rowText(cols));
      if (ok || o.mode == ParseMode::Permissive) {
        kept.push_back(static_cast<uint32_t>(rows));
      } else {
        dropped = true;
      }
      ++rows;
    }
  }
  if (dropped) {
    for (auto& col : cols)
      col = col->gather(kept);
    rows = kept.size();
  }
  types::Batch batch;
  batch.schema = schema;
  batch.columns.assign(cols.begin(), cols.end());
  batch.num_rows = rows;
  return batch;
}

}  // namespace runnel::format
