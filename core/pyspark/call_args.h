// Argument binding for the PySpark bindings and builtins: a Python signature (names, how many are
// required, *args) applied to a call, with CPython's TypeError texts, plus PySpark's value
// conversions.
#pragma once

#include <string>
#include <vector>

#include "pyspark/value.h"

namespace runnel::pyspark {

class Params {
 public:
  // `func` is the qualified name used in messages ("DataFrame.select"); with `varargs`, extra
  // positional arguments are collected in rest() instead of raising.
  Params(const CallArgs& args, std::string func, std::vector<std::string> names, size_t required,
         bool varargs = false, bool extra_keywords = false);

  const Value* get(size_t i) const {
    return i < values_.size() && given_[i] ? &values_[i] : nullptr;
  }
  const Value* get(const std::string& name) const;
  bool has(size_t i) const { return get(i) != nullptr && !get(i)->isNone(); }
  const std::vector<Value>& rest() const { return rest_; }
  // Keywords that matched no name (only with `extra_keywords`).
  const std::vector<std::pair<std::string, Value>>& extraKeywords() const { return extra_; }
  const std::string& func() const { return func_; }
  SourcePosition pos() const { return pos_; }

 private:
  std::string func_;
  std::vector<std::string> names_;
  std::vector<Value> values_;
  std::vector<bool> given_;
  std::vector<Value> rest_;
  std::vector<std::pair<std::string, Value>> extra_;
  SourcePosition pos_;
};

// Raises TypeError unless `v` is a str; `what` names the parameter in the message.
const std::string& requireStr(const Value& v, const std::string& what, SourcePosition pos);
int64_t requireInt(const Value& v, const std::string& what, SourcePosition pos);
double requireNumber(const Value& v, const std::string& what, SourcePosition pos);
// PySpark's to_str: True -> "true", other values as str(v) (reader/writer options).
std::string optionString(const Value& v);
// A single list/tuple argument stands for its items (select([a, b]) == select(a, b)), as PySpark
// allows.
std::vector<Value> flattenSingleList(const std::vector<Value>& args);

}  // namespace runnel::pyspark
