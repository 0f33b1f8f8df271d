// Interpreter, operators: Python's arithmetic, comparison, membership, truth, iteration, indexing
// and attribute rules for the built-in types; host objects (Columns) get first say on their
// operators.
#include <fmt/format.h>

#include <cmath>

#include "pyspark/interpreter.h"
#include "pyspark/percent_format.h"

namespace runnel::pyspark {
namespace {

Error typeError(std::string message, SourcePosition pos) {
  return Error(ErrorClass::TypeError, std::move(message), pos);
}

Error overflow(SourcePosition pos) {
  return Error(ErrorClass::NotImplementedError, "integers beyond 64 bits are not supported", pos);
}

int64_t floorDiv(int64_t a, int64_t b) {
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

Value repeat(const Value& seq, int64_t n, SourcePosition pos) {
  constexpr uint64_t kMaxElements = 1u << 24;  // keeps `"x" * 10**12` from exhausting memory
  if (n < 0) n = 0;
  size_t size = seq.isStr() ? seq.asStr().size() : seq.items().size();
  if (size > 0 && static_cast<uint64_t>(n) > kMaxElements / size) throw overflow(pos);
  if (seq.isStr()) {
    std::string out;
    for (int64_t i = 0; i < n; ++i)
      out += seq.asStr();
    return Value::str(std::move(out));
  }
  std::vector<Value> out;
  for (int64_t i = 0; i < n; ++i)
    out.insert(out.end(), seq.items().begin(), seq.items().end());
  return seq.type() == ValueType::List ? Value::list(std::move(out)) : Value::tuple(std::move(out));
}

Value arithmetic(const std::string& op, const Value& a, const Value& b, SourcePosition pos) {
  bool floats = a.type() == ValueType::Float || b.type() == ValueType::Float;
  if (op == "/" || floats) {
    double x = a.asFloat(), y = b.asFloat();
    if (op == "+") return Value::floating(x + y);
    if (op == "-") return Value::floating(x - y);
    if (op == "*") return Value::floating(x * y);
    if (op == "**") return Value::floating(std::pow(x, y));
    if (y == 0 && (op == "/" || op == "//" || op == "%")) {
      throw Error(ErrorClass::ZeroDivisionError,
                  op == "/" ? (floats ? "float division by zero" : "division by zero")
                            : (op == "//" ? "float floor division by zero" : "float modulo"),
                  pos);
    }
    if (op == "/") return Value::floating(x / y);
    if (op == "//") return Value::floating(std::floor(x / y));
    if (op == "%") {
      double r = std::fmod(x, y);
      if (r != 0 && ((r < 0) != (y < 0))) r += y;
      return Value::floating(r);
    }
  } else {
    int64_t x = a.asInt(), y = b.asInt(), r = 0;
    if (op == "+")
      return __builtin_add_overflow(x, y, &r) ? throw overflow(pos) : Value::integer(r);
    if (op == "-")
      return __builtin_sub_overflow(x, y, &r) ? throw overflow(pos) : Value::integer(r);
    if (op == "*")
      return __builtin_mul_overflow(x, y, &r) ? throw overflow(pos) : Value::integer(r);
    if (op == "**") {
      if (y < 0) return Value::floating(std::pow(static_cast<double>(x), static_cast<double>(y)));
      int64_t result = 1;
      for (int64_t i = 0; i < y; ++i) {
        if (__builtin_mul_overflow(result, x, &result)) throw overflow(pos);
        if (result == 0 || result == 1) break;
      }
      return Value::integer(result);
    }
    if (y == 0 && (op == "//" || op == "%")) {
      throw Error(ErrorClass::ZeroDivisionError,
                  op == "//" ? "integer division or modulo by zero" : "integer modulo by zero",
                  pos);
    }
    if (x == INT64_MIN && y == -1) throw overflow(pos);
    if (op == "//") return Value::integer(floorDiv(x, y));
    if (op == "%") return Value::integer(x - floorDiv(x, y) * y);
    if (op == "&") return Value::integer(x & y);
    if (op == "|") return Value::integer(x | y);
    if (op == "^") return Value::integer(x ^ y);
    if (op == "<<") {
      if (y < 0 || y > 62 || (x != 0 && (x > (INT64_MAX >> y) || x < (INT64_MIN >> y))))
        throw overflow(pos);
      return Value::integer(x << y);
    }
    if (op == ">>") return Value::integer(y >= 64 ? (x < 0 ? -1 : 0) : x >> y);
  }
  return Value::boolean(false);  // unreachable for the operators the parser produces
}

bool isArithmetic(const std::string& op) {
  return op == "+" || op == "-" || op == "*" || op == "/" || op == "//" || op == "%" || op == "**";
}

}  // namespace

Value Interpreter::binaryOp(const std::string& op, const Value& a, const Value& b,
                            SourcePosition pos) {
  if (a.type() == ValueType::Host) {
    if (auto r = a.as<HostObject>()->binaryOp(*this, op, b, false, pos)) return std::move(*r);
  } else if (b.type() == ValueType::Host) {
    if (auto r = b.as<HostObject>()->binaryOp(*this, op, a, true, pos)) return std::move(*r);
  }
  if (op == "unary-" || op == "unary+" || op == "unary~") {
    if (a.type() == ValueType::Float)
      return Value::floating(op == "unary-" ? -a.asFloat() : a.asFloat());
    if (a.isNumber() && op != "unary~") {
      if (op == "unary-" && a.asInt() == INT64_MIN) throw overflow(pos);
      return Value::integer(op == "unary-" ? -a.asInt() : a.asInt());
    }
    if (a.isNumber()) return Value::integer(~a.asInt());
    throw typeError(fmt::format("bad operand type for unary {}: '{}'", op.substr(5), typeNameOf(a)),
                    pos);
  }
  if (op == "==") return Value::boolean(valuesEqual(a, b));
  if (op == "!=") return Value::boolean(!valuesEqual(a, b));
  if (op == "<" || op == "<=" || op == ">" || op == ">=") {
    int c = 0;
    if (a.isNumber() && b.isNumber()) {
      double x = a.asFloat(), y = b.asFloat();
      if (a.type() != ValueType::Float && b.type() != ValueType::Float) {
        c = a.asInt() < b.asInt() ? -1 : a.asInt() > b.asInt() ? 1 : 0;
      } else {
        if (std::isnan(x) || std::isnan(y)) return Value::boolean(false);
        c = x < y ? -1 : x > y ? 1 : 0;
      }
    } else if (a.isStr() && b.isStr()) {
      c = a.asStr().compare(b.asStr());
    } else if (a.type() == b.type() && a.isSequence()) {
      const auto& x = a.items();
      const auto& y = b.items();
      size_t i = 0;
      while (i < x.size() && i < y.size() && valuesEqual(x[i], y[i]))
        ++i;
      if (i < x.size() && i < y.size()) return binaryOp(op, x[i], y[i], pos);
      c = x.size() < y.size() ? -1 : x.size() > y.size() ? 1 : 0;
    } else {
      throw typeError(fmt::format("'{}' not supported between instances of '{}' and '{}'", op,
                                  typeNameOf(a), typeNameOf(b)),
                      pos);
    }
    bool r = op == "<" ? c < 0 : op == "<=" ? c <= 0 : op == ">" ? c > 0 : c >= 0;
    return Value::boolean(r);
  }
  if (op == "in" || op == "not in") {
    bool found = false;
    if (b.isStr()) {
      if (!a.isStr()) {
        throw typeError(
            fmt::format("'in <string>' requires string as left operand, not {}", typeNameOf(a)),
            pos);
      }
      found = b.asStr().find(a.asStr()) != std::string::npos;
    } else if (b.type() == ValueType::Dict) {
      found = b.asDict().find(a) != nullptr;
    } else {
      for (const Value& item : iterate(b, pos)) {
        if (valuesEqual(item, a)) {
          found = true;
          break;
        }
      }
    }
    return Value::boolean(op == "in" ? found : !found);
  }
  if (op == "is" || op == "is not") {
    bool same =
        a.type() == b.type() && (a.obj() ? a.obj() == b.obj() : (a.isNone() || valuesEqual(a, b)));
    return Value::boolean(op == "is" ? same : !same);
  }
  if (a.isNumber() && b.isNumber()) {
    if (a.type() == ValueType::Bool && b.type() == ValueType::Bool &&
        (op == "&" || op == "|" || op == "^")) {
      bool x = a.asBool(), y = b.asBool();
      return Value::boolean(op == "&" ? (x && y) : op == "|" ? (x || y) : (x != y));
    }
    if (a.type() == ValueType::Float || b.type() == ValueType::Float) {
      if (!isArithmetic(op)) {
        throw typeError(fmt::format("unsupported operand type(s) for {}: '{}' and '{}'", op,
                                    typeNameOf(a), typeNameOf(b)),
                        pos);
      }
    }
    return arithmetic(op, a, b, pos);
  }
  if (op == "+" && a.type() == b.type()) {
    if (a.isStr()) return Value::str(a.asStr() + b.asStr());
    if (a.isSequence()) {
      std::vector<Value> out = a.items();
      out.insert(out.end(), b.items().begin(), b.items().end());
      return a.type() == ValueType::List ? Value::list(std::move(out))
                                         : Value::tuple(std::move(out));
    }
  }
  if (op == "*" && (a.isStr() || a.isSequence()) && b.isNumber() && b.type() != ValueType::Float) {
    return repeat(a, b.asInt(), pos);
  }
  if (op == "*" && (b.isStr() || b.isSequence()) && a.isNumber() && a.type() != ValueType::Float) {
    return repeat(b, a.asInt(), pos);
  }
  if (op == "%" && a.isStr()) return Value::str(percentFormat(a.asStr(), b, pos));
  if (op == "|" && a.type() == ValueType::Dict && b.type() == ValueType::Dict) {
    Value d = Value::dict();
    for (const auto& [k, v] : a.asDict().entries)
      d.asDict().set(k, v);
    for (const auto& [k, v] : b.asDict().entries)
      d.asDict().set(k, v);
    return d;
  }
  throw typeError(fmt::format("unsupported operand type(s) for {}: '{}' and '{}'", op,
                              typeNameOf(a), typeNameOf(b)),
                  pos);
}

Value Interpreter::evalCompare(const Expr& e, Frame& f) {
  Value left = eval(*e.kids[0], f);
  Value result;
  for (size_t i = 0; i < e.ops.size(); ++i) {
    Value right = eval(*e.kids[i + 1], f);
    result = binaryOp(e.ops[i], left, right, e.pos);
    if (i + 1 < e.ops.size() && !truthy(result, e.pos)) return result;
    left = std::move(right);
  }
  return result;
}

bool Interpreter::truthy(const Value& v, SourcePosition pos) {
  switch (v.type()) {
    case ValueType::None:
      return false;
    case ValueType::Bool:
      return v.asBool();
    case ValueType::Int:
      return v.asInt() != 0;
    case ValueType::Float:
      return v.asFloat() != 0;
    case ValueType::Str:
      return !v.asStr().empty();
    case ValueType::List:
    case ValueType::Tuple:
      return !v.items().empty();
    case ValueType::Dict:
      return !v.asDict().entries.empty();
    case ValueType::Host:
      return v.as<HostObject>()->truthy(pos).value_or(true);
    default:
      return true;
  }
}

}  // namespace runnel::pyspark
