// Classes of the program and their instances (class_object.h): attribute lookup through the
// bases, methods bound to their instance, instantiation through __init__, and CPython's errors.
#include "pyspark/class_object.h"

#include <fmt/format.h>

#include "pyspark/interpreter.h"

namespace runnel::pyspark {
namespace {

Value* findIn(std::vector<std::pair<std::string, Value>>& attrs, const std::string& name) {
  for (auto& [k, v] : attrs) {
    if (k == name) return &v;
  }
  return nullptr;
}

void setIn(std::vector<std::pair<std::string, Value>>& attrs, const std::string& name,
           const Value& value) {
  if (Value* v = findIn(attrs, name))
    *v = value;
  else
    attrs.emplace_back(name, value);
}

bool isCallable(const Value& v) {
  return v.type() == ValueType::Function || v.type() == ValueType::Builtin ||
         v.as<ClassObject>() != nullptr;
}

// self.method: the function with the instance as its first argument.
Value boundMethod(const Value& fn, const Value& self, const std::string& name) {
  return Value::builtin(name, [fn, self](Interpreter& in, CallArgs& args) {
    args.positional.insert(args.positional.begin(), self);
    return in.call(fn, args);
  });
}

}  // namespace

const Value* ClassObject::find(const std::string& attr) const {
  for (const auto& [k, v] : attrs_) {
    if (k == attr) return &v;
  }
  for (const auto& base : bases_) {
    if (const Value* v = base->find(attr)) return v;
  }
  return nullptr;
}

bool ClassObject::derivesFrom(const ClassObject& other) const {
  if (this == &other) return true;
  for (const auto& base : bases_) {
    if (base->derivesFrom(other)) return true;
  }
  return false;
}

void ClassObject::set(const std::string& attr, Value value) {
  setIn(attrs_, attr, value);
}

std::string ClassObject::repr() const {
  return fmt::format("<class '__main__.{}'>", name_);
}

std::optional<Value> ClassObject::getAttr(Interpreter&, const std::string& name,
                                          SourcePosition pos) {
  if (name == "__name__") return Value::str(name_);
  if (const Value* v = find(name)) return *v;
  throw Error(ErrorClass::AttributeError,
              fmt::format("type object '{}' has no attribute '{}'", name_, name), pos);
}

// Writer.process(w, row), Base.__init__(self, x): the function itself, self passed by the caller.
std::optional<Value> ClassObject::callMethod(Interpreter& in, const std::string& name,
                                             CallArgs& args) {
  const Value* v = find(name);
  if (!v) return std::nullopt;
  Value fn = *v;
  return in.call(fn, args);
}

bool ClassObject::hasMethod(const std::string& name) const {
  const Value* v = find(name);
  return v && isCallable(*v);
}

bool ClassObject::setAttr(const std::string& name, const Value& value) {
  set(name, value);
  return true;
}

std::optional<Value> ClassObject::callObject(Interpreter& in, CallArgs& args) {
  auto instance = std::make_shared<InstanceObject>(shared_from_this(), in);
  Value self = Value::object(ValueType::Host, instance);
  const Value* init = find("__init__");
  if (!init) {
    if (!args.positional.empty() || !args.keywords.empty()) {
      throw Error(ErrorClass::TypeError, fmt::format("{}() takes no arguments", name_), args.pos);
    }
    return self;
  }
  Value fn = *init;
  args.positional.insert(args.positional.begin(), self);
  Value result = in.call(fn, args);
  if (!result.isNone()) {
    throw Error(ErrorClass::TypeError,
                fmt::format("__init__() should return None, not '{}'", typeNameOf(result)),
                args.pos);
  }
  return self;
}

std::optional<Value> InstanceObject::lookup(const std::string& name) {
  if (Value* v = findIn(attrs_, name)) return *v;
  if (name == "__class__") return Value::object(ValueType::Host, cls_);
  const Value* v = cls_->find(name);
  if (!v) return std::nullopt;
  if (v->type() != ValueType::Function) return *v;
  return boundMethod(*v, Value::object(ValueType::Host, shared_from_this()), name);
}

std::optional<std::string> InstanceObject::special(const char* method) const {
  const Value* fn = cls_->find(method);
  if (!fn) return std::nullopt;
  CallArgs args;
  args.positional = {
      Value::object(ValueType::Host, std::const_pointer_cast<InstanceObject>(shared_from_this()))};
  Value text = in_->call(*fn, args);
  if (!text.isStr()) {
    throw Error(ErrorClass::TypeError,
                fmt::format("{} returned non-string (type {})", method, typeNameOf(text)));
  }
  return text.asStr();
}

std::string InstanceObject::repr() const {
  if (auto text = special("__repr__")) return *text;
  return fmt::format("<__main__.{} object at {}>", cls_->name(), static_cast<const void*>(this));
}

std::string InstanceObject::str() const {
  if (auto text = special("__str__")) return *text;
  return repr();
}

std::optional<Value> InstanceObject::getAttr(Interpreter&, const std::string& name,
                                             SourcePosition) {
  return lookup(name);
}

std::optional<Value> InstanceObject::callMethod(Interpreter& in, const std::string& name,
                                                CallArgs& args) {
  if (Value* own = findIn(attrs_, name)) {
    Value fn = *own;
    return in.call(fn, args);
  }
  const Value* v = cls_->find(name);
  if (!v) return std::nullopt;
  Value fn = *v;
  if (fn.type() == ValueType::Function)
    args.positional.insert(args.positional.begin(),
                           Value::object(ValueType::Host, shared_from_this()));
  return in.call(fn, args);
}

bool InstanceObject::hasMethod(const std::string& name) const {
  for (const auto& [k, v] : attrs_) {
    if (k == name) return isCallable(v);
  }
  return cls_->hasMethod(name);
}

bool InstanceObject::setAttr(const std::string& name, const Value& value) {
  setIn(attrs_, name, value);
  return true;
}

}  // namespace runnel::pyspark
