// Type coercion: Spark's common-type and castability rules used by the resolver (TypeCoercion,
// Cast.canCast).
#pragma once

#include "expr/expression.h"
#include "types/data_type.h"

namespace runnel::plan {

// The wider type of a and b (int < bigint < double; anything with string becomes string; null
// yields).
types::DataTypePtr commonType(const types::DataTypePtr& a, const types::DataTypePtr& b,
                              const expr::Expr& context);
bool canCast(const types::DataType& from, const types::DataType& to);

}  // namespace runnel::plan
