// TimeWindowing and SessionWindowing. Spark plans a tumbling window as Project(window, child) over
// a Filter(isnotnull(time)) and a sliding one as Filter(time in window, Expand(ceil(window / slide)
// candidate windows)). Both are one Generate here: window_candidates lists the windows among the
// candidates that hold the row (one for a tumbling window, none for a null time) and explode gives
// each its row. A session window is Project(session_window = [time, time + gap)); the aggregation
// above merges those into sessions (SessionWindowAggregate), and skips rows with a null time.
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

constexpr const char* kWindowColumn = "window";                 // TimeWindowing.WINDOW_COL_NAME
constexpr const char* kSessionWindowColumn = "session_window";  // SessionWindowing's column

// The expression under any aliases: functions.window and session_window alias their call, and a
// user's .alias() wraps that again.
const Expr* unaliased(const Expr& e) {
  const Expr* x = &e;
  while (x->kind == ExprKind::Alias)
    x = x->args[0].get();
  return x;
}

std::string lowerCallName(const Expr& e) {
  const Expr* x = unaliased(e);
  if (x->kind != ExprKind::Call) return "";
  std::string name = x->name;
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return name;
}

bool isWindowCall(const Expr& e) {
  std::string name = lowerCallName(e);
  return name == "window" || name == "session_window";
}

PlanPtr sessionWindowing(const PlanPtr& child, const ExprPtr& call, ExprPtr& key) {
  ResolveOptions plain;
  plain.input_plan = child.get();
  auto session = std::make_shared<Expr>(*resolveExpression(call, child->output, plain));
  session->name = kSessionWindowColumn;  // one spelling for the planner and event-time rules
  auto project = std::make_shared<LogicalPlan>();
  project->kind = PlanKind::Project;
  project->children = {child};
  project->streaming = child->streaming;
  for (size_t c = 0; c < child->output.size(); ++c) {
    project->exprs.push_back(boundReference(child->output, c));
    project->output.fields.push_back(child->output.fields[c]);
  }
  project->exprs.push_back(session);
  project->output.fields.push_back({kSessionWindowColumn, expr::windowStructType(), true});
  ExprPtr ref = expr::col(kSessionWindowColumn, key->pos);
  key = key->kind == ExprKind::Alias ? expr::alias(ref, key->name) : ref;
  return project;
}

}  // namespace

int sessionWindowKey(const LogicalPlan& aggregate) {
  if (aggregate.kind != PlanKind::Aggregate || aggregate.children.empty()) return -1;
  const LogicalPlan& child = *aggregate.children[0];
  if (child.kind != PlanKind::Project) return -1;
  for (size_t k = 0; k < aggregate.grouping.size(); ++k) {
    const Expr& key = *aggregate.grouping[k];
    if (key.kind != ExprKind::ColumnRef || key.ordinal < 0) continue;
    auto i = static_cast<size_t>(key.ordinal);
    if (i < child.exprs.size() && lowerCallName(*child.exprs[i]) == "session_window")
      return static_cast<int>(k);
  }
  return -1;
}

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
  ExprPtr& key = keys[found];
  ExprPtr call = key;
  while (call->kind == ExprKind::Alias)
    call = call->args[0];
  if (lowerCallName(*call) == "session_window") return sessionWindowing(child, call, key);
  ResolveOptions plain;
  plain.input_plan = child.get();
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
