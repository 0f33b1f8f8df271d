// Registration of the families that live in more than one file; each public register*Functions in
// function_registry.h calls its parts from here.
#pragma once

#include "expr/function_registry.h"

namespace runnel::expr {

void registerRoundFunctions(FunctionRegistry& r);         // round_functions.cpp (arithmetic)
void registerRegexpFunctions(FunctionRegistry& r);        // regexp_functions.cpp (strings)
void registerStringSearchFunctions(FunctionRegistry& r);  // string_search_functions.cpp (strings)
void registerTimeAddFunctions(FunctionRegistry& r);       // time_add.cpp (datetime)

}  // namespace runnel::expr
