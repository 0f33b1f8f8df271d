// JsonSchemaInference: inferField per record, folded with compatibleRootType (a top-level array of
// objects counts as its objects, a non-object beside objects marks the corrupt column), then
// canonicalizeType (NullType -> string, empty structs dropped, as SPARK-8093).
#include "format/json_schema_inference.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <map>

#include "runnel/error.h"

namespace runnel::format {

namespace {

using types::DataTypePtr;
using types::TypeId;

types::DataTypePtr sortedStruct(std::vector<types::Field> fields) {
  std::stable_sort(fields.begin(), fields.end(),
                   [](const types::Field& a, const types::Field& b) { return a.name < b.name; });
  return types::structType(std::move(fields));
}

DataTypePtr inferField(const nlohmann::json& j) {
  switch (j.type()) {
    case nlohmann::json::value_t::null:
      return types::nullType();
    case nlohmann::json::value_t::boolean:
      return types::booleanType();
    case nlohmann::json::value_t::string:
      return types::stringType();
    case nlohmann::json::value_t::number_integer:
      return types::bigintType();
    case nlohmann::json::value_t::number_unsigned:
      // Above Long.MAX_VALUE Spark infers a decimal(20,0); Runnel has no decimal, so double.
      return j.get<uint64_t>() > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())
                 ? types::doubleType()
                 : types::bigintType();
    case nlohmann::json::value_t::number_float:
      return types::doubleType();
    case nlohmann::json::value_t::object: {
      std::vector<types::Field> fields;
      for (const auto& [k, v] : j.items())
        fields.push_back({k, inferField(v), true});
      return sortedStruct(std::move(fields));
    }
    case nlohmann::json::value_t::array: {
      DataTypePtr element = types::nullType();
      for (const auto& v : j)
        element = compatibleJsonType(element, inferField(v));
      return types::arrayType(element, true);
    }
    default:
      return types::stringType();
  }
}

}  // namespace

// JsonInferSchema.compatibleType: the tightest common type, structs merged field by field, arrays
// element-wise, and a string for anything else.
DataTypePtr compatibleJsonType(const DataTypePtr& a, const DataTypePtr& b) {
  if (*a == *b) return a;
  if (a->id == TypeId::Null) return b;
  if (b->id == TypeId::Null) return a;
  if (a->isNumeric() && b->isNumeric()) {
    return a->id == TypeId::Double || b->id == TypeId::Double ? types::doubleType()
                                                              : types::bigintType();
  }
  if (a->id == TypeId::Struct && b->id == TypeId::Struct) {
    std::map<std::string, DataTypePtr> merged;
    for (const auto& f : a->fields)
      merged[f.name] = f.type;
    for (const auto& f : b->fields) {
      auto it = merged.find(f.name);
      merged[f.name] = it == merged.end() ? f.type : compatibleJsonType(it->second, f.type);
    }
    std::vector<types::Field> fields;
    for (auto& [name, type] : merged)
      fields.push_back({name, type, true});
    return sortedStruct(std::move(fields));
  }
  if (a->id == TypeId::Array && b->id == TypeId::Array) {
    return types::arrayType(compatibleJsonType(a->element, b->element),
                            a->contains_null || b->contains_null);
  }
  return types::stringType();
}

namespace {

[[noreturn]] void throwFailFast() {
  throw Error(ErrorClass::SparkException,
              "[MALFORMED_RECORD_IN_SCHEMA_INFERENCE] Malformed records are detected in schema "
              "inference. Parse Mode: FAILFAST. SQLSTATE: 22023");
}

DataTypePtr withCorruptField(const DataTypePtr& st, const JsonOptions& o) {
  if (o.mode == ParseMode::DropMalformed) return st;
  if (o.mode == ParseMode::FailFast) throwFailFast();
  for (const auto& f : st->fields) {
    if (f.name == o.corrupt_column) return st;
  }
  std::vector<types::Field> fields = st->fields;
  fields.push_back({o.corrupt_column, types::stringType(), true});
  return sortedStruct(std::move(fields));
}

DataTypePtr compatibleRootType(const DataTypePtr& a, const DataTypePtr& b, const JsonOptions& o) {
  if (a->id == TypeId::Array) return compatibleRootType(a->element, b, o);
  if (b->id == TypeId::Array) return compatibleRootType(a, b->element, o);
  if (a->id == TypeId::Struct && b->id == TypeId::Null) return a;
  if (a->id == TypeId::Null && b->id == TypeId::Struct) return b;
  if (a->id == TypeId::Struct && b->id != TypeId::Struct) return withCorruptField(a, o);
  if (b->id == TypeId::Struct && a->id != TypeId::Struct) return withCorruptField(b, o);
  return compatibleJsonType(a, b);
}

// canonicalizeType: nullopt drops the field.
DataTypePtr canonicalize(const DataTypePtr& t) {
  if (t->id == TypeId::Null) return types::stringType();
  if (t->id == TypeId::Array) {
    DataTypePtr e = canonicalize(t->element);
    return e ? types::arrayType(e, t->contains_null) : nullptr;
  }
  if (t->id == TypeId::Struct) {
    std::vector<types::Field> fields;
    for (const auto& f : t->fields) {
      if (f.name.empty()) continue;
      if (DataTypePtr c = canonicalize(f.type)) fields.push_back({f.name, c, true});
    }
    return fields.empty() ? nullptr : types::structType(std::move(fields));
  }
  return t;
}

}  // namespace

types::Schema inferJsonSchema(const std::vector<std::string_view>& files, const JsonOptions& o) {
  DataTypePtr root = types::nullType();
  for (auto file : files) {
    for (auto line : jsonLines(file)) {
      auto j = parseJsonRecord(line);
      DataTypePtr t;
      if (j) {
        t = inferField(*j);
      } else if (o.mode == ParseMode::Permissive) {
        t = types::structType({{o.corrupt_column, types::stringType(), true}});
      } else if (o.mode == ParseMode::DropMalformed) {
        continue;
      } else {
        throwFailFast();
      }
      root = compatibleRootType(root, t, o);
    }
  }
  types::Schema schema;
  DataTypePtr c = canonicalize(root);
  if (c && c->id == TypeId::Struct) schema.fields = c->fields;
  return schema;
}

}  // namespace runnel::format
