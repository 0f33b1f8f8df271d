// Value: constructors and equality.
#include "types/value.h"

namespace runnel::types {

Value Value::null(DataTypePtr type) {
  Value v;
  v.type = std::move(type);
  return v;
}
Value Value::boolean(bool b) {
  Value v;
  v.type = booleanType();
  v.is_null = false;
  v.i = b ? 1 : 0;
  return v;
}
Value Value::int32(int32_t x) {
  Value v;
  v.type = intType();
  v.is_null = false;
  v.i = x;
  return v;
}
Value Value::int64(int64_t x) {
  Value v;
  v.type = bigintType();
  v.is_null = false;
  v.i = x;
  return v;
}
Value Value::float64(double x) {
  Value v;
  v.type = doubleType();
  v.is_null = false;
  v.d = x;
  return v;
}
Value Value::string(std::string x) {
  Value v;
  v.type = stringType();
  v.is_null = false;
  v.s = std::move(x);
  return v;
}
Value Value::timestampMicros(int64_t micros) {
  Value v;
  v.type = timestampType();
  v.is_null = false;
  v.i = micros;
  return v;
}
Value Value::array(DataTypePtr element_type, std::vector<Value> elements) {
  Value v;
  v.type = arrayType(std::move(element_type));
  v.is_null = false;
  v.children = std::move(elements);
  return v;
}
Value Value::structOf(DataTypePtr struct_type, std::vector<Value> fields) {
  Value v;
  v.type = std::move(struct_type);
  v.is_null = false;
  v.children = std::move(fields);
  return v;
}

bool Value::operator==(const Value& o) const {
  if (is_null || o.is_null) return is_null == o.is_null;
  if (!(*type == *o.type)) return false;
  switch (type->id) {
    case TypeId::Double:
      return d == o.d || (d != d && o.d != o.d);
    case TypeId::String:
      return s == o.s;
    case TypeId::Array:
    case TypeId::Struct:
      return children == o.children;
    case TypeId::Null:
      return true;
    default:
      return i == o.i;
  }
}

}  // namespace runnel::types
