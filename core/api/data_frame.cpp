// DataFrame: transformations build analysed plans eagerly (errors surface at the call, as in
// Spark).
#include "runnel/data_frame.h"

#include <algorithm>

#include <fmt/format.h>

#include "plan/analyzer.h"
#include "plan/column_origin.h"
#include "plan/expression_resolver.h"
#include "runnel/spark_session.h"
#include "runnel/streaming_query.h"
#include "sql/expression_parser.h"
#include "types/calendar_interval.h"

namespace runnel {

namespace {
std::vector<expr::ExprPtr> exprsOf(const std::vector<Column>& cols) {
  std::vector<expr::ExprPtr> out;
  for (const auto& c : cols)
    out.push_back(c.expr());
  return out;
}
}  // namespace

DataFrame::DataFrame(std::shared_ptr<SparkSession> session,
                     std::shared_ptr<const plan::LogicalPlan> plan)
    : session_(std::move(session)), plan_(std::move(plan)) {}

const types::Schema& DataFrame::schema() const {
  return plan_->output;
}
std::vector<std::string> DataFrame::columns() const {
  return plan_->output.names();
}
bool DataFrame::isStreaming() const {
  return plan_->streaming;
}

Column DataFrame::operator[](const std::string& name) const {
  if (name == "*") return functions::col(name);
  // Resolved now, as Dataset.col resolves eagerly (unknown or ambiguous names fail here); the
  // column remembers this DataFrame, as Spark's attribute id does.
  auto ref = std::make_shared<expr::Expr>(*expr::col(name));
  ref->origin = plan_;
  plan::ResolveOptions opts;
  opts.input_plan = plan_.get();
  plan::resolveExpression(ref, plan_->output, opts);
  return Column(ref);
}

DataFrame DataFrame::select(const std::vector<Column>& cols) const {
  return DataFrame(session_, plan::project(plan_, exprsOf(cols)));
}

DataFrame DataFrame::selectExpr(const std::vector<std::string>& exprs) const {
  std::vector<expr::ExprPtr> items;
  for (const auto& e : exprs)
    items.push_back(sql::parseNamedExpression(e));
  return DataFrame(session_, plan::project(plan_, items));
}

DataFrame DataFrame::filter(const Column& condition) const {
  return DataFrame(session_, plan::filter(plan_, condition.expr()));
}

DataFrame DataFrame::filter(const std::string& sql_condition) const {
  return DataFrame(session_, plan::filter(plan_, sql::parseExpression(sql_condition)));
}

DataFrame DataFrame::withColumn(const std::string& name, const Column& col) const {
  std::vector<expr::ExprPtr> items;
  bool replaced = false;
  for (size_t i = 0; i < plan_->output.size(); ++i) {
    if (types::equalsIgnoreCase(plan_->output[i].name, name)) {
      items.push_back(expr::alias(col.expr(), name));
      replaced = true;
    } else {
      items.push_back(plan::boundReference(plan_->output, i));
    }
  }
  if (!replaced) items.push_back(expr::alias(col.expr(), name));
  return DataFrame(session_, plan::project(plan_, items));
}

DataFrame DataFrame::withColumnRenamed(const std::string& existing, const std::string& name) const {
  std::vector<expr::ExprPtr> items;
  for (size_t i = 0; i < plan_->output.size(); ++i) {
    auto ref = plan::boundReference(plan_->output, i);
    items.push_back(
        types::equalsIgnoreCase(plan_->output[i].name, existing) ? expr::alias(ref, name) : ref);
  }
  return DataFrame(session_, plan::project(plan_, items));
}

DataFrame DataFrame::drop(const std::vector<std::string>& names) const {
  std::vector<expr::ExprPtr> items;
  for (size_t i = 0; i < plan_->output.size(); ++i) {
    bool dropped = false;
    for (const auto& n : names)
      dropped = dropped || types::equalsIgnoreCase(plan_->output[i].name, n);
    if (!dropped) items.push_back(plan::boundReference(plan_->output, i));
  }
  return DataFrame(session_, plan::project(plan_, items));
}

DataFrame DataFrame::drop(const std::vector<Column>& cols) const {
  // Dataset.drop(col): the column it resolves to; one this DataFrame lacks is a no-op.
  std::vector<size_t> dropped;
  for (const auto& c : cols) {
    const expr::Expr& e = *c.expr();
    if (e.kind != expr::ExprKind::ColumnRef) continue;
    std::string name = e.name;
    if (name.size() >= 2 && name.front() == '`' && name.back() == '`')
      name = name.substr(1, name.size() - 2);
    auto match = plan::lookupColumn(e, name, plan_->output, plan_.get());
    if (match && match->fields.empty()) dropped.push_back(match->ordinal);
  }
  std::vector<expr::ExprPtr> items;
  for (size_t i = 0; i < plan_->output.size(); ++i) {
    if (std::find(dropped.begin(), dropped.end(), i) == dropped.end())
      items.push_back(plan::boundReference(plan_->output, i));
  }
  return DataFrame(session_, plan::project(plan_, items));
}

DataFrame DataFrame::toDF(const std::vector<std::string>& names) const {
  if (names.size() != plan_->output.size()) {
    throw Error(ErrorClass::IllegalArgumentException,
                fmt::format("requirement failed: The number of columns doesn't match.\n"
                            "Old column names ({}): {}\nNew column names ({}): {}",
                            plan_->output.size(), fmt::join(columns(), ", "), names.size(),
                            fmt::join(names, ", ")));
  }
  std::vector<expr::ExprPtr> items;
  for (size_t i = 0; i < names.size(); ++i)
    items.push_back(expr::alias(plan::boundReference(plan_->output, i), names[i]));
  return DataFrame(session_, plan::project(plan_, items));
}

DataFrame DataFrame::unionAll(const DataFrame& other) const {
  return DataFrame(session_, plan::unionByPosition(plan_, other.plan_));
}

DataFrame DataFrame::unionByName(const DataFrame& other, bool allow_missing) const {
  std::vector<expr::ExprPtr> items;
  for (const auto& f : plan_->output.fields) {
    auto idx = other.plan_->output.indexOf(f.name);
    if (idx) {
      items.push_back(plan::boundReference(other.plan_->output, *idx));
    } else if (allow_missing) {
      items.push_back(expr::alias(expr::lit(types::Value::null(f.type)), f.name));
    } else {
      throw Error(ErrorClass::AnalysisException,
                  fmt::format("[NUM_COLUMNS_MISMATCH] UNION can only be performed on inputs with "
                              "the same number of columns, but the first input has {} columns "
                              "and the second input has {} columns. SQLSTATE: 42826",
                              plan_->output.size(), other.plan_->output.size()));
    }
  }
  return DataFrame(session_, plan::unionByPosition(plan_, plan::project(other.plan_, items)));
}

DataFrame DataFrame::limit(int64_t n) const {
  return DataFrame(session_, plan::limit(plan_, n));
}

DataFrame DataFrame::distinct() const {
  std::vector<expr::ExprPtr> keys;
  for (size_t i = 0; i < plan_->output.size(); ++i)
    keys.push_back(expr::col(plan_->output[i].name));
  return DataFrame(session_, plan::aggregate(plan_, keys, {}, true));
}

DataFrame DataFrame::dropDuplicates(const std::vector<std::string>& subset) const {
  return DataFrame(session_, plan::deduplicate(plan_, subset, false));
}

DataFrame DataFrame::dropDuplicatesWithinWatermark(const std::vector<std::string>& subset) const {
  if (!plan_->streaming) {
    throw Error(ErrorClass::AnalysisException,
                "dropDuplicatesWithinWatermark is not supported with batch DataFrames/DataSets");
  }
  return DataFrame(session_, plan::deduplicate(plan_, subset, true));
}

DataFrame DataFrame::orderBy(const std::vector<Column>& cols) const {
  return DataFrame(session_, plan::sort(plan_, exprsOf(cols)));
}

DataFrame DataFrame::withWatermark(const std::string& event_time, const std::string& delay) const {
  int64_t micros = types::intervalDurationMicros(delay);
  return DataFrame(session_, plan::eventTimeWatermark(plan_, event_time, micros / 1000, delay));
}

DataFrame DataFrame::join(const DataFrame& right, const std::vector<std::string>& on,
                          const std::string& how) const {
  return DataFrame(session_, plan::join(plan_, right.plan_, on, nullptr, how));
}

DataFrame DataFrame::join(const DataFrame& right, const Column& condition,
                          const std::string& how) const {
  return DataFrame(session_, plan::join(plan_, right.plan_, {}, condition.expr(), how));
}

DataFrame DataFrame::alias(const std::string& name) const {
  // Spark's SubqueryAlias, as a copy of the top node that carries the qualifier: every operator
  // already handles the node kind, and the copy is a new origin for its columns.
  auto aliased = std::make_shared<plan::LogicalPlan>(*plan_);
  aliased->subquery_alias = name;
  aliased->aliased = plan_;
  return DataFrame(session_, aliased);
}

GroupedData DataFrame::groupBy(const std::vector<Column>& cols) const {
  return GroupedData(*this, cols);
}

DataFrame DataFrame::agg(const std::vector<Column>& aggs) const {
  return groupBy({}).agg(aggs);
}

DataStreamWriter DataFrame::writeStream() const {
  if (!plan_->streaming) {
    throw Error(ErrorClass::AnalysisException,
                "[WRITE_STREAM_NOT_ALLOWED] `writeStream` can be called only on streaming "
                "Dataset/DataFrame. SQLSTATE: 42601");
  }
  return DataStreamWriter(*this);
}

}  // namespace runnel
