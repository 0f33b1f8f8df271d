// Expressions whose branches run only on the rows that reach them, as Spark's row-at-a-time
// short-circuit does: CASE WHEN values, AND / OR right sides. An ANSI error in a branch a row does
// not take (`when(x == 0, 0).otherwise(10 / x)`) must not fail the batch.
#pragma once

#include "expr/eval_context.h"
#include "expr/expression.h"
#include "types/batch.h"

namespace runnel::expr {

types::ColumnPtr evaluateCaseWhen(const Expr& e, const types::Batch& input, const EvalContext& ctx);
// `e` is a Call named "and" or "or".
types::ColumnPtr evaluateLogic(const Expr& e, const types::Batch& input, const EvalContext& ctx);

}  // namespace runnel::expr
