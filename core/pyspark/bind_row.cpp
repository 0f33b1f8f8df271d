// pyspark.sql.Row and value conversion between Python values and Spark values (createDataFrame rows
// in, collect() rows out).
#include <fmt/format.h>

#include "format/value_format.h"
#include "pyspark/bindings.h"
#include "pyspark/call_args.h"
#include "types/batch.h"

namespace runnel::pyspark {
namespace {

class RowObject final : public HostObject {
 public:
  RowObject(std::vector<std::string> names, std::vector<Value> values)
      : names_(std::move(names)), values_(std::move(values)) {}
  const char* typeName() const override { return "Row"; }
  std::string repr() const override {
    std::vector<std::string> parts;
    for (size_t i = 0; i < values_.size(); ++i) {
      parts.push_back(i < names_.size() ? names_[i] + "=" + reprOf(values_[i])
                                        : reprOf(values_[i]));
    }
    return names_.empty() ? fmt::format("<Row({})>", fmt::join(parts, ", "))
                          : fmt::format("Row({})", fmt::join(parts, ", "));
  }
  bool hasMethod(const std::string& n) const override { return n == "asDict"; }
  std::optional<Value> getAttr(Interpreter&, const std::string& n, SourcePosition pos) override {
    if (n == "__fields__") {
      std::vector<Value> out;
      for (const auto& name : names_)
        out.push_back(Value::str(name));
      return Value::list(std::move(out));
    }
    for (size_t i = 0; i < names_.size(); ++i) {
      if (names_[i] == n) return values_[i];
    }
    if (n == "asDict") return std::nullopt;
    throw Error(ErrorClass::AttributeError, n, pos);
  }
  std::optional<Value> callMethod(Interpreter&, const std::string& n, CallArgs&) override {
    if (n != "asDict") return std::nullopt;
    Value d = Value::dict();
    for (size_t i = 0; i < names_.size() && i < values_.size(); ++i)
      d.asDict().set(Value::str(names_[i]), values_[i]);
    return d;
  }
  std::optional<Value> getItem(Interpreter&, const Value& key, SourcePosition pos) override {
    if (key.isInt()) {
      int64_t n = static_cast<int64_t>(values_.size());
      int64_t i = key.asInt() < 0 ? key.asInt() + n : key.asInt();
      if (i < 0 || i >= n) throw Error(ErrorClass::IndexError, "tuple index out of range", pos);
      return values_[static_cast<size_t>(i)];
    }
    if (key.isStr()) {
      for (size_t i = 0; i < names_.size(); ++i) {
        if (names_[i] == key.asStr()) return values_[i];
      }
      throw Error(ErrorClass::ValueError,
                  fmt::format("{} is not in list", quoteString(key.asStr())), pos);
    }
    return std::nullopt;
  }
  std::optional<std::vector<Value>> iterate(SourcePosition) const override { return values_; }

 private:
  std::vector<std::string> names_;
  std::vector<Value> values_;
};

types::DataTypePtr inferType(const Value& v, SourcePosition pos) {
  switch (v.type()) {
    case ValueType::None:
      return types::nullType();
    case ValueType::Bool:
      return types::booleanType();
    case ValueType::Int:
      return types::bigintType();
    case ValueType::Float:
      return types::doubleType();
    case ValueType::Str:
      return types::stringType();
    case ValueType::List:
    case ValueType::Tuple: {
      for (const Value& item : v.items()) {
        if (!item.isNone()) return types::arrayType(inferType(item, pos));
      }
      return types::arrayType(types::nullType());
    }
    default:
      throw Error(
          ErrorClass::PySparkTypeError,
          fmt::format("[CANNOT_INFER_TYPE_FOR_FIELD] Unable to infer the type of the field: {}.",
                      typeNameOf(v)),
          pos);
  }
}

}  // namespace

Value makeRow(std::vector<std::string> names, std::vector<Value> values) {
  return host<RowObject>(std::move(names), std::move(values));
}

Value sparkToPython(const types::Value& v) {
  if (v.is_null) return Value();
  switch (v.type->id) {
    case types::TypeId::Boolean:
      return Value::boolean(v.i != 0);
    case types::TypeId::Int:
    case types::TypeId::BigInt:
      return Value::integer(v.i);
    case types::TypeId::Double:
      return Value::floating(v.d);
    case types::TypeId::String:
      return Value::str(v.s);
    case types::TypeId::Timestamp:
      return Value::str(format::prettyValue(v));
    case types::TypeId::Array: {
      std::vector<Value> items;
      for (const auto& c : v.children)
        items.push_back(sparkToPython(c));
      return Value::list(std::move(items));
    }
    case types::TypeId::Struct: {
      std::vector<std::string> names;
      std::vector<Value> values;
      for (size_t i = 0; i < v.children.size(); ++i) {
        names.push_back(i < v.type->fields.size() ? v.type->fields[i].name
                                                  : fmt::format("_{}", i + 1));
        values.push_back(sparkToPython(v.children[i]));
      }
      return makeRow(std::move(names), std::move(values));
    }
    default:
      return Value();
  }
}

types::Value pythonToSpark(const Value& v, const types::DataTypePtr& type, SourcePosition pos) {
  types::DataTypePtr t = type ? type : inferType(v, pos);
  if (v.isNone()) return types::Value::null(t);
  auto mismatch = [&]() {
    return Error(
        ErrorClass::PySparkTypeError,
        fmt::format("[CANNOT_ACCEPT_OBJECT_IN_TYPE] `{}` can not accept object `{}` in type `{}`.",
                    t->simpleString(), reprOf(v), typeNameOf(v)),
        pos);
  };
  switch (t->id) {
    case types::TypeId::Boolean:
      if (v.type() != ValueType::Bool) throw mismatch();
      return types::Value::boolean(v.asBool());
    case types::TypeId::Int:
      if (!v.isInt()) throw mismatch();
      return types::Value::int32(static_cast<int32_t>(v.asInt()));
    case types::TypeId::BigInt:
      if (!v.isInt()) throw mismatch();
      return types::Value::int64(v.asInt());
    case types::TypeId::Double:
      if (!v.isNumber() || v.type() == ValueType::Bool) throw mismatch();
      return types::Value::float64(v.asFloat());
    case types::TypeId::String:
      if (!v.isStr()) throw mismatch();
      return types::Value::string(v.asStr());
    case types::TypeId::Array: {
      if (!v.isSequence()) throw mismatch();
      std::vector<types::Value> items;
      for (const Value& item : v.items())
        items.push_back(pythonToSpark(item, t->element, pos));
      return types::Value::array(t->element, std::move(items));
    }
    case types::TypeId::Null:
      return types::Value::null(t);
    default:
      throw Error(ErrorClass::NotImplementedError,
                  fmt::format("createDataFrame with {} values is not supported", t->simpleString()),
                  pos);
  }
}

Value rowsToPython(const types::Batch& batch) {
  std::vector<std::string> names = batch.schema.names();
  std::vector<Value> rows;
  for (size_t r = 0; r < batch.num_rows; ++r) {
    std::vector<Value> values;
    for (const types::Value& v : batch.row(r))
      values.push_back(sparkToPython(v));
    rows.push_back(makeRow(names, std::move(values)));
  }
  return Value::list(std::move(rows));
}

Value rowConstructor() {
  return Value::builtin("Row", [](Interpreter&, CallArgs& a) {
    std::vector<std::string> names;
    std::vector<Value> values;
    if (!a.positional.empty() && !a.keywords.empty()) {
      throw Error(ErrorClass::PySparkValueError,
                  "[CANNOT_SET_TOGETHER] Cannot set args and kwargs together.", a.pos);
    }
    for (const auto& [k, v] : a.keywords) {
      names.push_back(k);
      values.push_back(v);
    }
    for (const Value& v : a.positional)
      values.push_back(v);
    return makeRow(std::move(names), std::move(values));
  });
}

}  // namespace runnel::pyspark
