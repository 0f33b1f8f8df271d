// Accumulator: the per-group running value of one aggregate call (Spark's DeclarativeAggregate
// buffers), columnar over groups: update() takes a whole chunk with each row's group id.
#pragma once

#include <memory>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "expr/eval_context.h"
#include "expr/expression.h"
#include "types/column.h"

namespace runnel::exec {

class Accumulator {
 public:
  virtual ~Accumulator() = default;
  virtual void resize(size_t groups) = 0;
  // args: the call's evaluated arguments over the chunk; group_ids[r]: the group of row r.
  virtual void update(const std::vector<uint32_t>& group_ids,
                      const std::vector<types::ColumnPtr>& args, const expr::EvalContext& ctx) = 0;
  // Appends the result of each group in `groups` to `out` (of the call's result type).
  virtual void result(const std::vector<uint32_t>& groups, types::Column& out) const = 0;
  // Folds group `from` into group `into`, whose rows came first (Spark's mergeExpressions): session
  // windows merge two sessions' buffers when a new event bridges them. `from` is left as it was.
  virtual void merge(uint32_t into, uint32_t from, const expr::EvalContext& ctx) = 0;
  // Checkpointed state of one group.
  virtual nlohmann::json save(uint32_t group) const = 0;
  virtual void load(uint32_t group, const nlohmann::json& state) = 0;
};

// The accumulator for a resolved aggregate call (count, sum, avg, min, max, first, last,
// collect_list, collect_set, approx_count_distinct; count(DISTINCT ...)).
std::unique_ptr<Accumulator> makeAccumulator(const expr::Expr& call);

// Value <-> JSON for checkpointed state (types come from the plan).
nlohmann::json valueToJson(const types::Value& v);
types::Value valueFromJson(const nlohmann::json& j, const types::DataTypePtr& type);

}  // namespace runnel::exec
