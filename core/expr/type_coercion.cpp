// Type coercion rules (Spark's AnsiTypeCoercion: findWiderTypeForTwo, implicitCast, canAnsiCast)
// and the DATATYPE_MISMATCH error texts the TypeRules throw.
#include "expr/type_coercion.h"

#include <fmt/format.h>

namespace runnel::expr {

using types::DataType;
using types::DataTypePtr;
using types::TypeId;

namespace {

int numericRank(TypeId id) {
  switch (id) {
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

bool isAtomic(TypeId id) {
  return id == TypeId::Boolean || id == TypeId::Int || id == TypeId::BigInt ||
         id == TypeId::Double || id == TypeId::String || id == TypeId::Timestamp;
}

[[noreturn]] void analysisError(const Expr& e, std::string message) {
  throw Error(ErrorClass::AnalysisException, std::move(message), e.pos);
}

}  // namespace

DataTypePtr findWiderType(const DataTypePtr& a, const DataTypePtr& b) {
  if (types::sameType(a, b)) return a;
  if (a->id == TypeId::Null) return b;
  if (b->id == TypeId::Null) return a;
  int ra = numericRank(a->id);
  int rb = numericRank(b->id);
  if (ra > 0 && rb > 0) return ra >= rb ? a : b;
  if (a->id == TypeId::Array && b->id == TypeId::Array) {
    DataTypePtr el = findWiderType(a->element, b->element);
    return el ? types::arrayType(el, a->contains_null || b->contains_null) : nullptr;
  }
  // AnsiTypeCoercion.findWiderTypeForString.
  const DataTypePtr& s = a->id == TypeId::String ? a : b;
  const DataTypePtr& other = a->id == TypeId::String ? b : a;
  if (s->id != TypeId::String) return nullptr;
  if (other->isIntegral()) return types::bigintType();
  if (other->id == TypeId::Double) return types::doubleType();
  if (isAtomic(other->id)) return other;
  return nullptr;
}

bool canCast(const DataType& from, const DataType& to) {
  if (from == to || from.id == TypeId::Null) return true;
  if (to.id == TypeId::String) return true;
  if (from.id == TypeId::Array && to.id == TypeId::Array)
    return canCast(*from.element, *to.element);
  if (!isAtomic(from.id) || !isAtomic(to.id)) return false;
  // ANSI forbids boolean <-> timestamp.
  bool bool_ts = (from.id == TypeId::Boolean && to.id == TypeId::Timestamp) ||
                 (from.id == TypeId::Timestamp && to.id == TypeId::Boolean);
  return !bool_ts;
}

namespace {

bool accepts(InputType want, const DataType& t) {
  switch (want) {
    case InputType::Any:
      return true;
    case InputType::String:
      return t.id == TypeId::String;
    case InputType::Int:
      return t.id == TypeId::Int;
    case InputType::BigInt:
      return t.id == TypeId::BigInt;
    case InputType::Double:
      return t.id == TypeId::Double;
    case InputType::Boolean:
      return t.id == TypeId::Boolean;
    case InputType::Timestamp:
      return t.id == TypeId::Timestamp;
    case InputType::Numeric:
      return t.isNumeric();
    case InputType::Integral:
      return t.isIntegral();
    case InputType::Array:
      return t.id == TypeId::Array;
  }
  return false;
}

// AbstractDataType.defaultConcreteType; nullptr for Any / Array.
DataTypePtr concreteType(InputType want) {
  switch (want) {
    case InputType::String:
      return types::stringType();
    case InputType::Int:
      return types::intType();
    case InputType::BigInt:
      return types::bigintType();
    case InputType::Double:
    case InputType::Numeric:
      return types::doubleType();
    case InputType::Integral:
      return types::bigintType();
    case InputType::Boolean:
      return types::booleanType();
    case InputType::Timestamp:
      return types::timestampType();
    default:
      return nullptr;
  }
}

const char* requiredTypeText(InputType want) {
  switch (want) {
    case InputType::String:
      return "\"STRING\"";
    case InputType::Int:
      return "\"INT\"";
    case InputType::BigInt:
      return "\"BIGINT\"";
    case InputType::Double:
      return "\"DOUBLE\"";
    case InputType::Boolean:
      return "\"BOOLEAN\"";
    case InputType::Timestamp:
      return "\"TIMESTAMP\"";
    case InputType::Numeric:
      return "\"NUMERIC\"";
    case InputType::Integral:
      return "\"INTEGRAL\"";
    case InputType::Array:
      return "\"ARRAY\"";
    case InputType::Any:
      return "\"ANY\"";
  }
  return "\"ANY\"";
}

// AnsiTypeCoercion.implicitCast(inType, expectedType).
DataTypePtr implicitTarget(const DataType& in, InputType want) {
  DataTypePtr concrete = concreteType(want);
  if (!concrete) return nullptr;
  if (in.id == TypeId::Null || in.id == TypeId::String) return concrete;
  if (want == InputType::String) return isAtomic(in.id) ? concrete : nullptr;
  if (want == InputType::Integral && in.id == TypeId::Double) return nullptr;
  bool numeric_target = want == InputType::Int || want == InputType::BigInt ||
                        want == InputType::Double || want == InputType::Numeric ||
                        want == InputType::Integral;
  if (numeric_target && in.isNumeric()) return concrete;
  return nullptr;
}

}  // namespace

void expectInputTypes(const Expr& call, std::vector<DataTypePtr>& arg_types,
                      const std::vector<InputType>& expected) {
  for (size_t i = 0; i < arg_types.size() && !expected.empty(); ++i) {
    InputType want = expected[std::min(i, expected.size() - 1)];
    if (accepts(want, *arg_types[i])) continue;
    DataTypePtr target = implicitTarget(*arg_types[i], want);
    if (target) {
      arg_types[i] = target;
      continue;
    }
    throwDataTypeMismatch(call, "UNEXPECTED_INPUT_TYPE",
                          fmt::format("The {} parameter requires the {} type, however {} has the "
                                      "type {}.",
                                      ordinalNumber(i), requiredTypeText(want),
                                      toSQLExpr(*call.args[i]), toSQLType(*arg_types[i])));
  }
}

void throwDataTypeMismatch(const Expr& e, std::string_view subclass, std::string_view detail) {
  analysisError(e,
                fmt::format("[DATATYPE_MISMATCH.{}] Cannot resolve {} due to data type mismatch: "
                            "{} SQLSTATE: 42K09",
                            subclass, toSQLExpr(e), detail));
}

std::string toSQLType(const DataType& t) {
  return "\"" + t.sql() + "\"";
}

std::string toSQLExpr(const Expr& e) {
  return "\"" + prettyName(e) + "\"";
}

std::string ordinalNumber(size_t index) {
  switch (index) {
    case 0:
      return "first";
    case 1:
      return "second";
    case 2:
      return "third";
    default:
      return std::to_string(index + 1) + "th";
  }
}

}  // namespace runnel::expr
