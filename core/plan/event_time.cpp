// Event-time columns, propagated the way Spark propagates the watermark metadata of an attribute.
#include "plan/event_time.h"

#include "expr/functions/time_window.h"

namespace runnel::plan {

namespace {

using expr::Expr;
using expr::ExprKind;

// The child column a pass-through expression (a column, maybe aliased) reads, or null. Aliases keep
// the metadata of the attribute they rename, as Spark's Alias does.
const std::string* refName(const Expr& e, const types::Schema& input) {
  const Expr* x = &e;
  if (x->kind == ExprKind::Alias) x = x->args[0].get();
  if (x->kind != ExprKind::ColumnRef || x->ordinal < 0) return nullptr;
  if (static_cast<size_t>(x->ordinal) >= input.size()) return nullptr;
  return &input[static_cast<size_t>(x->ordinal)].name;
}

void passThrough(const std::vector<expr::ExprPtr>& exprs, const types::Schema& input,
                 const types::Schema& output, const std::map<std::string, int64_t>& below,
                 std::map<std::string, int64_t>& out) {
  for (size_t i = 0; i < exprs.size() && i < output.size(); ++i) {
    const std::string* name = refName(*exprs[i], input);
    if (name == nullptr) continue;
    auto it = below.find(*name);
    if (it != below.end()) out[output[i].name] = it->second;
  }
}

bool isWindowGenerator(const Expr& generator) {
  return !generator.args.empty() && generator.args[0]->kind == ExprKind::Call &&
         generator.args[0]->name == expr::kWindowCandidates;
}

}  // namespace

std::map<std::string, int64_t> eventTimeColumns(const LogicalPlan& p) {
  std::map<std::string, int64_t> out;
  switch (p.kind) {
    case PlanKind::Relation:
      return out;
    case PlanKind::EventTimeWatermark:
      // A newer watermark replaces any older one (EventTimeWatermark.output drops the old
      // metadata).
      out[p.watermark_column] = p.watermark_delay_ms;
      return out;
    case PlanKind::Project: {
      const auto& input = p.children[0]->output;
      auto below = eventTimeColumns(*p.children[0]);
      passThrough(p.exprs, input, p.output, below, out);
      // SessionWindowing copies the time column's metadata onto the session window it creates.
      for (size_t i = 0; i < p.exprs.size() && i < p.output.size(); ++i) {
        const Expr& e = *p.exprs[i];
        if (e.kind != ExprKind::Call || e.name != "session_window" || e.args.empty()) continue;
        const std::string* time = refName(*e.args[0], input);
        if (time != nullptr && below.count(*time)) out[p.output[i].name] = below[*time];
      }
      return out;
    }
    case PlanKind::Generate: {
      const auto& input = p.children[0]->output;
      auto below = eventTimeColumns(*p.children[0]);
      passThrough(p.exprs, input, p.output, below, out);
      // TimeWindowing copies the time column's metadata onto the window it creates.
      if (p.generator && isWindowGenerator(*p.generator)) {
        const std::string* time = refName(*p.generator->args[0]->args[0], input);
        if (time != nullptr && below.count(*time)) out[p.generator_names.back()] = below[*time];
      }
      return out;
    }
    case PlanKind::Aggregate: {
      // Grouping keys keep their metadata; `exprs` are over [keys..., aggregates...].
      auto below = eventTimeColumns(*p.children[0]);
      for (size_t i = 0; i < p.exprs.size() && i < p.output.size(); ++i) {
        const Expr& e = *p.exprs[i];
        if (e.kind != ExprKind::ColumnRef || e.ordinal < 0) continue;
        auto k = static_cast<size_t>(e.ordinal);
        if (k >= p.grouping.size()) continue;
        const std::string* name = refName(*p.grouping[k], p.children[0]->output);
        if (name != nullptr && below.count(*name)) out[p.output[i].name] = below[*name];
      }
      return out;
    }
    default:
      // Filter, Sort, Limit, Deduplicate keep their child's columns; a Join or Union exposes those
      // of every child that still has them by name.
      for (const auto& c : p.children) {
        for (const auto& [name, delay] : eventTimeColumns(*c)) {
          if (p.output.indexOf(name)) out.emplace(name, delay);
        }
      }
      return out;
  }
}

int eventTimeKey(const LogicalPlan& node) {
  if (node.children.empty()) return -1;
  auto below = eventTimeColumns(*node.children[0]);
  for (size_t k = 0; k < node.grouping.size(); ++k) {
    const std::string* name = refName(*node.grouping[k], node.children[0]->output);
    if (name != nullptr && below.count(*name)) return static_cast<int>(k);
  }
  return -1;
}

int eventTimeColumnIndex(const LogicalPlan& p) {
  auto cols = eventTimeColumns(p);
  for (size_t i = 0; i < p.output.size(); ++i) {
    if (cols.count(p.output[i].name)) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace runnel::plan
