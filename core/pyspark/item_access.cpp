// Interpreter, access: iteration, subscripts and slices, and attribute lookup (modules, host
// objects, methods of the built-in types).
#include <fmt/format.h>

#include "pyspark/builtin_methods.h"
#include "pyspark/interpreter.h"

namespace runnel::pyspark {
namespace {

// Python's slice.indices(): clamps start/stop for a sequence of `size` and a non-zero step.
std::vector<size_t> sliceIndices(const std::optional<int64_t>& start,
                                 const std::optional<int64_t>& stop, int64_t step, int64_t size) {
  auto clamp = [&](std::optional<int64_t> v, int64_t dflt) {
    if (!v) return dflt;
    int64_t x = *v < 0 ? *v + size : *v;
    if (step > 0) return std::min(std::max<int64_t>(x, 0), size);
    return std::min(std::max<int64_t>(x, -1), size - 1);
  };
  int64_t lo = clamp(start, step > 0 ? 0 : size - 1);
  int64_t hi = clamp(stop, step > 0 ? size : -1);
  std::vector<size_t> out;
  for (int64_t i = lo; step > 0 ? i < hi : i > hi; i += step)
    out.push_back(static_cast<size_t>(i));
  return out;
}

std::optional<int64_t> sliceBound(const Value& v, SourcePosition pos) {
  if (v.isNone()) return std::nullopt;
  if (!v.isInt() && v.type() != ValueType::Bool) {
    throw Error(ErrorClass::TypeError,
                "slice indices must be integers or None or have an __index__ method", pos);
  }
  return v.asInt();
}

}  // namespace

std::vector<Value> Interpreter::iterate(const Value& v, SourcePosition pos) {
  switch (v.type()) {
    case ValueType::List:
    case ValueType::Tuple:
      return v.items();
    case ValueType::Dict: {
      std::vector<Value> keys;
      for (const auto& [k, val] : v.asDict().entries)
        keys.push_back(k);
      return keys;
    }
    case ValueType::Str: {
      std::vector<Value> chars;
      const std::string& s = v.asStr();
      for (size_t i = 0; i < s.size();) {
        size_t len = 1;
        while (i + len < s.size() && (static_cast<unsigned char>(s[i + len]) & 0xC0) == 0x80)
          ++len;
        chars.push_back(Value::str(s.substr(i, len)));
        i += len;
      }
      return chars;
    }
    case ValueType::Host:
      if (auto items = v.as<HostObject>()->iterate(pos)) return std::move(*items);
      break;
    default:
      break;
  }
  throw Error(ErrorClass::TypeError, fmt::format("'{}' object is not iterable", typeNameOf(v)),
              pos);
}

Value Interpreter::evalSubscript(const Expr& e, Frame& f) {
  Value container = eval(*e.kids[0], f);
  const Expr& index = *e.kids[1];
  if (index.kind == ExprKind::Slice) {
    std::optional<int64_t> bounds[3];
    for (size_t i = 0; i < 3; ++i) {
      if (index.kids[i]) bounds[i] = sliceBound(eval(*index.kids[i], f), index.pos);
    }
    int64_t step = bounds[2].value_or(1);
    if (step == 0) throw Error(ErrorClass::ValueError, "slice step cannot be zero", index.pos);
    if (container.isStr()) {
      // Slices index code points; PySpark programs slice ASCII text in practice, so bytes are fine.
      const std::string& s = container.asStr();
      std::string out;
      for (size_t i : sliceIndices(bounds[0], bounds[1], step, static_cast<int64_t>(s.size())))
        out += s[i];
      return Value::str(std::move(out));
    }
    if (container.isSequence()) {
      const auto& items = container.items();
      std::vector<Value> out;
      for (size_t i :
           sliceIndices(bounds[0], bounds[1], step, static_cast<int64_t>(items.size()))) {
        out.push_back(items[i]);
      }
      return container.type() == ValueType::List ? Value::list(std::move(out))
                                                 : Value::tuple(std::move(out));
    }
    throw Error(ErrorClass::TypeError,
                fmt::format("'{}' object is not subscriptable", typeNameOf(container)), e.pos);
  }
  Value key = eval(index, f);
  switch (container.type()) {
    case ValueType::Dict: {
      if (!isHashable(key)) {
        throw Error(ErrorClass::TypeError, fmt::format("unhashable type: '{}'", typeNameOf(key)),
                    index.pos);
      }
      if (const Value* v = container.asDict().find(key)) return *v;
      throw Error(ErrorClass::KeyError, reprOf(key), e.pos);
    }
    case ValueType::List:
    case ValueType::Tuple:
    case ValueType::Str: {
      if (!key.isInt() && key.type() != ValueType::Bool) {
        throw Error(ErrorClass::TypeError,
                    fmt::format("{} indices must be integers or slices, not {}",
                                typeNameOf(container), typeNameOf(key)),
                    index.pos);
      }
      int64_t size = container.isStr() ? static_cast<int64_t>(container.asStr().size())
                                       : static_cast<int64_t>(container.items().size());
      int64_t i = key.asInt() < 0 ? key.asInt() + size : key.asInt();
      if (i < 0 || i >= size) {
        throw Error(ErrorClass::IndexError,
                    fmt::format("{} index out of range", typeNameOf(container)), e.pos);
      }
      if (container.isStr())
        return Value::str(std::string(1, container.asStr()[static_cast<size_t>(i)]));
      return container.items()[static_cast<size_t>(i)];
    }
    case ValueType::Host: {
      try {
        if (auto v = container.as<HostObject>()->getItem(*this, key, e.pos)) return std::move(*v);
      } catch (Error& err) {
        err.withPosition(e.pos);
        throw;
      }
      break;
    }
    default:
      break;
  }
  throw Error(ErrorClass::TypeError,
              fmt::format("'{}' object is not subscriptable", typeNameOf(container)), e.pos);
}

Value Interpreter::getAttr(const Value& obj, const std::string& name, SourcePosition pos) {
  if (obj.type() == ValueType::Module) {
    auto* m = obj.as<ModuleObject>();
    if (const Value* v = m->find(name)) return *v;
    throw Error(ErrorClass::AttributeError,
                fmt::format("module '{}' has no attribute '{}'", m->name, name), pos);
  }
  if (obj.type() == ValueType::Host) {
    auto* host = obj.as<HostObject>();
    try {
      if (auto v = host->getAttr(*this, name, pos)) return std::move(*v);
    } catch (Error& err) {
      err.withPosition(pos);
      throw;
    }
    if (host->hasMethod(name)) {
      Value self = obj;
      return Value::builtin(name, [self, name](Interpreter& in, CallArgs& args) {
        auto result = self.as<HostObject>()->callMethod(in, name, args);
        return result ? std::move(*result) : Value();
      });
    }
    throw Error(ErrorClass::AttributeError,
                fmt::format("'{}' object has no attribute '{}'", host->typeName(), name), pos);
  }
  if (name == "__name__" && obj.type() == ValueType::Builtin)
    return Value::str(obj.as<BuiltinObject>()->name);  // type(e).__name__
  if (name == "__name__" && obj.type() == ValueType::Function)
    return Value::str(obj.as<FunctionObject>()->def->name);
  if (auto method = builtinMethod(obj, name)) return std::move(*method);
  throw Error(ErrorClass::AttributeError,
              fmt::format("'{}' object has no attribute '{}'", typeNameOf(obj), name), pos);
}

}  // namespace runnel::pyspark
