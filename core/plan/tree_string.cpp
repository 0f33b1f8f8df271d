// LogicalPlan::treeString: the plan text Spark appends to analysis errors (simplified: node names
// and their main expressions, one node per line, children indented with "+- ").
#include <functional>

#include "plan/logical_plan.h"
#include "plan/streaming_join_helper.h"

namespace runnel::plan {

const char* planKindName(PlanKind kind) {
  switch (kind) {
    case PlanKind::Relation:
      return "Relation";
    case PlanKind::Project:
      return "Project";
    case PlanKind::Filter:
      return "Filter";
    case PlanKind::Generate:
      return "Generate";
    case PlanKind::Aggregate:
      return "Aggregate";
    case PlanKind::Sort:
      return "Sort";
    case PlanKind::Limit:
      return "GlobalLimit";
    case PlanKind::Union:
      return "Union";
    case PlanKind::Join:
      return "Join";
    case PlanKind::Deduplicate:
      return "Deduplicate";
    case PlanKind::EventTimeWatermark:
      return "EventTimeWatermark";
  }
  return "?";
}

namespace {
std::string list(const std::vector<expr::ExprPtr>& exprs) {
  std::string out = "[";
  for (size_t i = 0; i < exprs.size(); ++i)
    out += (i ? ", " : "") + expr::prettyName(*exprs[i]);
  return out + "]";
}

std::string describe(const LogicalPlan& p) {
  std::string head = planKindName(p.kind);
  switch (p.kind) {
    case PlanKind::Relation:
      if (p.source) return "StreamingRelationV2 " + p.source->description;
      return "LocalRelation " + p.output.simpleString();
    case PlanKind::Project:
    case PlanKind::Sort:
      return head + " " + list(p.exprs);
    case PlanKind::Filter:
      return head + " " + expr::prettyName(*p.condition);
    case PlanKind::Generate:
      return head + " " + expr::prettyName(*p.generator);
    case PlanKind::Aggregate:
      return head + " " + list(p.grouping) + ", " + list(p.aggregates);
    case PlanKind::Limit:
      return head + " " + std::to_string(p.limit);
    case PlanKind::Deduplicate:
      return head + " " + list(p.grouping);
    case PlanKind::EventTimeWatermark:
      return head + " " + p.watermark_column + ", " + std::to_string(p.watermark_delay_ms) + " ms";
    case PlanKind::Join:
      return head + " " + joinTypeName(p.join_type) +
             (p.condition ? ", " + expr::prettyName(*p.condition) : "");
    default:
      return head;
  }
}
}  // namespace

std::string LogicalPlan::treeString() const {
  std::string out;
  std::function<void(const LogicalPlan&, int)> walk = [&](const LogicalPlan& p, int depth) {
    if (depth > 0) out += std::string(static_cast<size_t>(depth - 1) * 3, ' ') + "+- ";
    out += describe(p) + "\n";
    for (const auto& c : p.children)
      walk(*c, depth + 1);
  };
  walk(*this, 0);
  if (!out.empty()) out.pop_back();
  return out;
}

}  // namespace runnel::plan
