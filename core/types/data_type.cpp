// DataType: names and equality of Spark's SQL types.
#include "types/data_type.h"

#include <algorithm>
#include <cctype>

namespace runnel::types {

std::string DataType::simpleString() const {
  switch (id) {
    case TypeId::Null:
      return "void";
    case TypeId::Boolean:
      return "boolean";
    case TypeId::Int:
      return "int";
    case TypeId::BigInt:
      return "bigint";
    case TypeId::Double:
      return "double";
    case TypeId::String:
      return "string";
    case TypeId::Timestamp:
      return "timestamp";
    case TypeId::Array:
      return "array<" + element->simpleString() + ">";
    case TypeId::Struct: {
      std::string out = "struct<";
      for (size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) out += ",";
        out += fields[i].name + ":" + fields[i].type->simpleString();
      }
      return out + ">";
    }
  }
  return "void";
}

std::string DataType::sql() const {
  switch (id) {
    case TypeId::Array:
      return "ARRAY<" + element->sql() + ">";
    case TypeId::Struct: {
      std::string out = "STRUCT<";
      for (size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) out += ", ";
        out += fields[i].name + ": " + fields[i].type->sql();
      }
      return out + ">";
    }
    default: {
      std::string s = simpleString();
      std::transform(s.begin(), s.end(), s.begin(),
                     [](unsigned char c) { return std::toupper(c); });
      return s;
    }
  }
}

std::string DataType::typeName() const {
  switch (id) {
    case TypeId::Int:
      return "integer";
    case TypeId::BigInt:
      return "long";
    case TypeId::Array:
      return "array";
    case TypeId::Struct:
      return "struct";
    default:
      return simpleString();
  }
}

bool operator==(const DataType& a, const DataType& b) {
  if (a.id != b.id) return false;
  if (a.id == TypeId::Array) return *a.element == *b.element;
  if (a.id == TypeId::Struct) {
    if (a.fields.size() != b.fields.size()) return false;
    for (size_t i = 0; i < a.fields.size(); ++i) {
      if (a.fields[i].name != b.fields[i].name || !(*a.fields[i].type == *b.fields[i].type))
        return false;
    }
  }
  return true;
}

namespace {
DataTypePtr primitive(TypeId id) {
  auto t = std::make_shared<DataType>();
  t->id = id;
  return t;
}
}  // namespace

DataTypePtr nullType() {
  static const DataTypePtr t = primitive(TypeId::Null);
  return t;
}
DataTypePtr booleanType() {
  static const DataTypePtr t = primitive(TypeId::Boolean);
  return t;
}
DataTypePtr intType() {
  static const DataTypePtr t = primitive(TypeId::Int);
  return t;
}
DataTypePtr bigintType() {
  static const DataTypePtr t = primitive(TypeId::BigInt);
  return t;
}
DataTypePtr doubleType() {
  static const DataTypePtr t = primitive(TypeId::Double);
  return t;
}
DataTypePtr stringType() {
  static const DataTypePtr t = primitive(TypeId::String);
  return t;
}
DataTypePtr timestampType() {
  static const DataTypePtr t = primitive(TypeId::Timestamp);
  return t;
}

DataTypePtr arrayType(DataTypePtr element, bool contains_null) {
  auto t = std::make_shared<DataType>();
  t->id = TypeId::Array;
  t->element = std::move(element);
  t->contains_null = contains_null;
  return t;
}

DataTypePtr structType(std::vector<Field> fields) {
  auto t = std::make_shared<DataType>();
  t->id = TypeId::Struct;
  t->fields = std::move(fields);
  return t;
}

}  // namespace runnel::types
