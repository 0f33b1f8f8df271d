// JsonReader: JacksonParser.makeConverter per type. A record that fails anywhere is malformed:
// PERMISSIVE keeps the fields that converted and puts the line in the corrupt-record column (when
// the schema has one), DROPMALFORMED drops it, FAILFAST fails the read.
#include "format/json_reader.h"

#include <cmath>
#include <cstdint>
#include <limits>

#include "types/timestamp.h"

namespace runnel::format {

namespace {

using nlohmann::json;
using types::TypeId;
using types::Value;

std::string rawJson(const json& j) {
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

// nullopt when `j` does not convert to `type` (a bad record).
std::optional<Value> convert(const json& j, const types::DataTypePtr& type, const JsonOptions& o) {
  if (j.is_null()) return Value::null(type);
  switch (type->id) {
    case TypeId::String:
      return Value::string(j.is_string() ? j.get<std::string>() : rawJson(j));
    case TypeId::Boolean:
      if (j.is_boolean()) return Value::boolean(j.get<bool>());
      return std::nullopt;
    case TypeId::Int:
    case TypeId::BigInt: {
      if (j.is_number_unsigned()) {
        if (j.get<uint64_t>() > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()))
          return std::nullopt;
      } else if (!j.is_number_integer()) {
        return std::nullopt;
      }
      int64_t v = j.get<int64_t>();
      if (type->id == TypeId::BigInt) return Value::int64(v);
      if (v < std::numeric_limits<int32_t>::min() || v > std::numeric_limits<int32_t>::max())
        return std::nullopt;
      return Value::int32(static_cast<int32_t>(v));
    }
    case TypeId::Double:
      if (j.is_number()) return Value::float64(j.get<double>());
      if (j.is_string()) {
        // allowNonNumericNumbers (on by default) as JacksonParser spells them.
        const std::string& s = j.get_ref<const std::string&>();
        double inf = std::numeric_limits<double>::infinity();
        if (s == "NaN") return Value::float64(std::nan(""));
        if (s == "Infinity" || s == "+Infinity" || s == "+INF") return Value::float64(inf);
        if (s == "-Infinity" || s == "-INF") return Value::float64(-inf);
      }
      return std::nullopt;
    case TypeId::Timestamp:
      if (j.is_string()) {
        if (auto t = types::parseTimestamp(j.get_ref<const std::string&>(), o.zone))
          return Value::timestampMicros(*t);
      } else if (j.is_number_integer() && !j.is_number_unsigned()) {
        int64_t s = j.get<int64_t>();  // seconds since the epoch
        constexpr int64_t kLimit = std::numeric_limits<int64_t>::max() / types::kMicrosPerSecond;
        if (s >= -kLimit && s <= kLimit) return Value::timestampMicros(s * types::kMicrosPerSecond);
      } else if (j.is_number_unsigned() &&
                 j.get<uint64_t>() <= static_cast<uint64_t>(std::numeric_limits<int64_t>::max() /
                                                            types::kMicrosPerSecond)) {
        return Value::timestampMicros(j.get<int64_t>() * types::kMicrosPerSecond);
      }
      return std::nullopt;
    case TypeId::Array: {
      if (!j.is_array()) return std::nullopt;
      std::vector<Value> elements;
      for (const auto& e : j) {
        auto v = convert(e, type->element, o);
        if (!v) return std::nullopt;
        elements.push_back(std::move(*v));
      }
      return Value::array(type->element, std::move(elements));
    }
    case TypeId::Struct: {
      if (!j.is_object()) return std::nullopt;
      std::vector<Value> fields;
      for (const auto& f : type->fields) {
        auto it = j.find(f.name);
        auto v =
            it == j.end() ? std::optional<Value>(Value::null(f.type)) : convert(*it, f.type, o);
        if (!v) return std::nullopt;
        fields.push_back(std::move(*v));
      }
      return Value::structOf(type, std::move(fields));
    }
    default:
      return std::nullopt;
  }
}

class RowBuilder {
 public:
  RowBuilder(const types::Schema& schema, const JsonOptions& o) : schema_(schema), o_(o) {
    for (const auto& f : schema.fields)
      cols_.push_back(types::Column::make(f.type));
    auto idx = schema.indexOf(o.corrupt_column);
    if (idx && schema[*idx].name == o.corrupt_column && schema[*idx].type->id == TypeId::String)
      corrupt_ = *idx;
  }

  // One top-level object; `line` goes to the corrupt column when a field fails.
  void addObject(const json* obj, std::string_view line) {
    const bool is_object = obj != nullptr && obj->is_object();
    bool ok = is_object;
    std::vector<Value> row;
    for (size_t c = 0; c < schema_.size(); ++c) {
      const types::Field& f = schema_[c];
      std::optional<Value> v;
      if (is_object && c != corrupt_) {
        auto it = obj->find(f.name);
        v = it == obj->end() ? Value::null(f.type) : convert(*it, f.type, o_);
        ok = ok && v.has_value();
      }
      row.push_back(v ? std::move(*v) : Value::null(f.type));
    }
    if (!ok) {
      if (o_.mode == ParseMode::FailFast) throwMalformedRecord(std::string(line));
      if (o_.mode == ParseMode::DropMalformed) return;
      if (corrupt_ < row.size()) row[corrupt_] = Value::string(std::string(line));
    }
    for (size_t c = 0; c < row.size(); ++c)
      cols_[c]->appendValue(row[c]);
    ++rows_;
  }

  types::Batch finish() {
    types::Batch batch;
    batch.schema = schema_;
    batch.columns.assign(cols_.begin(), cols_.end());
    batch.num_rows = rows_;
    return batch;
  }

 private:
  const types::Schema& schema_;
  const JsonOptions& o_;
  std::vector<types::MutableColumnPtr> cols_;
  size_t corrupt_ = SIZE_MAX;
  size_t rows_ = 0;
};

}  // namespace

types::Batch readJson(const std::vector<std::string_view>& files, const types::Schema& schema,
                      const JsonOptions& o) {
  RowBuilder rows(schema, o);
  for (auto file : files) {
    for (auto line : jsonLines(file)) {
      auto j = parseJsonRecord(line);
      if (j && j->is_array()) {
        // Spark reads a top-level array of objects as one row per object.
        bool all_objects = true;
        for (const auto& e : *j)
          all_objects = all_objects && e.is_object();
        if (all_objects) {
          for (const auto& e : *j)
            rows.addObject(&e, line);
          continue;
        }
      }
      rows.addObject(j ? &*j : nullptr, line);
    }
  }
  return rows.finish();
}

}  // namespace runnel::format
