// Conditional functions (placeholder until the family is written).
#include "expr/function_registry.h"

namespace runnel::expr {

void registerConditionalFunctions(FunctionRegistry& r) { (void)r; }

}  // namespace runnel::expr
