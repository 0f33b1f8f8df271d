// Datetime functions (placeholder until the family is written).
#include "expr/function_registry.h"

namespace runnel::expr {

void registerDatetimeFunctions(FunctionRegistry& r) { (void)r; }

}  // namespace runnel::expr
