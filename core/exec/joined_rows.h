// JoinedRows: the row plumbing both join operators share (Spark's JoinedRow and the key projections
// of HashJoin): encoded equi-join keys, condition masks, and output rows gathered from two sides.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "expr/eval_context.h"
#include "expr/expression.h"
#include "types/batch.h"

namespace runnel::exec {

// An index that stands for "no row": the other side of an outer join row is all nulls.
constexpr uint32_t kNoRow = UINT32_MAX;

// The encoded key of every row of `rows`; nothing where a key is null (a null never equals
// anything).
std::vector<std::optional<std::string>> joinKeys(const std::vector<expr::ExprPtr>& keys,
                                                 const types::Batch& rows,
                                                 const expr::EvalContext& ctx);

// 1 where `condition` is true for the row (null is false); all 1 when there is no condition.
std::vector<uint8_t> conditionMask(const expr::ExprPtr& condition, const types::Batch& rows,
                                   const expr::EvalContext& ctx);

// Rows left[li[k]] ++ right[ri[k]] in `output`'s schema; kNoRow on either side gives nulls there.
types::Batch joinedRows(const types::Schema& output, const types::Batch& left,
                        const types::Batch& right, const std::vector<uint32_t>& li,
                        const std::vector<uint32_t>& ri);

}  // namespace runnel::exec
