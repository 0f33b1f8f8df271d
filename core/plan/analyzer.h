// Analyzer: builds resolved logical plan nodes from DataFrame operations (Spark's Analyzer rules
// that a DataFrame call triggers: star expansion, generators, aggregates, missing references).
#pragma once

#include <string>
#include <vector>

#include "plan/logical_plan.h"

namespace runnel::plan {

PlanPtr streamingRelation(std::shared_ptr<const SourceSpec> source, types::Schema schema);
PlanPtr localRelation(std::shared_ptr<const types::Batch> rows, std::string name = "");

PlanPtr project(const PlanPtr& child, const std::vector<expr::ExprPtr>& items);
PlanPtr filter(const PlanPtr& child, const expr::ExprPtr& condition);
PlanPtr aggregate(const PlanPtr& child, const std::vector<expr::ExprPtr>& keys,
                  const std::vector<expr::ExprPtr>& aggs, bool keys_in_output = true);
PlanPtr sort(const PlanPtr& child, const std::vector<expr::ExprPtr>& orders);
PlanPtr limit(const PlanPtr& child, int64_t n);
PlanPtr unionByPosition(const PlanPtr& left, const PlanPtr& right);
PlanPtr deduplicate(const PlanPtr& child, const std::vector<std::string>& subset,
                    bool within_watermark);
PlanPtr eventTimeWatermark(const PlanPtr& child, const std::string& column, int64_t delay_ms,
                           const std::string& delay_text);
PlanPtr join(const PlanPtr& left, const PlanPtr& right, const std::vector<std::string>& using_cols,
             const expr::ExprPtr& condition, const std::string& how);

// The output column name Spark gives a select item resolved against `input`.
std::string columnName(const expr::Expr& unresolved, const expr::Expr& resolved);

}  // namespace runnel::plan
