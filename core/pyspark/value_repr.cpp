// Python's str() and repr() of values (quotes, float shortest round-trip, containers) and type
// names.
#include <fmt/format.h>

#include <cctype>
#include <cmath>
#include <set>

#include "pyspark/value.h"

namespace runnel::pyspark {

std::string floatRepr(double d) {
  if (std::isnan(d)) return "nan";
  if (std::isinf(d)) return d > 0 ? "inf" : "-inf";
  std::string s = fmt::format("{}", d);
  if (s.find_first_of(".en") == std::string::npos) s += ".0";
  return s;
}

std::string quoteString(const std::string& s) {
  char quote = (s.find('\'') != std::string::npos && s.find('"') == std::string::npos) ? '"' : '\'';
  std::string out(1, quote);
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (c == quote || c == '\\') {
      out.push_back('\\');
      out.push_back(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (u < 0x20 || u == 0x7f) {
      out += fmt::format("\\x{:02x}", u);
    } else {
      out.push_back(c);
    }
  }
  out.push_back(quote);
  return out;
}

namespace {

constexpr int kMaxReprDepth = 100;  // a list that contains itself prints as [...] in Python

std::string reprAt(const Value& v, int depth);

}  // namespace

std::string reprOf(const Value& v) {
  return reprAt(v, 0);
}

namespace {

std::string reprAt(const Value& v, int depth) {
  if (depth > kMaxReprDepth) return "...";
  switch (v.type()) {
    case ValueType::None:
      return "None";
    case ValueType::Bool:
      return v.asBool() ? "True" : "False";
    case ValueType::Int:
      return std::to_string(v.asInt());
    case ValueType::Float:
      return floatRepr(v.asFloat());
    case ValueType::Str:
      return quoteString(v.asStr());
    case ValueType::List:
    case ValueType::Tuple: {
      bool list = v.type() == ValueType::List;
      std::string out = list ? "[" : "(";
      const auto& items = v.items();
      for (size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += ", ";
        out += reprAt(items[i], depth + 1);
      }
      if (!list && items.size() == 1) out += ",";
      return out + (list ? "]" : ")");
    }
    case ValueType::Dict: {
      std::string out = "{";
      bool first = true;
      for (const auto& [k, val] : v.asDict().entries) {
        if (!first) out += ", ";
        first = false;
        out += reprAt(k, depth + 1) + ": " + reprAt(val, depth + 1);
      }
      return out + "}";
    }
    case ValueType::Function:
      return fmt::format("<function {}>", v.as<FunctionObject>()->def->name);
    case ValueType::Builtin: {
      // Classes (int, KeyError, StructType, what type() returns) print as Python's do.
      static const std::set<std::string> kLowercaseClasses = {
          "int", "float",     "str",   "bool",   "list",     "dict",     "tuple",
          "set", "frozenset", "range", "object", "NoneType", "function", "module"};
      const std::string& name = v.as<BuiltinObject>()->name;
      bool is_class = kLowercaseClasses.count(name) > 0 ||
                      (!name.empty() && std::isupper(static_cast<unsigned char>(name[0])));
      if (is_class) return fmt::format("<class '{}'>", name);
      return fmt::format("<built-in function {}>", name);
    }
    case ValueType::Module:
      return fmt::format("<module '{}'>", v.as<ModuleObject>()->name);
    case ValueType::Host:
      return v.as<HostObject>()->repr();
  }
  return "?";
}

}  // namespace

std::string strOf(const Value& v) {
  if (v.type() == ValueType::Host) return v.as<HostObject>()->str();
  return v.isStr() ? v.asStr() : reprOf(v);
}

std::string typeNameOf(const Value& v) {
  switch (v.type()) {
    case ValueType::None:
      return "NoneType";
    case ValueType::Bool:
      return "bool";
    case ValueType::Int:
      return "int";
    case ValueType::Float:
      return "float";
    case ValueType::Str:
      return "str";
    case ValueType::List:
      return "list";
    case ValueType::Tuple:
      return "tuple";
    case ValueType::Dict:
      return "dict";
    case ValueType::Function:
      return "function";
    case ValueType::Builtin:
      return "builtin_function_or_method";
    case ValueType::Module:
      return "module";
    case ValueType::Host:
      return v.as<HostObject>()->typeName();
  }
  return "object";
}

}  // namespace runnel::pyspark
