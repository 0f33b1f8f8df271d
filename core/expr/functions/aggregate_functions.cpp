// Aggregate functions (placeholder until the family is written).
#include "expr/function_registry.h"

namespace runnel::expr {

void registerAggregateFunctions(FunctionRegistry& r) { (void)r; }

}  // namespace runnel::expr
