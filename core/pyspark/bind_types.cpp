// pyspark.sql.types: StructType/StructField and the data types (StringType(), ArrayType(...), ...)
// mapped onto types::Schema and types::DataType; repr as PySpark 3.5 prints them.
#include <fmt/format.h>

#include "pyspark/bindings.h"
#include "pyspark/call_args.h"

namespace runnel::pyspark {
namespace {

std::string pyTypeName(const types::DataType& t) {
  switch (t.id) {
    case types::TypeId::Null:
      return "NullType";
    case types::TypeId::Boolean:
      return "BooleanType";
    case types::TypeId::Int:
      return "IntegerType";
    case types::TypeId::BigInt:
      return "LongType";
    case types::TypeId::Double:
      return "DoubleType";
    case types::TypeId::String:
      return "StringType";
    case types::TypeId::Timestamp:
      return "TimestampType";
    case types::TypeId::Array:
      return "ArrayType";
    case types::TypeId::Struct:
      return "StructType";
  }
  return "DataType";
}

std::string typeRepr(const types::DataType& t);

std::string fieldRepr(const types::Field& f) {
  return fmt::format("StructField({}, {}, {})", quoteString(f.name), typeRepr(*f.type),
                     f.nullable ? "True" : "False");
}

std::string typeRepr(const types::DataType& t) {
  if (t.id == types::TypeId::Array) {
    return fmt::format("ArrayType({}, {})", typeRepr(*t.element),
                       t.contains_null ? "True" : "False");
  }
  if (t.id == types::TypeId::Struct) {
    std::vector<std::string> parts;
    for (const auto& f : t.fields)
      parts.push_back(fieldRepr(f));
    return fmt::format("StructType([{}])", fmt::join(parts, ", "));
  }
  return pyTypeName(t) + "()";
}

class DataTypeObject final : public HostObject {
 public:
  explicit DataTypeObject(types::DataTypePtr t) : t_(std::move(t)) {}
  const char* typeName() const override { return name_.c_str(); }
  std::string repr() const override { return typeRepr(*t_); }
  bool hasMethod(const std::string& n) const override {
    return n == "simpleString" || n == "typeName";
  }
  std::optional<Value> callMethod(Interpreter&, const std::string& n, CallArgs&) override {
    if (n == "simpleString") return Value::str(t_->simpleString());
    if (n == "typeName") return Value::str(t_->typeName());
    return std::nullopt;
  }
  const types::DataTypePtr& type() const { return t_; }

 private:
  types::DataTypePtr t_;
  std::string name_ = pyTypeName(*t_);
};

class StructFieldObject final : public HostObject {
 public:
  explicit StructFieldObject(types::Field f) : f_(std::move(f)) {}
  const char* typeName() const override { return "StructField"; }
  std::string repr() const override { return fieldRepr(f_); }
  std::optional<Value> getAttr(Interpreter&, const std::string& n, SourcePosition) override {
    if (n == "name") return Value::str(f_.name);
    if (n == "dataType") return host<DataTypeObject>(f_.type);
    if (n == "nullable") return Value::boolean(f_.nullable);
    return std::nullopt;
  }
  const types::Field& field() const { return f_; }

 private:
  types::Field f_;
};

class StructTypeObject final : public HostObject,
                               public std::enable_shared_from_this<StructTypeObject> {
 public:
  explicit StructTypeObject(types::Schema s) : s_(std::move(s)) {}
  const char* typeName() const override { return "StructType"; }
  std::string repr() const override { return typeRepr(*types::structType(s_.fields)); }
  bool hasMethod(const std::string& n) const override {
    return n == "add" || n == "fieldNames" || n == "simpleString" || n == "treeString";
  }
  std::optional<Value> getAttr(Interpreter&, const std::string& n, SourcePosition) override {
    if (n != "fields") return std::nullopt;
    std::vector<Value> out;
    for (const auto& f : s_.fields)
      out.push_back(host<StructFieldObject>(f));
    return Value::list(std::move(out));
  }
  std::optional<Value> callMethod(Interpreter&, const std::string& n, CallArgs& a) override {
    if (n == "add") {
      // StructType.add mutates and returns self, so chains and statements both work.
      Params p(a, "StructType.add", {"field", "data_type", "nullable"}, 1);
      if (auto* given = p.get(0)->as<StructFieldObject>()) {
        s_.fields.push_back(given->field());
      } else {
        types::Field f{requireStr(*p.get(0), "field", a.pos), nullptr,
                       !p.has(2) || p.get(2)->asBool()};
        if (!p.has(1))
          throw Error(ErrorClass::TypeError, "StructType.add() needs a data type", a.pos);
        f.type = asDataType(*p.get(1));
        if (!f.type) f.type = types::structType({});
        s_.fields.push_back(std::move(f));
      }
      return Value::object(ValueType::Host, shared_from_this());
    }
    if (n == "fieldNames") {
      std::vector<Value> out;
      for (const auto& f : s_.fields)
        out.push_back(Value::str(f.name));
      return Value::list(std::move(out));
    }
    if (n == "simpleString") return Value::str(types::structType(s_.fields)->simpleString());
    if (n == "treeString") return Value::str(s_.treeString());
    return std::nullopt;
  }
  std::optional<std::vector<Value>> iterate(SourcePosition pos) const override {
    std::vector<Value> out;
    for (const auto& f : s_.fields)
      out.push_back(host<StructFieldObject>(f));
    return out;
  }
  const types::Schema& schema() const { return s_; }

 private:
  types::Schema s_;
};

}  // namespace

const types::Schema* asSchema(const Value& v) {
  auto* s = v.as<StructTypeObject>();
  return s ? &s->schema() : nullptr;
}

types::DataTypePtr asDataType(const Value& v) {
  if (auto* t = v.as<DataTypeObject>()) return t->type();
  if (auto* s = v.as<StructTypeObject>()) return types::structType(s->schema().fields);
  return nullptr;
}

std::string typeString(const Value& v, SourcePosition pos) {
  if (v.isStr()) return v.asStr();
  if (auto t = asDataType(v)) return t->simpleString();
  throw Error(
      ErrorClass::PySparkTypeError,
      fmt::format("[NOT_DATATYPE_OR_STR] Argument `dataType` should be a DataType or str, got {}.",
                  typeNameOf(v)),
      pos);
}

Value wrapSchema(types::Schema schema) {
  return host<StructTypeObject>(std::move(schema));
}

std::vector<std::pair<std::string, Value>> typesModule() {
  std::vector<std::pair<std::string, Value>> attrs;
  auto simple = [&](const char* name, types::DataTypePtr t) {
    attrs.emplace_back(name, Value::builtin(name, [t](Interpreter&, CallArgs&) {
                         return host<DataTypeObject>(t);
                       }));
  };
  simple("StringType", types::stringType());
  simple("IntegerType", types::intType());
  simple("ShortType", types::intType());
  simple("ByteType", types::intType());
  simple("LongType", types::bigintType());
  simple("DoubleType", types::doubleType());
  simple("FloatType", types::doubleType());
  simple("BooleanType", types::booleanType());
  simple("TimestampType", types::timestampType());
  simple("NullType", types::nullType());
  for (const char* unsupported :
       {"DateType", "BinaryType", "MapType", "DecimalType", "TimestampNTZType"}) {
    std::string name = unsupported;
    attrs.emplace_back(name, Value::builtin(name, [name](Interpreter&, CallArgs& a) -> Value {
                         throw Error(ErrorClass::NotImplementedError,
                                     fmt::format("{} is not supported by Runnel", name), a.pos);
                       }));
  }
  attrs.emplace_back(
      "ArrayType", Value::builtin("ArrayType", [](Interpreter&, CallArgs& a) {
        Params p(a, "ArrayType", {"elementType", "containsNull"}, 1);
        types::DataTypePtr e = asDataType(*p.get(0));
        if (!e) throw Error(ErrorClass::TypeError, "ArrayType() needs a DataType", a.pos);
        return host<DataTypeObject>(types::arrayType(e, !p.has(1) || p.get(1)->asBool()));
      }));
  attrs.emplace_back(
      "StructField", Value::builtin("StructField", [](Interpreter&, CallArgs& a) {
        Params p(a, "StructField", {"name", "dataType", "nullable", "metadata"}, 2);
        types::DataTypePtr t = asDataType(*p.get(1));
        if (!t) throw Error(ErrorClass::TypeError, "StructField() needs a DataType", a.pos);
        return host<StructFieldObject>(
            types::Field{requireStr(*p.get(0), "name", a.pos), t, !p.has(2) || p.get(2)->asBool()});
      }));
  attrs.emplace_back("StructType", Value::builtin("StructType", [](Interpreter& in, CallArgs& a) {
                       Params p(a, "StructType", {"fields"}, 0);
                       types::Schema s;
                       if (p.has(0)) {
                         for (const Value& f : in.iterate(*p.get(0), a.pos)) {
                           auto* field = f.as<StructFieldObject>();
                           if (!field) {
                             throw Error(
                                 ErrorClass::PySparkTypeError,
                                 "[NOT_LIST_OF_STRUCTFIELD] fields should be a list of StructField",
                                 a.pos);
                           }
                           s.fields.push_back(field->field());
                         }
                       }
                       return wrapSchema(std::move(s));
                     }));
  return attrs;
}

}  // namespace runnel::pyspark
