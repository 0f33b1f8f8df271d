// Cast to string (Spark's ToStringBase): the text a value becomes under `cast(x as string)`. Unlike
// show(), nested nulls print as "null".
#pragma once

#include <string>

#include "types/column.h"
#include "types/timestamp.h"

namespace runnel::expr {

// Appends the string form of row `row` of `c` (not null at the top level): Java doubles, timestamps
// in `zone`, arrays "[a, null]", structs "{1, x}".
void appendCellString(std::string& out, const types::Column& c, size_t row,
                      const types::TimeZone& zone);

// Casts any column to a string column (nulls stay null).
types::ColumnPtr castToString(const types::Column& in, const types::TimeZone& zone);

}  // namespace runnel::expr
