// Arithmetic functions (placeholder until the family is written).
#include "expr/function_registry.h"

namespace runnel::expr {

void registerArithmeticFunctions(FunctionRegistry& r) { (void)r; }

}  // namespace runnel::expr
