// FunctionRegistry: lookup by lower-cased name or alias; the built-in registry holds every family.
#include "expr/function_registry.h"

#include <algorithm>
#include <cctype>

#include "expr/functions/time_window.h"

namespace runnel::expr {

namespace {
std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

FunctionRegistry makeBuiltin() {
  FunctionRegistry r;
  registerArithmeticFunctions(r);
  registerPredicateFunctions(r);
  registerStringFunctions(r);
  registerConditionalFunctions(r);
  registerGeneratorFunctions(r);
  registerAggregateFunctions(r);
  registerDatetimeFunctions(r);
  registerCollectionFunctions(r);
  registerWindowFunctions(r);
  return r;
}
}  // namespace

const FunctionRegistry& FunctionRegistry::builtin() {
  // Immutable after construction: a constant table, not mutable global state.
  static const FunctionRegistry registry = makeBuiltin();
  return registry;
}

void FunctionRegistry::add(FunctionDef def) {
  defs_.push_back(std::make_unique<FunctionDef>(std::move(def)));
  const FunctionDef* d = defs_.back().get();
  by_name_[lower(d->name)] = d;
  for (const auto& a : d->aliases)
    by_name_[lower(a)] = d;
}

const FunctionDef* FunctionRegistry::find(const std::string& name) const {
  auto it = by_name_.find(lower(name));
  return it == by_name_.end() ? nullptr : it->second;
}

std::vector<std::string> FunctionRegistry::names() const {
  std::vector<std::string> out;
  for (const auto& d : defs_)
    out.push_back(d->name);
  return out;
}

}  // namespace runnel::expr
