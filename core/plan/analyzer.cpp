// Analyzer: project, filter and relation nodes; aggregate, sort and the others are in
// analyzer_*.cpp.
#include "plan/analyzer.h"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "expr/function_registry.h"
#include "plan/column_origin.h"
#include "plan/expression_resolver.h"

namespace runnel::plan {

using expr::Expr;
using expr::ExprKind;
using expr::ExprPtr;

PlanPtr streamingRelation(std::shared_ptr<const SourceSpec> source, types::Schema schema) {
  auto p = std::make_shared<LogicalPlan>();
  p->kind = PlanKind::Relation;
  p->source = std::move(source);
  p->output = std::move(schema);
  p->streaming = true;
  return p;
}

PlanPtr localRelation(std::shared_ptr<const types::Batch> rows, std::string name) {
  auto p = std::make_shared<LogicalPlan>();
  p->kind = PlanKind::Relation;
  p->output = rows->schema;
  p->local_rows = std::move(rows);
  p->relation_name = std::move(name);
  return p;
}

std::string columnName(const Expr& unresolved, const Expr& resolved) {
  if (resolved.kind == ExprKind::ColumnRef || resolved.kind == ExprKind::GetField)
    return resolved.name;
  if (resolved.kind == ExprKind::Alias) return resolved.name;
  // A cast directly over a named column keeps the column's name (ResolveAliases).
  if (resolved.kind == ExprKind::Cast && resolved.args[0]->kind == ExprKind::ColumnRef)
    return resolved.args[0]->name;
  return expr::prettyName(unresolved);
}

namespace {

bool isGeneratorItem(const Expr& e) {
  const Expr* x = &e;
  if (x->kind == ExprKind::Alias) x = x->args[0].get();
  if (x->kind != ExprKind::Call) return false;
  const auto* def = expr::FunctionRegistry::builtin().find(x->name);
  return def != nullptr && def->kind == expr::FunctionKind::Generator;
}

void collectRefs(const Expr& e, std::vector<int>& out) {
  if (e.kind == ExprKind::ColumnRef && e.ordinal >= 0) out.push_back(e.ordinal);
  for (const auto& a : e.args)
    collectRefs(*a, out);
}

// Spark's UnresolvedStar.expand for "a.*": the columns of the DataFrame aliased "a", else the
// fields of struct column "a" (window.*).
void expandQualifiedStar(const LogicalPlan& child, const Expr& star, std::vector<ExprPtr>& out) {
  std::vector<size_t> aliased = aliasOrdinals(child, star.name);
  if (!aliased.empty()) {
    for (size_t i : aliased)
      out.push_back(boundReference(child.output, i));
    return;
  }
  if (auto idx = child.output.indexOf(star.name);
      idx && child.output[*idx].type->id == types::TypeId::Struct) {
    for (const auto& f : child.output[*idx].type->fields)
      out.push_back(
          expr::alias(expr::getField(boundReference(child.output, *idx), f.name), f.name));
    return;
  }
  std::vector<std::string> names;
  for (const auto& f : child.output.fields)
    names.push_back("`" + f.name + "`");
  throw Error(ErrorClass::AnalysisException,
              fmt::format("[CANNOT_RESOLVE_STAR_EXPAND] Cannot resolve `{}`.* given input columns "
                          "{}. Please check that the specified table or struct exists and is "
                          "accessible in the input columns. SQLSTATE: 42704",
                          star.name, fmt::join(names, ", ")),
              star.pos);
}

std::vector<ExprPtr> expandStars(const PlanPtr& child, const std::vector<ExprPtr>& items) {
  std::vector<ExprPtr> out;
  for (const auto& item : items) {
    if (item->kind == ExprKind::Star && !item->name.empty()) {
      expandQualifiedStar(*child, *item, out);
    } else if (item->kind == ExprKind::Star) {
      for (size_t i = 0; i < child->output.size(); ++i)
        out.push_back(boundReference(child->output, i));
    } else {
      out.push_back(item);
    }
  }
  return out;
}

// select(explode(...).alias("word"), other...) becomes Generate + Project, as Spark's
// ExtractGenerator.
PlanPtr projectWithGenerator(const PlanPtr& child, const std::vector<ExprPtr>& items,
                             size_t gen_at) {
  ResolveOptions gen_opts;
  gen_opts.allow_generators = true;
  gen_opts.input_plan = child.get();
  const ExprPtr& item = items[gen_at];
  ExprPtr gen_call = item->kind == ExprKind::Alias ? item->args[0] : item;
  ExprPtr resolved = resolveExpression(gen_call, child->output, gen_opts);
  std::string fn = resolved->name;
  bool pos = fn == "posexplode" || fn == "posexplode_outer";
  std::vector<std::string> names =
      pos ? std::vector<std::string>{"pos", "col"} : std::vector<std::string>{"col"};
  if (item->kind == ExprKind::Alias) {
    std::vector<std::string> given =
        item->names.empty() ? std::vector<std::string>{item->name} : item->names;
    if (given.size() != names.size()) {
      throw Error(
          ErrorClass::AnalysisException,
          fmt::format("[MULTI_ALIAS_WITHOUT_GENERATOR] Multi part aliasing ({}) is not "
                      "supported with {} as it is not a generator function. SQLSTATE: 42K0E",
                      fmt::join(given, ", "), expr::prettyName(*gen_call)),
          item->pos);
    }
    names = given;
  }
  // Passthrough: the child columns the other items use, so the generator copies nothing else.
  std::vector<int> used;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i == gen_at) continue;
    if (items[i]->kind == ExprKind::Star) {
      for (size_t c = 0; c < child->output.size(); ++c)
        used.push_back(static_cast<int>(c));
      continue;
    }
    ResolveOptions o;
    o.input_plan = child.get();
    collectRefs(*resolveExpression(items[i], child->output, o), used);
  }
  std::sort(used.begin(), used.end());
  used.erase(std::unique(used.begin(), used.end()), used.end());

  auto gen = std::make_shared<LogicalPlan>();
  gen->kind = PlanKind::Generate;
  gen->children = {child};
  gen->streaming = child->streaming;
  gen->generator = resolved;
  gen->generator_names = names;
  gen->generator_outer = fn.size() > 6 && fn.substr(fn.size() - 6) == "_outer";
  gen->generator_position = pos;
  for (int c : used) {
    gen->exprs.push_back(boundReference(child->output, static_cast<size_t>(c)));
    gen->output.fields.push_back(child->output.fields[static_cast<size_t>(c)]);
  }
  if (pos) gen->output.fields.push_back({names[0], types::intType(), false});
  gen->output.fields.push_back({names.back(), resolved->type, true});

  std::vector<ExprPtr> rest;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i == gen_at) {
      for (const auto& n : names)
        rest.push_back(expr::col(n));
    } else {
      rest.push_back(items[i]);
    }
  }
  if (used.empty() && rest.size() == names.size()) return gen;  // nothing left to project
  return project(gen, rest);
}

}  // namespace

PlanPtr project(const PlanPtr& child, const std::vector<ExprPtr>& raw_items) {
  std::vector<ExprPtr> items = expandStars(child, raw_items);
  size_t generators = 0, gen_at = 0;
  for (size_t i = 0; i < items.size(); ++i) {
    if (isGeneratorItem(*items[i])) {
      ++generators;
      gen_at = i;
    }
  }
  if (generators > 1) {
    throw Error(ErrorClass::AnalysisException,
                "[UNSUPPORTED_GENERATOR.MULTI_GENERATOR] The generator is not supported: only one "
                "generator allowed per SELECT clause but found " +
                    std::to_string(generators) + ". SQLSTATE: 42K0E",
                items[gen_at]->pos);
  }
  if (generators == 1) return projectWithGenerator(child, items, gen_at);
  for (const auto& item : items) {
    if (expr::containsAggregate(*item)) return aggregate(child, {}, raw_items, false);
  }
  auto p = std::make_shared<LogicalPlan>();
  p->kind = PlanKind::Project;
  p->children = {child};
  p->streaming = child->streaming;
  ResolveOptions opts;
  opts.input_plan = child.get();
  for (const auto& item : items) {
    ExprPtr r = resolveExpression(item, child->output, opts);
    p->output.fields.push_back({columnName(*item, *r), r->type, r->nullable});
    p->exprs.push_back(r);
  }
  return p;
}

}  // namespace runnel::plan
