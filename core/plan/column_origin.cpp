// ColumnOrigin: a walk down the plan to the first node that matches, then back up, mapping
// ordinals through the operators that keep a column's identity: filters, sorts, limits,
// watermarks, dedup, joins (left then right), and plain column references in Project, Generate
// and Aggregate grouping. An alias or any computed column is a new attribute, as in Spark.
#include "plan/column_origin.h"

#include <fmt/format.h>

#include <algorithm>
#include <functional>

namespace runnel::plan {

namespace {

using Match = std::function<std::optional<std::vector<size_t>>(const LogicalPlan&)>;

std::vector<size_t> named(const LogicalPlan& node, const std::string& name) {
  std::vector<size_t> out;
  for (size_t i = 0; i < node.output.size(); ++i) {
    if (types::equalsIgnoreCase(node.output[i].name, name)) out.push_back(i);
  }
  return out;
}

// The input ordinal a passed-on column reads, or -1 for a computed one.
int passedOn(const expr::ExprPtr& e) {
  return e->kind == expr::ExprKind::ColumnRef && e->args.empty() ? e->ordinal : -1;
}

bool contains(const std::vector<size_t>& v, int x) {
  return x >= 0 && std::find(v.begin(), v.end(), static_cast<size_t>(x)) != v.end();
}

std::vector<size_t> trace(const LogicalPlan& node, const Match& match) {
  if (auto found = match(node)) return *found;
  if (node.children.empty()) return {};
  std::vector<size_t> below = trace(*node.children[0], match);
  std::vector<size_t> out;
  switch (node.kind) {
    case PlanKind::Filter:
    case PlanKind::Sort:
    case PlanKind::Limit:
    case PlanKind::Union:  // by position: the first child's columns
    case PlanKind::Deduplicate:
    case PlanKind::EventTimeWatermark:
      return below;
    case PlanKind::Join: {
      out = below;
      size_t nl = node.children[0]->output.size();
      if (node.output.size() > nl) {  // not a semi or anti join
        for (size_t r : trace(*node.children[1], match))
          out.push_back(nl + r);
      }
      return out;
    }
    case PlanKind::Project:
    case PlanKind::Generate:
      for (size_t i = 0; i < node.exprs.size(); ++i) {
        if (contains(below, passedOn(node.exprs[i]))) out.push_back(i);
      }
      return out;
    case PlanKind::Aggregate:
      // exprs read [grouping..., aggregates...]: a grouping key that is a plain column passes on.
      for (size_t i = 0; i < node.exprs.size(); ++i) {
        int key = passedOn(node.exprs[i]);
        if (key >= 0 && static_cast<size_t>(key) < node.grouping.size() &&
            contains(below, passedOn(node.grouping[key])))
          out.push_back(i);
      }
      return out;
    case PlanKind::Relation:
      return {};
  }
  return {};
}

}  // namespace

std::vector<size_t> originOrdinals(const LogicalPlan& input, const LogicalPlan& origin,
                                   const std::string& name) {
  return trace(input, [&](const LogicalPlan& node) -> std::optional<std::vector<size_t>> {
    for (const LogicalPlan* p = &node; p != nullptr; p = p->aliased.get()) {
      if (p == &origin) return named(node, name);
    }
    return std::nullopt;
  });
}

std::vector<size_t> qualifiedOrdinals(const LogicalPlan& input, const std::string& qualifier,
                                      const std::string& name) {
  return trace(input, [&](const LogicalPlan& node) -> std::optional<std::vector<size_t>> {
    if (node.subquery_alias.empty() || !types::equalsIgnoreCase(node.subquery_alias, qualifier))
      return std::nullopt;
    return named(node, name);
  });
}

std::vector<size_t> aliasOrdinals(const LogicalPlan& input, const std::string& qualifier) {
  return trace(input, [&](const LogicalPlan& node) -> std::optional<std::vector<size_t>> {
    if (node.subquery_alias.empty() || !types::equalsIgnoreCase(node.subquery_alias, qualifier))
      return std::nullopt;
    std::vector<size_t> all(node.output.size());
    for (size_t i = 0; i < all.size(); ++i)
      all[i] = i;
    return all;
  });
}

bool isSelfJoinEquality(const expr::Expr& e, const LogicalPlan* plan) {
  if (!plan || plan->kind != PlanKind::Join || (e.name != "=" && e.name != "<=>") ||
      e.args.size() != 2)
    return false;
  const expr::Expr& a = *e.args[0];
  const expr::Expr& b = *e.args[1];
  if (a.kind != expr::ExprKind::ColumnRef || b.kind != expr::ExprKind::ColumnRef ||
      !types::equalsIgnoreCase(a.name, b.name))
    return false;
  auto origin = a.origin.lock();
  return origin && origin == b.origin.lock();
}

std::string qualifierOf(const LogicalPlan& plan, size_t ordinal) {
  const LogicalPlan* node = &plan;
  while (node->subquery_alias.empty() && !node->children.empty()) {
    switch (node->kind) {
      case PlanKind::Join: {
        size_t nl = node->children[0]->output.size();
        node = ordinal < nl ? node->children[0].get() : node->children[1].get();
        if (ordinal >= nl) ordinal -= nl;
        continue;
      }
      case PlanKind::Project:
      case PlanKind::Generate: {
        int from = ordinal < node->exprs.size() ? passedOn(node->exprs[ordinal]) : -1;
        if (from < 0) return "";
        ordinal = static_cast<size_t>(from);
        node = node->children[0].get();
        continue;
      }
      case PlanKind::Aggregate:
        return "";
      default:
        node = node->children[0].get();
    }
  }
  return node->subquery_alias;
}

namespace {

std::string quoteId(const std::string& part) {
  return "`" + part + "`";
}

Error ambiguousReference(const std::string& quoted_name, const std::vector<size_t>& ordinals,
                         const types::Schema& input, const LogicalPlan* plan, SourcePosition pos) {
  std::string candidates;
  for (size_t i : ordinals) {
    std::string q = plan ? qualifierOf(*plan, i) : "";
    candidates += (candidates.empty() ? "" : ", ") + (q.empty() ? "" : quoteId(q) + ".") +
                  quoteId(input[i].name);
  }
  return Error(ErrorClass::AnalysisException,
               fmt::format("[AMBIGUOUS_REFERENCE] Reference {} is ambiguous, could be: [{}]. "
                           "SQLSTATE: 42704",
                           quoted_name, candidates),
               pos);
}

// The self-join case: df.join(df, ...) then df["key"], which both sides hold.
Error ambiguousColumnReference(const std::string& name, SourcePosition pos) {
  return Error(ErrorClass::AnalysisException,
               fmt::format("[AMBIGUOUS_COLUMN_REFERENCE] Column {} is ambiguous. It's because you "
                           "joined several DataFrame together, and some of these DataFrames are "
                           "the same.\nThis column points to one of the DataFrames but Spark is "
                           "unable to figure out which one.\nPlease alias the DataFrames with "
                           "different names via `DataFrame.alias` before joining them,\nand "
                           "specify the column using qualified name, e.g. "
                           "`df.alias(\"a\").join(df.alias(\"b\"), col(\"a.id\") > "
                           "col(\"b.id\"))`. SQLSTATE: 42702",
                           quoteId(name)),
               pos);
}

}  // namespace

std::optional<ColumnMatch> lookupColumn(const expr::Expr& ref, const std::string& name,
                                        const types::Schema& input, const LogicalPlan* plan,
                                        int join_side) {
  if (plan && plan->output.size() != input.size()) plan = nullptr;  // not the plan of `input`
  if (auto origin = ref.origin.lock(); origin && plan) {
    std::vector<size_t> ords = originOrdinals(*plan, *origin, name);
    if (join_side >= 0 && plan->kind == PlanKind::Join) {
      size_t nl = plan->children[0]->output.size();
      ords.erase(std::remove_if(ords.begin(), ords.end(),
                                [&](size_t i) { return (i >= nl) != (join_side == 1); }),
                 ords.end());
    }
    if (ords.size() == 1) return ColumnMatch{ords[0], {}};
    if (ords.size() > 1) {
      if (named(*origin, name).size() == 1) throw ambiguousColumnReference(name, ref.pos);
      throw ambiguousReference(quoteId(name), ords, input, plan, ref.pos);
    }
    // Not traced (the column was renamed or computed on the way): by name, as before origins.
  }
  std::vector<size_t> ords;
  for (size_t i = 0; i < input.size(); ++i) {
    if (types::equalsIgnoreCase(input[i].name, name)) ords.push_back(i);
  }
  if (ords.size() == 1) return ColumnMatch{ords[0], {}};
  if (ords.size() > 1) throw ambiguousReference(quoteId(name), ords, input, plan, ref.pos);
  auto dot = name.find('.');
  if (!plan || dot == std::string::npos) return std::nullopt;
  std::vector<std::string> parts;
  for (size_t from = dot + 1;;) {
    size_t next = name.find('.', from);
    parts.push_back(name.substr(from, next == std::string::npos ? next : next - from));
    if (next == std::string::npos) break;
    from = next + 1;
  }
  std::string qualifier = name.substr(0, dot);
  ords = qualifiedOrdinals(*plan, qualifier, parts[0]);
  if (ords.size() > 1)
    throw ambiguousReference(quoteId(qualifier) + "." + quoteId(parts[0]), ords, input, plan,
                             ref.pos);
  if (ords.empty()) return std::nullopt;
  return ColumnMatch{ords[0], std::vector<std::string>(parts.begin() + 1, parts.end())};
}

}  // namespace runnel::plan
