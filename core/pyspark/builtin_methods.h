// Methods of the built-in types (str, list, dict) as bound builtin values: "a b".split(),
// xs.append(1).
#pragma once

#include <optional>
#include <string>

#include "pyspark/value.h"

namespace runnel::pyspark {

std::optional<Value> builtinMethod(const Value& self, const std::string& name);

// Python's format(value, spec) for int, float, bool and str.
std::string formatWithSpec(const Value& v, const std::string& spec, SourcePosition pos);

}  // namespace runnel::pyspark
