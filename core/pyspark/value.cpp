// Value: construction, containers, and Python's str()/repr()/== for the subset's types.
#include "pyspark/value.h"

#include <fmt/format.h>

#include <cmath>

namespace runnel::pyspark {

Value Value::boolean(bool b) {
  Value v;
  v.type_ = ValueType::Bool;
  v.b_ = b;
  return v;
}
Value Value::integer(int64_t i) {
  Value v;
  v.type_ = ValueType::Int;
  v.i_ = i;
  return v;
}
Value Value::floating(double d) {
  Value v;
  v.type_ = ValueType::Float;
  v.d_ = d;
  return v;
}
Value Value::str(std::string s) {
  return object(ValueType::Str, std::make_shared<StrObject>(std::move(s)));
}
Value Value::list(std::vector<Value> items) {
  auto seq = std::make_shared<SequenceObject>();
  seq->items = std::move(items);
  return object(ValueType::List, std::move(seq));
}
Value Value::tuple(std::vector<Value> items) {
  auto seq = std::make_shared<SequenceObject>();
  seq->items = std::move(items);
  return object(ValueType::Tuple, std::move(seq));
}
Value Value::dict() {
  return object(ValueType::Dict, std::make_shared<DictObject>());
}
Value Value::builtin(std::string name, BuiltinFn fn) {
  auto b = std::make_shared<BuiltinObject>();
  b->name = std::move(name);
  b->fn = std::move(fn);
  return object(ValueType::Builtin, std::move(b));
}
Value Value::object(ValueType type, std::shared_ptr<Object> obj) {
  Value v;
  v.type_ = type;
  v.obj_ = std::move(obj);
  return v;
}

double Value::asFloat() const {
  if (type_ == ValueType::Float) return d_;
  return static_cast<double>(asInt());
}
const std::string& Value::asStr() const {
  return static_cast<StrObject*>(obj_.get())->s;
}
std::vector<Value>& Value::items() const {
  return static_cast<SequenceObject*>(obj_.get())->items;
}
DictObject& Value::asDict() const {
  return *static_cast<DictObject*>(obj_.get());
}

const Value* DictObject::find(const Value& key) const {
  for (const auto& [k, v] : entries) {
    if (valuesEqual(k, key)) return &v;
  }
  return nullptr;
}
void DictObject::set(const Value& key, Value value) {
  for (auto& [k, v] : entries) {
    if (valuesEqual(k, key)) {
      v = std::move(value);
      return;
    }
  }
  entries.emplace_back(key, std::move(value));
}
bool DictObject::erase(const Value& key) {
  for (auto it = entries.begin(); it != entries.end(); ++it) {
    if (valuesEqual(it->first, key)) {
      entries.erase(it);
      return true;
    }
  }
  return false;
}

const Value* ModuleObject::find(const std::string& attr) const {
  for (const auto& [k, v] : attrs) {
    if (k == attr) return &v;
  }
  return nullptr;
}
void ModuleObject::set(const std::string& attr, Value value) {
  for (auto& [k, v] : attrs) {
    if (k == attr) {
      v = std::move(value);
      return;
    }
  }
  attrs.emplace_back(attr, std::move(value));
}

std::string HostObject::repr() const {
  return fmt::format("<{} object>", typeName());
}
std::optional<Value> HostObject::getAttr(Interpreter&, const std::string&, SourcePosition) {
  return std::nullopt;
}
std::optional<Value> HostObject::callMethod(Interpreter&, const std::string&, CallArgs&) {
  return std::nullopt;
}
bool HostObject::hasMethod(const std::string&) const {
  return false;
}
bool HostObject::setAttr(const std::string&, const Value&) {
  return false;
}
std::optional<Value> HostObject::callObject(Interpreter&, CallArgs&) {
  return std::nullopt;
}
std::optional<Value> HostObject::binaryOp(Interpreter&, const std::string&, const Value&, bool,
                                          SourcePosition) {
  return std::nullopt;
}
std::optional<Value> HostObject::unaryOp(Interpreter&, const std::string&, SourcePosition) {
  return std::nullopt;
}
std::optional<Value> HostObject::getItem(Interpreter&, const Value&, SourcePosition) {
  return std::nullopt;
}
std::optional<bool> HostObject::truthy(SourcePosition) const {
  return std::nullopt;
}
std::optional<std::vector<Value>> HostObject::iterate(SourcePosition) const {
  return std::nullopt;
}

namespace {

constexpr int kMaxCompareDepth = 100;  // a list that contains itself: RecursionError, as Python

bool equalAt(const Value& a, const Value& b, int depth) {
  if (depth > kMaxCompareDepth) {
    throw Error(ErrorClass::RuntimeError, "maximum recursion depth exceeded in comparison");
  }
  if (a.isNumber() && b.isNumber()) {
    if (a.type() == ValueType::Float || b.type() == ValueType::Float)
      return a.asFloat() == b.asFloat();
    return a.asInt() == b.asInt();
  }
  if (a.type() != b.type()) return false;
  switch (a.type()) {
    case ValueType::None:
      return true;
    case ValueType::Str:
      return a.asStr() == b.asStr();
    case ValueType::List:
    case ValueType::Tuple: {
      const auto& x = a.items();
      const auto& y = b.items();
      if (x.size() != y.size()) return false;
      for (size_t i = 0; i < x.size(); ++i) {
        if (!equalAt(x[i], y[i], depth + 1)) return false;
      }
      return true;
    }
    case ValueType::Dict: {
      const auto& x = a.asDict().entries;
      if (x.size() != b.asDict().entries.size()) return false;
      for (const auto& [k, v] : x) {
        const Value* other = b.asDict().find(k);
        if (other == nullptr || !equalAt(v, *other, depth + 1)) return false;
      }
      return true;
    }
    default:
      return a.obj() == b.obj();
  }
}

}  // namespace

bool valuesEqual(const Value& a, const Value& b) {
  return equalAt(a, b, 0);
}

bool isHashable(const Value& v) {
  switch (v.type()) {
    case ValueType::List:
    case ValueType::Dict:
      return false;
    case ValueType::Tuple:
      for (const Value& item : v.items()) {
        if (!isHashable(item)) return false;
      }
      return true;
    default:
      return true;
  }
}

}  // namespace runnel::pyspark
