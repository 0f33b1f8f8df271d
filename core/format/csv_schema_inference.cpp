// CsvSchemaInference: CSVInferSchema.inferField follows the type found so far, so a column that saw
// a bigint tries bigint first, and a value that fits no wider type makes the column a string.
#include "format/csv_schema_inference.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "format/csv_field.h"

namespace runnel::format {

namespace {

using types::TypeId;

// The tryParse* chain, entered at the type the column has so far.
TypeId tryFrom(TypeId start, const std::string& f, const CsvOptions& o) {
  switch (start) {
    case TypeId::Null:
    case TypeId::Int:
      if (parseJavaInt(f)) return TypeId::Int;
      [[fallthrough]];
    case TypeId::BigInt:
      if (parseJavaLong(f)) return TypeId::BigInt;
      [[fallthrough]];
    case TypeId::Double:
      if (parseJavaDouble(f)) return TypeId::Double;
      [[fallthrough]];
    case TypeId::Timestamp:
      if (parseCsvTimestamp(f, o.zone, true)) return TypeId::Timestamp;
      [[fallthrough]];
    case TypeId::Boolean:
      if (parseScalaBoolean(f)) return TypeId::Boolean;
      [[fallthrough]];
    default:
      return TypeId::String;
  }
}

int numericRank(TypeId t) {
  switch (t) {
    case TypeId::Int:
      return 1;
    case TypeId::BigInt:
      return 2;
    case TypeId::Double:
      return 3;
    default:
      return 0;
  }
}

// CSVInferSchema.compatibleType: numeric types widen, anything else mixed is a string.
TypeId compatible(TypeId a, TypeId b) {
  if (a == b) return a;
  if (a == TypeId::Null) return b;
  if (b == TypeId::Null) return a;
  if (numericRank(a) > 0 && numericRank(b) > 0) return numericRank(a) > numericRank(b) ? a : b;
  return TypeId::String;
}

types::DataTypePtr typeOf(TypeId t) {
  switch (t) {
    case TypeId::Int:
      return types::intType();
    case TypeId::BigInt:
      return types::bigintType();
    case TypeId::Double:
      return types::doubleType();
    case TypeId::Timestamp:
      return types::timestampType();
    case TypeId::Boolean:
      return types::booleanType();
    default:
      return types::stringType();
  }
}

}  // namespace

std::vector<std::string> csvColumnNames(const std::vector<std::string>* header, size_t width,
                                        const CsvOptions& o) {
  std::vector<std::string> names;
  if (header == nullptr) {
    for (size_t i = 0; i < width; ++i)
      names.push_back("_c" + std::to_string(i));
    return names;
  }
  // makeSafeHeader: empty or null names become _c<i>; case-insensitive duplicates get their index.
  std::set<std::string> seen, duplicates;
  for (const auto& h : *header) {
    if (h.empty() || h == o.null_value) continue;
    if (!seen.insert(lower(h)).second) duplicates.insert(lower(h));
  }
  for (size_t i = 0; i < header->size(); ++i) {
    const std::string& h = (*header)[i];
    if (h.empty() || h == o.null_value) {
      names.push_back("_c" + std::to_string(i));
    } else if (duplicates.count(lower(h))) {
      names.push_back(h + std::to_string(i));
    } else {
      names.push_back(h);
    }
  }
  return names;
}

types::Schema inferCsvSchema(const std::vector<std::string>& names,
                             const std::vector<const CsvRecord*>& rows, const CsvOptions& o) {
  std::vector<TypeId> kinds(names.size(), o.infer_schema ? TypeId::Null : TypeId::String);
  if (o.infer_schema) {
    for (const CsvRecord* r : rows) {
      size_t n = std::min(kinds.size(), r->fields.size());  // extra tokens are ignored
      for (size_t c = 0; c < n; ++c) {
        const std::string& f = r->fields[c];
        if (f.empty() || f == o.null_value) continue;
        kinds[c] = compatible(kinds[c], tryFrom(kinds[c], f, o));
      }
    }
  }
  types::Schema schema;
  for (size_t c = 0; c < names.size(); ++c)
    schema.fields.push_back({names[c], typeOf(kinds[c]), true});
  return schema;
}

}  // namespace runnel::format
