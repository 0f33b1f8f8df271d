// DataType and Field: Spark's SQL types with Spark's names (simpleString "bigint", treeString
// "long").
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace runnel::types {

enum class TypeId { Null, Boolean, Int, BigInt, Double, String, Timestamp, Array, Struct };

struct DataType;
using DataTypePtr = std::shared_ptr<const DataType>;

struct Field {
  std::string name;
  DataTypePtr type;
  bool nullable = true;
};

struct DataType {
  TypeId id = TypeId::Null;
  DataTypePtr element;        // Array: the element type
  bool contains_null = true;  // Array: whether elements may be null
  std::vector<Field> fields;  // Struct: the fields in order

  // Spark's DataType.simpleString: "string", "bigint", "array<string>", "struct<a:int,b:string>".
  std::string simpleString() const;
  // Spark's DataType.sql: "STRING", "BIGINT", "ARRAY<STRING>" (used in error messages).
  std::string sql() const;
  // The name printSchema uses: "long", "integer", "string", "array", "struct".
  std::string typeName() const;

  bool isNumeric() const {
    return id == TypeId::Int || id == TypeId::BigInt || id == TypeId::Double;
  }
  bool isIntegral() const { return id == TypeId::Int || id == TypeId::BigInt; }
  // Stored in Column::ints (booleans, ints, bigints, timestamps in microseconds).
  bool isIntStorage() const {
    return id == TypeId::Boolean || id == TypeId::Int || id == TypeId::BigInt ||
           id == TypeId::Timestamp;
  }
};

bool operator==(const DataType& a, const DataType& b);
inline bool sameType(const DataTypePtr& a, const DataTypePtr& b) {
  return *a == *b;
}

// Shared instances of the primitive types.
DataTypePtr nullType();
DataTypePtr booleanType();
DataTypePtr intType();
DataTypePtr bigintType();
DataTypePtr doubleType();
DataTypePtr stringType();
DataTypePtr timestampType();
DataTypePtr arrayType(DataTypePtr element, bool contains_null = true);
DataTypePtr structType(std::vector<Field> fields);

}  // namespace runnel::types
