// watermarkedOrdinals: which output columns carry an event-time watermark (Spark's delayKey
// metadata on attributes), derived by walking the plan because Runnel's columns carry no metadata.
#include <algorithm>

#include "plan/streaming_join_helper.h"

namespace runnel::plan {

using expr::Expr;
using expr::ExprKind;
using expr::ExprPtr;

namespace {

void refs(const Expr& e, std::set<int>& out) {
  if (e.kind == ExprKind::ColumnRef) out.insert(e.ordinal);
  for (const auto& a : e.args)
    refs(*a, out);
}

const Expr& stripAlias(const Expr& e) {
  return e.kind == ExprKind::Alias ? *e.args[0] : e;
}

}  // namespace

std::set<int> watermarkedOrdinals(const LogicalPlan& p) {
  auto through = [](const std::vector<ExprPtr>& exprs, const std::set<int>& below) {
    std::set<int> out;
    for (size_t i = 0; i < exprs.size(); ++i) {
      const Expr& e = stripAlias(*exprs[i]);
      if (e.kind == ExprKind::ColumnRef && below.count(e.ordinal)) out.insert(static_cast<int>(i));
    }
    return out;
  };
  switch (p.kind) {
    case PlanKind::Relation:
      return {};
    case PlanKind::EventTimeWatermark: {
      auto idx = p.output.indexOf(p.watermark_column);
      return idx ? std::set<int>{static_cast<int>(*idx)} : std::set<int>{};
    }
    case PlanKind::Project:
    case PlanKind::Generate:
      return through(p.exprs, watermarkedOrdinals(*p.children[0]));
    case PlanKind::Aggregate: {
      // Grouping keys over a watermarked column (or a window over one) stay watermarked.
      std::set<int> below = watermarkedOrdinals(*p.children[0]), keys;
      for (size_t i = 0; i < p.grouping.size(); ++i) {
        std::set<int> r;
        refs(*p.grouping[i], r);
        const Expr& g = stripAlias(*p.grouping[i]);
        bool direct = g.kind == ExprKind::ColumnRef && below.count(g.ordinal);
        bool window = g.type && g.type->id == types::TypeId::Struct &&
                      std::any_of(r.begin(), r.end(), [&](int o) { return below.count(o) > 0; });
        if (direct || window) keys.insert(static_cast<int>(i));
      }
      return through(p.exprs, keys);
    }
    case PlanKind::Join: {
      std::set<int> out = watermarkedOrdinals(*p.children[0]);
      if (p.join_type == "left_semi" || p.join_type == "left_anti") return out;
      for (int o : watermarkedOrdinals(*p.children[1]))
        out.insert(o + static_cast<int>(p.children[0]->output.size()));
      return out;
    }
    default:
      return watermarkedOrdinals(*p.children[0]);
  }
}

}  // namespace runnel::plan
