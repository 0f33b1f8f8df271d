// Argument binding with CPython's messages, and PySpark's conversions of option values.
#include "pyspark/call_args.h"

#include <fmt/format.h>

namespace runnel::pyspark {

Params::Params(const CallArgs& args, std::string func, std::vector<std::string> names,
               size_t required, bool varargs, bool extra_keywords)
    : func_(std::move(func)),
      names_(std::move(names)),
      values_(names_.size()),
      given_(names_.size(), false),
      pos_(args.pos) {
  size_t n = args.positional.size();
  if (n > names_.size() && !varargs) {
    std::string expected = required == names_.size()
                               ? std::to_string(names_.size())
                               : fmt::format("from {} to {}", required, names_.size());
    throw Error(ErrorClass::TypeError,
                fmt::format("{}() takes {} positional argument{} but {} {} given", func_, expected,
                            names_.size() == 1 ? "" : "s", n, n == 1 ? "was" : "were"),
                pos_);
  }
  for (size_t i = 0; i < n; ++i) {
    if (i < names_.size()) {
      values_[i] = args.positional[i];
      given_[i] = true;
    } else {
      rest_.push_back(args.positional[i]);
    }
  }
  for (const auto& [key, value] : args.keywords) {
    size_t i = 0;
    while (i < names_.size() && names_[i] != key)
      ++i;
    if (i == names_.size()) {
      if (extra_keywords) {
        extra_.emplace_back(key, value);
        continue;
      }
      throw Error(ErrorClass::TypeError,
                  fmt::format("{}() got an unexpected keyword argument '{}'", func_, key), pos_);
    }
    if (given_[i]) {
      throw Error(ErrorClass::TypeError,
                  fmt::format("{}() got multiple values for argument '{}'", func_, key), pos_);
    }
    values_[i] = value;
    given_[i] = true;
  }
  for (size_t i = 0; i < required; ++i) {
    if (!given_[i]) {
      throw Error(
          ErrorClass::TypeError,
          fmt::format("{}() missing 1 required positional argument: '{}'", func_, names_[i]), pos_);
    }
  }
}

const Value* Params::get(const std::string& name) const {
  for (size_t i = 0; i < names_.size(); ++i) {
    if (names_[i] == name) return get(i);
  }
  return nullptr;
}

const std::string& requireStr(const Value& v, const std::string& what, SourcePosition pos) {
  if (!v.isStr()) {
    throw Error(ErrorClass::TypeError,
                fmt::format("{} should be a str, got {}", what, typeNameOf(v)), pos);
  }
  return v.asStr();
}

int64_t requireInt(const Value& v, const std::string& what, SourcePosition pos) {
  if (!v.isInt() && v.type() != ValueType::Bool) {
    throw Error(ErrorClass::TypeError,
                fmt::format("{} should be an int, got {}", what, typeNameOf(v)), pos);
  }
  return v.asInt();
}

double requireNumber(const Value& v, const std::string& what, SourcePosition pos) {
  if (!v.isNumber()) {
    throw Error(ErrorClass::TypeError,
                fmt::format("{} should be an int or float, got {}", what, typeNameOf(v)), pos);
  }
  return v.asFloat();
}

std::string optionString(const Value& v) {
  if (v.type() == ValueType::Bool) return v.asBool() ? "true" : "false";
  return strOf(v);
}

std::vector<Value> flattenSingleList(const std::vector<Value>& args) {
  if (args.size() == 1 && args[0].isSequence()) return args[0].items();
  return args;
}

}  // namespace runnel::pyspark
