// Vectorised evaluation of a resolved expression over a whole Batch.
#pragma once

#include "expr/eval_context.h"
#include "expr/expression.h"
#include "types/batch.h"

namespace runnel::expr {

// `e` must be resolved (Analyzer output). Aggregate calls are not evaluated here (HashAggregate
// is).
types::ColumnPtr evaluate(const Expr& e, const types::Batch& input, const EvalContext& ctx);

// Casts a column to `to` with Spark's Cast semantics (ANSI errors when ctx.ansi and not try_mode).
types::ColumnPtr castColumn(const types::ColumnPtr& in, const types::DataTypePtr& to,
                            const EvalContext& ctx, bool try_mode = false);

}  // namespace runnel::expr
