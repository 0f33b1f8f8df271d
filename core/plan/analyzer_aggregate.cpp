// Analyzer: the Aggregate node (groupBy().agg(), select(count(...)), distinct()). Aggregate calls
// are pulled out and deduplicated; output expressions are rebound to the row [keys...,
// aggregates...].
#include <fmt/format.h>

#include "expr/function_registry.h"
#include "plan/analyzer.h"
#include "plan/expression_resolver.h"
#include "plan/time_windowing.h"

namespace runnel::plan {

using expr::Expr;
using expr::ExprKind;
using expr::ExprPtr;

namespace {

bool isAggregateCall(const Expr& e) {
  if (e.kind != ExprKind::Call) return false;
  const auto* def = expr::FunctionRegistry::builtin().find(e.name);
  return def != nullptr && def->kind == expr::FunctionKind::Aggregate;
}

class AggregateRewriter {
 public:
  AggregateRewriter(const std::vector<ExprPtr>& keys, types::Schema& intermediate,
                    std::vector<ExprPtr>& aggregates)
      : keys_(keys), intermediate_(intermediate), aggregates_(aggregates) {}

  // `e` is resolved over the child; returns it resolved over the intermediate row.
  ExprPtr rewrite(const ExprPtr& e) {
    for (size_t k = 0; k < keys_.size(); ++k) {
      if (semanticEquals(*e, *keys_[k])) return boundReference(intermediate_, k);
    }
    if (isAggregateCall(*e)) {
      for (size_t a = 0; a < aggregates_.size(); ++a) {
        if (semanticEquals(*e, *aggregates_[a])) return ref(keys_.size() + a);
      }
      aggregates_.push_back(e);
      intermediate_.fields.push_back({expr::prettyName(*e), e->type, e->nullable});
      return ref(keys_.size() + aggregates_.size() - 1);
    }
    if (e->kind == ExprKind::ColumnRef) {
      throw Error(
          ErrorClass::AnalysisException,
          fmt::format("[MISSING_AGGREGATION] The non-aggregating expression \"{}\" is based "
                      "on columns which are not participating in the GROUP BY clause.\n"
                      "Add the columns or the expression to the GROUP BY, aggregate the "
                      "expression, or use \"any_value({})\" if you do not care which of the "
                      "values within a group is returned. SQLSTATE: 42803",
                      e->name, e->name),
          e->pos);
    }
    std::vector<ExprPtr> args;
    for (const auto& a : e->args)
      args.push_back(rewrite(a));
    return expr::withArgs(e, std::move(args));
  }

 private:
  ExprPtr ref(size_t i) { return boundReference(intermediate_, i); }
  const std::vector<ExprPtr>& keys_;
  types::Schema& intermediate_;
  std::vector<ExprPtr>& aggregates_;
};

}  // namespace

PlanPtr aggregate(const PlanPtr& input, const std::vector<ExprPtr>& grouping_keys,
                  const std::vector<ExprPtr>& aggs, bool keys_in_output) {
  std::vector<ExprPtr> keys = grouping_keys;
  PlanPtr child = timeWindowing(input, keys);  // a window(...) key reads a column added below
  auto p = std::make_shared<LogicalPlan>();
  p->kind = PlanKind::Aggregate;
  p->children = {child};
  p->streaming = child->streaming;
  types::Schema intermediate;
  ResolveOptions plain;
  plain.input_plan = child.get();
  std::vector<std::string> key_names;
  for (const auto& k : keys) {
    ExprPtr r = resolveExpression(k, child->output, plain);
    if (r->kind == ExprKind::Alias) r = r->args[0];
    std::string name = columnName(*k, *r);
    if (k->kind == ExprKind::Alias) name = k->name;
    p->grouping.push_back(r);
    key_names.push_back(name);
    intermediate.fields.push_back({name, r->type, r->nullable});
  }
  AggregateRewriter rewriter(p->grouping, intermediate, p->aggregates);
  if (keys_in_output) {
    for (size_t k = 0; k < keys.size(); ++k) {
      p->exprs.push_back(boundReference(intermediate, k));
      p->output.fields.push_back(intermediate.fields[k]);
    }
  }
  ResolveOptions with_aggs;
  with_aggs.allow_aggregates = true;
  with_aggs.input_plan = child.get();
  for (const auto& a : aggs) {
    ExprPtr r = resolveExpression(a, child->output, with_aggs);
    ExprPtr out = rewriter.rewrite(r);
    std::string name = columnName(*a, *r);
    if (a->kind == ExprKind::Alias) name = a->name;
    p->output.fields.push_back({name, out->type, out->nullable});
    p->exprs.push_back(out);
  }
  return p;
}

}  // namespace runnel::plan
