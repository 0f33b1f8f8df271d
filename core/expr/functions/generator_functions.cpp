// Generator functions (placeholder until the family is written).
#include "expr/function_registry.h"

namespace runnel::expr {

void registerGeneratorFunctions(FunctionRegistry& r) { (void)r; }

}  // namespace runnel::expr
