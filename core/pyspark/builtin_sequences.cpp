// Python builtins, sequence half: len, range, list/tuple/dict, sorted, min/max/sum, enumerate, zip,
// map/filter, any/all. Lazy iterators are materialised as lists (programs here iterate them once).
#include <fmt/format.h>

#include <algorithm>

#include "pyspark/call_args.h"
#include "pyspark/interpreter.h"

namespace runnel::pyspark {
namespace {

constexpr int64_t kMaxRange = 10'000'000;  // range() is materialised; larger ones are a runaway

size_t codePoints(const std::string& s) {
  size_t n = 0;
  for (char c : s)
    n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

std::vector<Value> argsOrIterable(Interpreter& in, const Params& p, const char* name,
                                  SourcePosition pos) {
  if (p.rest().empty() && p.get(0)) return in.iterate(*p.get(0), pos);
  std::vector<Value> all;
  if (p.get(0)) all.push_back(*p.get(0));
  all.insert(all.end(), p.rest().begin(), p.rest().end());
  if (all.empty()) {
    throw Error(ErrorClass::TypeError, fmt::format("{} expected at least 1 argument, got 0", name),
                pos);
  }
  return all;
}

Value minMax(Interpreter& in, CallArgs& a, bool is_max) {
  const char* name = is_max ? "max" : "min";
  Params p(a, name, {"iterable"}, 0, true, true);
  std::vector<Value> items = argsOrIterable(in, p, name, a.pos);
  const Value* dflt = nullptr;
  for (const auto& [k, v] : p.extraKeywords()) {
    if (k == "default")
      dflt = &v;
    else
      throw Error(ErrorClass::NotImplementedError,
                  fmt::format("{}({}=...) is not supported", name, k), a.pos);
  }
  if (items.empty()) {
    if (dflt) return *dflt;
    throw Error(ErrorClass::ValueError, fmt::format("{}() arg is an empty sequence", name), a.pos);
  }
  Value best = items[0];
  for (size_t i = 1; i < items.size(); ++i) {
    if (in.truthy(in.binaryOp(is_max ? ">" : "<", items[i], best, a.pos), a.pos)) best = items[i];
  }
  return best;
}

}  // namespace

void installSequenceBuiltins(std::unordered_map<std::string, Value>& b) {
  b["len"] = Value::builtin("len", [](Interpreter& in, CallArgs& a) {
    Params p(a, "len", {"obj"}, 1);
    const Value& v = *p.get(0);
    switch (v.type()) {
      case ValueType::Str:
        return Value::integer(static_cast<int64_t>(codePoints(v.asStr())));
      case ValueType::List:
      case ValueType::Tuple:
        return Value::integer(static_cast<int64_t>(v.items().size()));
      case ValueType::Dict:
        return Value::integer(static_cast<int64_t>(v.asDict().entries.size()));
      case ValueType::Host:
        if (auto items = v.as<HostObject>()->iterate(a.pos))
          return Value::integer(static_cast<int64_t>(items->size()));
        break;
      default:
        break;
    }
    (void)in;
    throw Error(ErrorClass::TypeError,
                fmt::format("object of type '{}' has no len()", typeNameOf(v)), a.pos);
  });
  b["range"] = Value::builtin("range", [](Interpreter&, CallArgs& a) {
    Params p(a, "range", {"start", "stop", "step"}, 1);
    int64_t start = 0, stop = 0, step = 1;
    if (p.get(1)) {
      start = requireInt(*p.get(0), "range() start", a.pos);
      stop = requireInt(*p.get(1), "range() stop", a.pos);
      if (p.get(2)) step = requireInt(*p.get(2), "range() step", a.pos);
    } else {
      stop = requireInt(*p.get(0), "range() stop", a.pos);
    }
    if (step == 0) throw Error(ErrorClass::ValueError, "range() arg 3 must not be zero", a.pos);
    std::vector<Value> items;
    for (int64_t i = start; step > 0 ? i < stop : i > stop; i += step) {
      if (static_cast<int64_t>(items.size()) >= kMaxRange) {
        throw Error(ErrorClass::NotImplementedError,
                    fmt::format("range() with more than {} elements is not supported", kMaxRange),
                    a.pos);
      }
      items.push_back(Value::integer(i));
      if ((step > 0 && i > INT64_MAX - step) || (step < 0 && i < INT64_MIN - step)) break;
    }
    return Value::list(std::move(items));
  });
  b["list"] = Value::builtin("list", [](Interpreter& in, CallArgs& a) {
    Params p(a, "list", {"iterable"}, 0);
    return Value::list(p.get(0) ? in.iterate(*p.get(0), a.pos) : std::vector<Value>{});
  });
  b["tuple"] = Value::builtin("tuple", [](Interpreter& in, CallArgs& a) {
    Params p(a, "tuple", {"iterable"}, 0);
    return Value::tuple(p.get(0) ? in.iterate(*p.get(0), a.pos) : std::vector<Value>{});
  });
  b["dict"] = Value::builtin("dict", [](Interpreter& in, CallArgs& a) {
    Params p(a, "dict", {"iterable"}, 0, false, true);
    Value d = Value::dict();
    if (p.get(0) && p.get(0)->type() == ValueType::Dict) {
      d.asDict().entries = p.get(0)->asDict().entries;
    } else if (p.get(0)) {
      for (const Value& pair : in.iterate(*p.get(0), a.pos)) {
        std::vector<Value> kv = in.iterate(pair, a.pos);
        if (kv.size() != 2) {
          throw Error(ErrorClass::ValueError,
                      "dictionary update sequence element has the wrong length", a.pos);
        }
        d.asDict().set(kv[0], kv[1]);
      }
    }
    for (const auto& [k, v] : p.extraKeywords())
      d.asDict().set(Value::str(k), v);
    return d;
  });
  b["sorted"] = Value::builtin("sorted", [](Interpreter& in, CallArgs& a) {
    Params p(a, "sorted", {"iterable", "key", "reverse"}, 1);
    std::vector<Value> items = in.iterate(*p.get(0), a.pos);
    bool reverse = p.has(2) && in.truthy(*p.get(2), a.pos);
    std::vector<Value> keys = items;
    if (p.has(1)) {
      for (Value& k : keys) {
        CallArgs ka;
        ka.pos = a.pos;
        ka.positional = {k};
        k = in.call(*p.get(1), ka);
      }
    }
    std::vector<size_t> order(items.size());
    for (size_t i = 0; i < order.size(); ++i)
      order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
      return in.truthy(in.binaryOp("<", keys[reverse ? y : x], keys[reverse ? x : y], a.pos),
                       a.pos);
    });
    std::vector<Value> out;
    for (size_t i : order)
      out.push_back(items[i]);
    return Value::list(std::move(out));
  });
  b["min"] =
      Value::builtin("min", [](Interpreter& in, CallArgs& a) { return minMax(in, a, false); });
  b["max"] =
      Value::builtin("max", [](Interpreter& in, CallArgs& a) { return minMax(in, a, true); });
  b["sum"] = Value::builtin("sum", [](Interpreter& in, CallArgs& a) {
    Params p(a, "sum", {"iterable", "start"}, 1);
    Value total = p.get(1) ? *p.get(1) : Value::integer(0);
    for (const Value& v : in.iterate(*p.get(0), a.pos))
      total = in.binaryOp("+", total, v, a.pos);
    return total;
  });
  b["enumerate"] = Value::builtin("enumerate", [](Interpreter& in, CallArgs& a) {
    Params p(a, "enumerate", {"iterable", "start"}, 1);
    int64_t i = p.get(1) ? requireInt(*p.get(1), "start", a.pos) : 0;
    std::vector<Value> out;
    for (const Value& v : in.iterate(*p.get(0), a.pos))
      out.push_back(Value::tuple({Value::integer(i++), v}));
    return Value::list(std::move(out));
  });
  b["zip"] = Value::builtin("zip", [](Interpreter& in, CallArgs& a) {
    Params p(a, "zip", {}, 0, true);
    std::vector<std::vector<Value>> seqs;
    size_t n = SIZE_MAX;
    for (const Value& v : p.rest()) {
      seqs.push_back(in.iterate(v, a.pos));
      n = std::min(n, seqs.back().size());
    }
    std::vector<Value> out;
    for (size_t i = 0; !seqs.empty() && i < n; ++i) {
      std::vector<Value> row;
      for (const auto& s : seqs)
        row.push_back(s[i]);
      out.push_back(Value::tuple(std::move(row)));
    }
    return Value::list(std::move(out));
  });
  for (const char* name : {"map", "filter"}) {
    bool is_map = std::string(name) == "map";
    b[name] = Value::builtin(name, [is_map](Interpreter& in, CallArgs& a) {
      Params p(a, is_map ? "map" : "filter", {"function", "iterable"}, 2);
      std::vector<Value> out;
      for (const Value& v : in.iterate(*p.get(1), a.pos)) {
        Value r = v;
        if (!p.get(0)->isNone()) {
          CallArgs fa;
          fa.pos = a.pos;
          fa.positional = {v};
          r = in.call(*p.get(0), fa);
        }
        if (is_map)
          out.push_back(r);
        else if (in.truthy(r, a.pos))
          out.push_back(v);
      }
      return Value::list(std::move(out));
    });
  }
  for (const char* name : {"any", "all"}) {
    bool is_any = std::string(name) == "any";
    b[name] = Value::builtin(name, [is_any](Interpreter& in, CallArgs& a) {
      Params p(a, is_any ? "any" : "all", {"iterable"}, 1);
      for (const Value& v : in.iterate(*p.get(0), a.pos)) {
        if (in.truthy(v, a.pos) == is_any) return Value::boolean(is_any);
      }
      return Value::boolean(!is_any);
    });
  }
}

}  // namespace runnel::pyspark
