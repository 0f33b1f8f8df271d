// Predicate functions (placeholder until the family is written).
#include "expr/function_registry.h"

namespace runnel::expr {

void registerPredicateFunctions(FunctionRegistry& r) { (void)r; }

}  // namespace runnel::expr
