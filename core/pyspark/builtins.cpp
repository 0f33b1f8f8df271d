// Python builtins, scalar half: print, str/int/float/bool/repr/format conversions, isinstance, abs,
// round, getattr/hasattr, type. Sequence builtins are in builtin_sequences.cpp, exception classes
// in exceptions.cpp.
#include <fmt/format.h>

#include <cmath>
#include <cstdlib>

#include "pyspark/builtin_methods.h"
#include "pyspark/call_args.h"
#include "pyspark/class_object.h"
#include "pyspark/exceptions.h"
#include "pyspark/interpreter.h"

namespace runnel::pyspark {

void installSequenceBuiltins(std::unordered_map<std::string, Value>& b);

namespace {

std::string trimmed(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\n\r\f\v");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\n\r\f\v");
  return s.substr(b, e - b + 1);
}

Value toInt(const Value& v, SourcePosition pos) {
  if (v.type() == ValueType::Float) {
    double d = v.asFloat();
    if (std::isnan(d) || std::isinf(d)) {
      throw Error(ErrorClass::ValueError,
                  std::isnan(d) ? "cannot convert float NaN to integer"
                                : "cannot convert float infinity to integer",
                  pos);
    }
    if (d >= 9.2e18 || d <= -9.2e18) {
      throw Error(ErrorClass::NotImplementedError, "integers beyond 64 bits are not supported",
                  pos);
    }
    return Value::integer(static_cast<int64_t>(d));
  }
  if (v.isNumber()) return Value::integer(v.asInt());
  if (v.isStr()) {
    std::string t = trimmed(v.asStr());
    std::string digits;
    for (char c : t) {
      if (c != '_') digits.push_back(c);
    }
    char* end = nullptr;
    errno = 0;
    long long x = digits.empty() ? 0 : std::strtoll(digits.c_str(), &end, 10);
    bool ok = !digits.empty() && end && *end == '\0' &&
              !std::isspace(static_cast<unsigned char>(digits[0]));
    if (!ok) {
      throw Error(ErrorClass::ValueError,
                  fmt::format("invalid literal for int() with base 10: {}", quoteString(v.asStr())),
                  pos);
    }
    if (errno == ERANGE) {
      throw Error(ErrorClass::NotImplementedError, "integers beyond 64 bits are not supported",
                  pos);
    }
    return Value::integer(x);
  }
  throw Error(
      ErrorClass::TypeError,
      fmt::format("int() argument must be a string, a bytes-like object or a real number, not '{}'",
                  typeNameOf(v)),
      pos);
}

Value toFloat(const Value& v, SourcePosition pos) {
  if (v.isNumber()) return Value::floating(v.asFloat());
  if (v.isStr()) {
    std::string t = trimmed(v.asStr());
    std::string lower;
    for (char c : t)
      lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    if (lower == "inf" || lower == "+inf" || lower == "infinity") return Value::floating(INFINITY);
    if (lower == "-inf" || lower == "-infinity") return Value::floating(-INFINITY);
    if (lower == "nan" || lower == "+nan" || lower == "-nan") return Value::floating(NAN);
    char* end = nullptr;
    double d = t.empty() ? 0 : std::strtod(t.c_str(), &end);
    bool hex = lower.find('x') != std::string::npos;
    if (t.empty() || !end || *end != '\0' || hex) {
      throw Error(ErrorClass::ValueError,
                  fmt::format("could not convert string to float: {}", quoteString(v.asStr())),
                  pos);
    }
    return Value::floating(d);
  }
  throw Error(
      ErrorClass::TypeError,
      fmt::format("float() argument must be a string or a real number, not '{}'", typeNameOf(v)),
      pos);
}

bool isInstance(const Value& v, const Value& cls, SourcePosition pos) {
  if (cls.type() == ValueType::Tuple) {
    for (const Value& c : cls.items()) {
      if (isInstance(v, c, pos)) return true;
    }
    return false;
  }
  if (auto* own = cls.as<ClassObject>()) {
    auto* instance = v.as<InstanceObject>();
    return instance && instance->cls()->derivesFrom(*own);
  }
  if (cls.type() != ValueType::Builtin) {
    throw Error(ErrorClass::TypeError,
                "isinstance() arg 2 must be a type, a tuple of types, or a union", pos);
  }
  const std::string& name = cls.as<BuiltinObject>()->name;
  std::string type = typeNameOf(v);
  if (name == "object") return true;
  if (name == "int" && type == "bool") return true;
  if (v.type() == ValueType::Host) {
    if (auto* exc = v.as<ExceptionValue>())
      return exceptionMatches(exc->error().errorClass(), name);
  }
  return name == type;
}

}  // namespace

void installBuiltins(Interpreter& in, std::unordered_map<std::string, Value>& b) {
  b["print"] = Value::builtin("print", [](Interpreter& in, CallArgs& a) {
    Params p(a, "print", {}, 0, true, true);
    std::string sep = " ", end = "\n";
    for (const auto& [k, v] : p.extraKeywords()) {
      if (k == "sep" && !v.isNone())
        sep = requireStr(v, "sep", a.pos);
      else if (k == "end" && !v.isNone())
        end = requireStr(v, "end", a.pos);
      else if (k != "file" && k != "flush" && k != "sep" && k != "end") {
        throw Error(ErrorClass::TypeError,
                    fmt::format("'{}' is an invalid keyword argument for print()", k), a.pos);
      }
    }
    std::string text;
    for (size_t i = 0; i < p.rest().size(); ++i) {
      if (i > 0) text += sep;
      text += strOf(p.rest()[i]);
    }
    in.print(text + end);
    return Value();
  });
  b["str"] = Value::builtin("str", [](Interpreter&, CallArgs& a) {
    Params p(a, "str", {"object"}, 0);
    return Value::str(p.get(0) ? strOf(*p.get(0)) : "");
  });
  b["repr"] = Value::builtin("repr", [](Interpreter&, CallArgs& a) {
    Params p(a, "repr", {"obj"}, 1);
    return Value::str(reprOf(*p.get(0)));
  });
  b["int"] = Value::builtin("int", [](Interpreter&, CallArgs& a) {
    Params p(a, "int", {"x"}, 0);
    return p.get(0) ? toInt(*p.get(0), a.pos) : Value::integer(0);
  });
  b["float"] = Value::builtin("float", [](Interpreter&, CallArgs& a) {
    Params p(a, "float", {"x"}, 0);
    return p.get(0) ? toFloat(*p.get(0), a.pos) : Value::floating(0);
  });
  b["bool"] = Value::builtin("bool", [](Interpreter& in, CallArgs& a) {
    Params p(a, "bool", {"x"}, 0);
    return Value::boolean(p.get(0) && in.truthy(*p.get(0), a.pos));
  });
  b["format"] = Value::builtin("format", [](Interpreter&, CallArgs& a) {
    Params p(a, "format", {"value", "format_spec"}, 1);
    std::string spec = p.get(1) ? requireStr(*p.get(1), "format_spec", a.pos) : "";
    return Value::str(spec.empty() ? strOf(*p.get(0)) : formatWithSpec(*p.get(0), spec, a.pos));
  });
  b["isinstance"] = Value::builtin("isinstance", [](Interpreter&, CallArgs& a) {
    Params p(a, "isinstance", {"obj", "class_or_tuple"}, 2);
    return Value::boolean(isInstance(*p.get(0), *p.get(1), a.pos));
  });
  b["abs"] = Value::builtin("abs", [](Interpreter& in, CallArgs& a) {
    Params p(a, "abs", {"x"}, 1);
    const Value& x = *p.get(0);
    if (x.type() == ValueType::Float) return Value::floating(std::fabs(x.asFloat()));
    if (x.isNumber())
      return x.asInt() < 0 ? in.binaryOp("unary-", x, Value(), a.pos) : Value::integer(x.asInt());
    throw Error(ErrorClass::TypeError,
                fmt::format("bad operand type for abs(): '{}'", typeNameOf(x)), a.pos);
  });
  b["round"] = Value::builtin("round", [](Interpreter&, CallArgs& a) {
    Params p(a, "round", {"number", "ndigits"}, 1);
    double x = requireNumber(*p.get(0), "number", a.pos);
    if (!p.has(1)) {
      if (p.get(0)->type() != ValueType::Float) return Value::integer(p.get(0)->asInt());
      return toInt(Value::floating(std::nearbyint(x)), a.pos);
    }
    int64_t n = requireInt(*p.get(1), "ndigits", a.pos);
    if (p.get(0)->type() != ValueType::Float) return Value::integer(p.get(0)->asInt());
    double scale = std::pow(10.0, static_cast<double>(std::clamp<int64_t>(n, -308, 308)));
    return Value::floating(std::nearbyint(x * scale) / scale);
  });
  b["getattr"] = Value::builtin("getattr", [](Interpreter& in, CallArgs& a) {
    Params p(a, "getattr", {"object", "name", "default"}, 2);
    const std::string& name = requireStr(*p.get(1), "attribute name", a.pos);
    try {
      return in.getAttr(*p.get(0), name, a.pos);
    } catch (const Error& e) {
      if (e.errorClass() != ErrorClass::AttributeError || !p.get(2)) throw;
      return *p.get(2);
    }
  });
  b["hasattr"] = Value::builtin("hasattr", [](Interpreter& in, CallArgs& a) {
    Params p(a, "hasattr", {"object", "name"}, 2);
    try {
      in.getAttr(*p.get(0), requireStr(*p.get(1), "attribute name", a.pos), a.pos);
      return Value::boolean(true);
    } catch (const Error& e) {
      if (e.errorClass() != ErrorClass::AttributeError) throw;
      return Value::boolean(false);
    }
  });
  // type(x): the class of a value, as the builtin of that name where there is one (int, KeyError),
  // so that type(x) == int and isinstance(y, type(x)) hold. The map outlives its builtins.
  const std::unordered_map<std::string, Value>* classes = &b;
  b["type"] = Value::builtin("type", [classes](Interpreter&, CallArgs& a) {
    Params p(a, "type", {"object"}, 1);
    if (auto* instance = p.get(0)->as<InstanceObject>())
      return Value::object(ValueType::Host, instance->cls());
    std::string name = typeNameOf(*p.get(0));
    auto known = classes->find(name);
    if (known != classes->end() && known->second.type() == ValueType::Builtin) return known->second;
    return Value::builtin(name, [name](Interpreter&, CallArgs& c) -> Value {
      throw Error(ErrorClass::TypeError, fmt::format("cannot create '{}' instances", name), c.pos);
    });
  });
  b["object"] = Value::builtin("object", [](Interpreter&, CallArgs& a) -> Value {
    throw Error(ErrorClass::NotImplementedError, "object() is not supported", a.pos);
  });
  b["super"] = Value::builtin("super", [](Interpreter&, CallArgs& a) -> Value {
    throw Error(ErrorClass::NotImplementedError,
                "super() is not supported by Runnel's Python subset; call the base class's method "
                "with self: Base.__init__(self, ...)",
                a.pos);
  });
  for (const char* unsupported :
       {"open", "input", "eval", "exec", "compile", "__import__", "globals"}) {
    std::string name = unsupported;
    b[name] = Value::builtin(name, [name](Interpreter&, CallArgs& a) -> Value {
      throw Error(ErrorClass::NotImplementedError,
                  fmt::format("{}() is not supported by Runnel's Python subset", name), a.pos);
    });
  }
  installSequenceBuiltins(b);
  installExceptionClasses(b);
  (void)in;
}

}  // namespace runnel::pyspark
