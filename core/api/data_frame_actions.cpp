// DataFrame actions (collect, count, show, printSchema, repr) and GroupedData.
#include <fmt/format.h>

#include "exec/physical_plan.h"
#include "format/show_string.h"
#include "plan/analyzer.h"
#include "plan/unsupported_operation_checker.h"
#include "runnel/data_frame.h"
#include "runnel/spark_session.h"

namespace runnel {

types::Batch DataFrame::collect() const {
  plan::checkForBatch(*plan_);
  exec::PhysicalPlan physical(plan_);
  exec::ExecContext ctx;
  ctx.eval.ansi = session_->ansiEnabled();
  ctx.eval.time_zone = session_->timeZone();
  ctx.eval.batch_timestamp_micros = session_->clock().nowMs() * 1000;
  ctx.chunk_capacity = session_->chunkCapacity();
  auto out = physical.execute({}, ctx);
  if (out.empty()) return types::Batch::empty(plan_->output);
  return types::concatBatches(plan_->output, out);
}

int64_t DataFrame::count() const {
  return static_cast<int64_t>(collect().num_rows);
}

std::string DataFrame::showString(int num_rows, int truncate, bool vertical) const {
  plan::checkForBatch(*plan_);
  // Only numRows + 1 rows decide the output (the footer needs to know there are more).
  types::Batch rows = num_rows >= 0 ? limit(num_rows + 1).collect() : collect();
  return format::showString(rows, num_rows, truncate, vertical, session_->timeZone());
}

std::string DataFrame::printSchemaString() const {
  return plan_->output.treeString();
}

std::string DataFrame::toString() const {
  return "DataFrame[" + plan_->output.simpleString() + "]";
}

DataFrame GroupedData::agg(const std::vector<Column>& aggs) const {
  std::vector<expr::ExprPtr> keys, items;
  for (const auto& k : keys_)
    keys.push_back(k.expr());
  for (const auto& a : aggs)
    items.push_back(a.expr());
  return DataFrame(df_.session(), plan::aggregate(df_.plan(), keys, items, true));
}

DataFrame GroupedData::count() const {
  return agg({functions::call("count", {functions::litInt(1)}).alias("count")});
}

DataFrame GroupedData::aggregate(const std::string& function,
                                 const std::vector<std::string>& cols) const {
  std::vector<Column> aggs;
  std::vector<std::string> names = cols;
  if (names.empty()) {
    for (const auto& f : df_.schema().fields) {
      bool is_key = false;
      for (const auto& k : keys_)
        is_key = is_key || expr::prettyName(*k.expr()) == f.name;
      if (f.type->isNumeric() && !is_key) names.push_back(f.name);
    }
  }
  for (const auto& n : names) {
    auto idx = df_.schema().indexOf(n);
    if (idx && function != "min" && function != "max" && !df_.schema()[*idx].type->isNumeric()) {
      throw Error(ErrorClass::AnalysisException,
                  fmt::format("\"{}\" is not a "
                              "numeric column. Aggregation function can only be applied on a "
                              "numeric column.",
                              n));
    }
    aggs.push_back(functions::call(function, {functions::col(n)}));
  }
  return agg(aggs);
}

}  // namespace runnel
