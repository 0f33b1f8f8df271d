// TimeWindowing. Spark plans a tumbling window as Project(window, child) over a
// Filter(isnotnull(time)) and a sliding one as Filter(time in window, Expand(ceil(window / slide)
// candidate windows)). Both are one Generate here: window_candidates lists the windows among the
// candidates that hold the row (one for a tumbling window, none for a null time) and explode gives
// each its row.
#include "plan/time_windowing.h"

#include <algorithm>
#include <cctype>

#include "expr/functions/time_window.h"
#include "plan/expression_resolver.h"

namespace runnel::plan {

using expr::Expr;
using expr::ExprKind;
using expr::ExprPtr;

namespace {

constexpr const char* kWindowColumn = "window";  // TimeWindowing.WINDOW_COL_NAME

bool isWindowCall(const Expr& e) {
  const Expr* x = e.kind == ExprKind::Alias ? e.args[0].get() : &e;
  if (x->kind != ExprKind::Call) return false;
  std::string name = x->name;
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return name == "window";
}

}  // namespace

PlanPtr timeWindowing(const PlanPtr& child, std::vector<ExprPtr>& keys) {
  size_t found = keys.size();
  for (size_t i = 0; i < keys.size(); ++i) {
    if (!isWindowCall(*keys[i])) continue;
    if (found != keys.size()) {
      throw Error(ErrorClass::AnalysisException,
                  "Multiple time/session window expressions would result in a cartesian product of "
                  "rows, therefore they are currently not supported.",
                  keys[i]->pos);
    }
    found = i;
  }
  if (found == keys.size()) return child;
  const ExprPtr& key = keys[found];
  ExprPtr call = key->kind == ExprKind::Alias ? key->args[0] : key;
  ResolveOptions plain;
  ExprPtr window = resolveExpression(call, child->output, plain);  // validates the durations

  auto candidates = std::make_shared<Expr>(*window);
  candidates->name = expr::kWindowCandidates;
  candidates->type = types::arrayType(expr::windowStructType(), false);
  auto generator = std::make_shared<Expr>(*expr::call("explode", {candidates}, call->pos));
  generator->type = expr::windowStructType();
  generator->resolved = true;

  auto gen = std::make_shared<LogicalPlan>();
  gen->kind = PlanKind::Generate;
  gen->children = {child};
  gen->streaming = child->streaming;
  gen->generator = generator;
  gen->generator_names = {kWindowColumn};
  for (size_t c = 0; c < child->output.size(); ++c) {
    gen->exprs.push_back(boundReference(child->output, c));
    gen->output.fields.push_back(child->output.fields[c]);
  }
  gen->output.fields.push_back({kWindowColumn, expr::windowStructType(), true});

  ExprPtr ref = expr::col(kWindowColumn, key->pos);
  keys[found] = key->kind == ExprKind::Alias ? expr::alias(ref, key->name) : ref;
  return gen;
}

}  // namespace runnel::plan
