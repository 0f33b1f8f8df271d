// Methods of list and dict (append, extend, pop, get, items, update, ...), bound to their
// container.
#include <fmt/format.h>

#include <algorithm>

#include "pyspark/builtin_methods.h"
#include "pyspark/call_args.h"
#include "pyspark/interpreter.h"

namespace runnel::pyspark {
namespace {

std::optional<Value> listMethod(const Value& self, const std::string& name) {
  auto method = [&](auto fn) { return std::optional<Value>(Value::builtin(name, fn)); };
  if (name == "append") {
    return method([self](Interpreter&, CallArgs& a) {
      Params p(a, "list.append", {"object"}, 1);
      self.items().push_back(*p.get(0));
      return Value();
    });
  }
  if (name == "extend") {
    return method([self](Interpreter& in, CallArgs& a) {
      Params p(a, "list.extend", {"iterable"}, 1);
      std::vector<Value> more = in.iterate(*p.get(0), a.pos);
      self.items().insert(self.items().end(), more.begin(), more.end());
      return Value();
    });
  }
  if (name == "insert") {
    return method([self](Interpreter&, CallArgs& a) {
      Params p(a, "list.insert", {"index", "object"}, 2);
      auto& items = self.items();
      int64_t n = static_cast<int64_t>(items.size());
      int64_t i = requireInt(*p.get(0), "index", a.pos);
      i = std::clamp<int64_t>(i < 0 ? i + n : i, 0, n);
      items.insert(items.begin() + i, *p.get(1));
      return Value();
    });
  }
  if (name == "pop") {
    return method([self](Interpreter&, CallArgs& a) {
      Params p(a, "list.pop", {"index"}, 0);
      auto& items = self.items();
      if (items.empty()) throw Error(ErrorClass::IndexError, "pop from empty list", a.pos);
      int64_t n = static_cast<int64_t>(items.size());
      int64_t i = p.has(0) ? requireInt(*p.get(0), "index", a.pos) : n - 1;
      if (i < 0) i += n;
      if (i < 0 || i >= n) throw Error(ErrorClass::IndexError, "pop index out of range", a.pos);
      Value v = items[static_cast<size_t>(i)];
      items.erase(items.begin() + i);
      return v;
    });
  }
  if (name == "index" || name == "count" || name == "remove") {
    return method([self, name](Interpreter&, CallArgs& a) {
      Params p(a, "list." + name, {"value"}, 1);
      auto& items = self.items();
      int64_t count = 0;
      for (size_t i = 0; i < items.size(); ++i) {
        if (!valuesEqual(items[i], *p.get(0))) continue;
        if (name == "index") return Value::integer(static_cast<int64_t>(i));
        if (name == "remove") {
          items.erase(items.begin() + static_cast<long>(i));
          return Value();
        }
        ++count;
      }
      if (name == "count") return Value::integer(count);
      throw Error(ErrorClass::ValueError,
                  name == "index" ? fmt::format("{} is not in list", reprOf(*p.get(0)))
                                  : "list.remove(x): x not in list",
                  a.pos);
    });
  }
  if (name == "sort") {
    return method([self](Interpreter& in, CallArgs& a) {
      Params p(a, "list.sort", {"key", "reverse"}, 0);
      if (p.has(0))
        throw Error(ErrorClass::NotImplementedError, "list.sort(key=...) is not supported", a.pos);
      bool reverse = p.has(1) && in.truthy(*p.get(1), a.pos);
      std::stable_sort(
          self.items().begin(), self.items().end(), [&](const Value& x, const Value& y) {
            return in.truthy(in.binaryOp("<", reverse ? y : x, reverse ? x : y, a.pos), a.pos);
          });
      return Value();
    });
  }
  if (name == "reverse" || name == "clear" || name == "copy") {
    return method([self, name](Interpreter&, CallArgs&) {
      if (name == "copy") return Value::list(self.items());
      if (name == "clear") self.items().clear();
      if (name == "reverse") std::reverse(self.items().begin(), self.items().end());
      return Value();
    });
  }
  return std::nullopt;
}

std::optional<Value> dictMethod(const Value& self, const std::string& name) {
  auto method = [&](auto fn) { return std::optional<Value>(Value::builtin(name, fn)); };
  if (name == "get") {
    return method([self](Interpreter&, CallArgs& a) {
      Params p(a, "dict.get", {"key", "default"}, 1);
      const Value* v = self.asDict().find(*p.get(0));
      return v ? *v : (p.get(1) ? *p.get(1) : Value());
    });
  }
  if (name == "keys" || name == "values" || name == "items") {
    return method([self, name](Interpreter&, CallArgs&) {
      std::vector<Value> out;
      for (const auto& [k, v] : self.asDict().entries) {
        out.push_back(name == "keys" ? k : name == "values" ? v : Value::tuple({k, v}));
      }
      return Value::list(std::move(out));
    });
  }
  if (name == "update") {
    return method([self](Interpreter&, CallArgs& a) {
      Params p(a, "dict.update", {"other"}, 0, false, true);
      if (p.has(0)) {
        if (p.get(0)->type() != ValueType::Dict) {
          throw Error(ErrorClass::NotImplementedError, "dict.update() takes a dict here", a.pos);
        }
        for (const auto& [k, v] : p.get(0)->asDict().entries)
          self.asDict().set(k, v);
      }
      for (const auto& [k, v] : p.extraKeywords())
        self.asDict().set(Value::str(k), v);
      return Value();
    });
  }
  if (name == "pop" || name == "setdefault") {
    return method([self, name](Interpreter&, CallArgs& a) {
      Params p(a, "dict." + name, {"key", "default"}, 1);
      const Value* v = self.asDict().find(*p.get(0));
      if (name == "setdefault") {
        if (v) return *v;
        Value d = p.get(1) ? *p.get(1) : Value();
        self.asDict().set(*p.get(0), d);
        return d;
      }
      if (!v) {
        if (p.get(1)) return *p.get(1);
        throw Error(ErrorClass::KeyError, reprOf(*p.get(0)), a.pos);
      }
      Value out = *v;
      self.asDict().erase(*p.get(0));
      return out;
    });
  }
  if (name == "copy" || name == "clear") {
    return method([self, name](Interpreter&, CallArgs&) {
      if (name == "clear") {
        self.asDict().entries.clear();
        return Value();
      }
      Value d = Value::dict();
      d.asDict().entries = self.asDict().entries;
      return d;
    });
  }
  return std::nullopt;
}

}  // namespace

std::optional<Value> listOrDictMethod(const Value& self, const std::string& name) {
  if (self.type() == ValueType::List) return listMethod(self, name);
  if (self.type() == ValueType::Dict) return dictMethod(self, name);
  return std::nullopt;
}

}  // namespace runnel::pyspark
