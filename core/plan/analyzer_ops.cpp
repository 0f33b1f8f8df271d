// Analyzer: filter (with Spark's ResolveMissingReferences through a Project), sort, limit, union,
// deduplicate, watermark and join nodes.
#include <fmt/format.h>

#include "plan/analyzer.h"
#include "plan/expression_resolver.h"
#include "types/calendar_interval.h"

namespace runnel::plan {

using expr::Expr;
using expr::ExprKind;
using expr::ExprPtr;

namespace {

std::shared_ptr<LogicalPlan> unaryNode(PlanKind kind, const PlanPtr& child) {
  auto p = std::make_shared<LogicalPlan>();
  p->kind = kind;
  p->children = {child};
  p->streaming = child->streaming;
  p->output = child->output;
  return p;
}

PlanPtr filterResolved(const PlanPtr& child, const ExprPtr& condition, const Expr& unresolved) {
  if (condition->type->id != types::TypeId::Boolean && condition->type->id != types::TypeId::Null) {
    throw Error(ErrorClass::AnalysisException,
                fmt::format("[DATATYPE_MISMATCH.FILTER_NOT_BOOLEAN] Cannot resolve \"{}\" due to "
                            "data type mismatch: Filter expression \"{}\" of type \"{}\" is not a "
                            "boolean. SQLSTATE: 42K09",
                            expr::prettyName(unresolved), expr::prettyName(unresolved),
                            condition->type->sql()),
                unresolved.pos);
  }
  auto p = unaryNode(PlanKind::Filter, child);
  p->condition = condition;
  return p;
}

}  // namespace

PlanPtr filter(const PlanPtr& child, const ExprPtr& condition) {
  ResolveOptions opts;
  opts.input_plan = child.get();  // ignored over the widened schema below
  try {
    return filterResolved(child, resolveExpression(condition, child->output, opts), *condition);
  } catch (const Error& e) {
    // df.select("device").where("signal > 10"): Spark resolves `signal` below the projection, adds
    // it to the Project, filters, and projects it away again.
    if (child->kind != PlanKind::Project ||
        e.message().find("UNRESOLVED_COLUMN") == std::string::npos)
      throw;
    const PlanPtr& below = child->children[0];
    std::vector<ExprPtr> widened = child->exprs;
    types::Schema widened_schema = child->output;
    for (size_t i = 0; i < below->output.size(); ++i) {
      if (!child->output.indexOf(below->output[i].name)) {
        widened.push_back(boundReference(below->output, i));
        widened_schema.fields.push_back(below->output[i]);
      }
    }
    ExprPtr resolved;
    try {
      resolved = resolveExpression(condition, widened_schema, opts);
    } catch (const Error&) {
      throw e;
    }
    auto wide = std::make_shared<LogicalPlan>(*child);
    wide->exprs = widened;
    wide->output = widened_schema;
    PlanPtr filtered = filterResolved(wide, resolved, *condition);
    auto top = unaryNode(PlanKind::Project, filtered);
    top->output = child->output;
    for (size_t i = 0; i < child->output.size(); ++i)
      top->exprs.push_back(boundReference(widened_schema, i));
    return top;
  }
}

PlanPtr sort(const PlanPtr& child, const std::vector<ExprPtr>& orders) {
  auto p = unaryNode(PlanKind::Sort, child);
  ResolveOptions opts;
  opts.input_plan = child.get();
  for (const auto& o : orders) {
    ExprPtr order = o->kind == ExprKind::SortOrder ? o : expr::sortOrder(o, true, true);
    p->exprs.push_back(resolveExpression(order, child->output, opts));
  }
  return p;
}

PlanPtr limit(const PlanPtr& child, int64_t n) {
  if (n < 0) {
    throw Error(ErrorClass::AnalysisException,
                fmt::format("[INVALID_LIMIT_LIKE_EXPRESSION.IS_NEGATIVE] The limit like expression "
                            "\"{}\" is invalid. The limit expression must be equal to or greater "
                            "than 0, but got {}. SQLSTATE: 42K0E",
                            n, n));
  }
  auto p = unaryNode(PlanKind::Limit, child);
  p->limit = n;
  return p;
}

PlanPtr unionByPosition(const PlanPtr& left, const PlanPtr& right) {
  if (left->output.size() != right->output.size()) {
    throw Error(ErrorClass::AnalysisException,
                fmt::format("[NUM_COLUMNS_MISMATCH] UNION can only be performed on inputs with the "
                            "same number of columns, but the first input has {} columns and the "
                            "second input has {} columns. SQLSTATE: 42826",
                            left->output.size(), right->output.size()));
  }
  auto p = std::make_shared<LogicalPlan>();
  p->kind = PlanKind::Union;
  p->children = {left, right};
  p->streaming = left->streaming || right->streaming;
  p->output = left->output;
  return p;
}

PlanPtr deduplicate(const PlanPtr& child, const std::vector<std::string>& subset,
                    bool within_watermark) {
  auto p = unaryNode(PlanKind::Deduplicate, child);
  p->within_watermark = within_watermark;
  if (subset.empty()) {
    for (size_t i = 0; i < child->output.size(); ++i)
      p->grouping.push_back(boundReference(child->output, i));
  }
  for (const auto& name : subset) {
    auto idx = child->output.indexOf(name);
    if (!idx) {
      throw Error(ErrorClass::AnalysisException,
                  fmt::format("[UNRESOLVED_COLUMN_AMONG_FIELD_NAMES] Cannot resolve column name "
                              "\"{}\" among ({}). SQLSTATE: 42703",
                              name, fmt::join(child->output.names(), ", ")));
    }
    p->grouping.push_back(boundReference(child->output, *idx));
  }
  return p;
}

PlanPtr eventTimeWatermark(const PlanPtr& child, const std::string& column, int64_t delay_ms,
                           const std::string& delay_text) {
  auto idx = child->output.indexOf(column);
  if (!idx) throw unresolvedColumnError(column, child->output, "", {});
  const auto& type = child->output[*idx].type;
  if (type->id != types::TypeId::Timestamp) {
    throw Error(ErrorClass::AnalysisException,
                fmt::format("[EVENT_TIME_IS_NOT_ON_TIMESTAMP_TYPE] The event time `{}` has the "
                            "invalid type \"{}\", but expected \"TIMESTAMP\". SQLSTATE: 42K09",
                            column, type->sql()));
  }
  if (delay_ms < 0) {
    throw Error(ErrorClass::AnalysisException,
                fmt::format("requirement failed: delay threshold ({}) should not be negative.",
                            delay_text));
  }
  auto p = unaryNode(PlanKind::EventTimeWatermark, child);
  p->watermark_column = child->output[*idx].name;
  p->watermark_delay_ms = delay_ms;
  return p;
}

}  // namespace runnel::plan
