// UnsupportedOperationChecker: walks the analysed plan once and throws Spark's message for the
// first unsupported pattern. Output-mode errors use the newest stable wording
// (STREAMING_OUTPUT_MODE).
#include "plan/unsupported_operation_checker.h"

#include <set>

#include <fmt/format.h>

#include "plan/event_time.h"
#include "plan/streaming_join_helper.h"
#include "plan/time_windowing.h"

namespace runnel::plan {

using exec::OutputMode;

namespace {

[[noreturn]] void fail(const std::string& message, const LogicalPlan& plan) {
  throw Error(ErrorClass::AnalysisException, message + ";\n" + plan.treeString());
}

const char* modeWord(OutputMode m) {
  switch (m) {
    case OutputMode::Append:
      return "append";
    case OutputMode::Complete:
      return "complete";
    case OutputMode::Update:
      return "update";
  }
  return "append";
}

[[noreturn]] void outputModeError(OutputMode mode, const std::string& operation,
                                  const LogicalPlan& plan) {
  fail(fmt::format("[STREAMING_OUTPUT_MODE.UNSUPPORTED_OPERATION] Invalid streaming output mode: "
                   "{}. This output mode is not supported for {} on streaming "
                   "DataFrames/DataSets. SQLSTATE: 42KDE",
                   modeWord(mode), operation),
       plan);
}

// Names of columns that carry a watermark in `p`'s output (the event-time column, through
// projections).
std::set<std::string> watermarkedColumns(const LogicalPlan& p) {
  std::set<std::string> out;
  for (const auto& c : p.children) {
    auto below = watermarkedColumns(*c);
    out.insert(below.begin(), below.end());
  }
  if (p.kind == PlanKind::EventTimeWatermark) out.insert(p.watermark_column);
  return out;
}

bool referencesAny(const expr::Expr& e, const std::set<std::string>& names) {
  if (e.kind == expr::ExprKind::ColumnRef && names.count(e.name)) return true;
  for (const auto& a : e.args) {
    if (referencesAny(*a, names)) return true;
  }
  return false;
}

bool containsCall(const expr::Expr& e, const std::string& name, bool distinct_only) {
  if (e.kind == expr::ExprKind::Call && e.name == name && (!distinct_only || e.distinct))
    return true;
  for (const auto& a : e.args) {
    if (containsCall(*a, name, distinct_only)) return true;
  }
  return false;
}

struct Walk {
  OutputMode mode;
  const LogicalPlan& root;
  int aggregates = 0;
  int stateful = 0;

  void visit(const LogicalPlan& p) {
    for (const auto& c : p.children)
      visit(*c);
    if (!p.streaming) return;
    std::vector<expr::ExprPtr> all = p.exprs;
    all.insert(all.end(), p.aggregates.begin(), p.aggregates.end());
    if (p.condition) all.push_back(p.condition);
    for (const auto& e : all) {
      if (containsCall(*e, "monotonically_increasing_id", false)) {
        fail(
            "Expression(s): monotonically_increasing_id() is not supported with streaming "
            "DataFrames/Datasets",
            root);
      }
    }
    switch (p.kind) {
      case PlanKind::Aggregate: {
        ++aggregates;
        ++stateful;
        for (const auto& a : p.aggregates) {
          if (a->distinct) {
            fail(
                "Distinct aggregations are not supported on streaming DataFrames/Datasets. "
                "Consider using approx_count_distinct() instead.",
                root);
          }
        }
        // Session windows merge rows already written into new ones, which update mode cannot
        // express. Spark still raises this one with its legacy (unclassed) text.
        if (mode == OutputMode::Update && sessionWindowKey(p) >= 0) {
          fail(
              "Update output mode not supported for session window on streaming "
              "DataFrames/DataSets",
              root);
        }
        if (mode == OutputMode::Append) {
          auto wm = watermarkedColumns(*p.children[0]);
          bool ok = false;
          for (const auto& k : p.grouping)
            ok = ok || referencesAny(*k, wm);
          ok = ok || eventTimeKey(p) >= 0;  // a window over a watermarked column
          if (!ok) outputModeError(mode, "streaming aggregations without watermark", root);
        }
        break;
      }
      case PlanKind::Deduplicate:
        ++stateful;
        if (p.within_watermark && watermarkedColumns(*p.children[0]).empty()) {
          fail(
              "dropDuplicatesWithinWatermark is not supported on streaming DataFrames/DataSets "
              "without watermark",
              root);
        }
        break;
      case PlanKind::Sort: {
        const LogicalPlan* below = p.children[0].get();
        while (below->kind == PlanKind::Project)
          below = below->children[0].get();
        if (!(mode == OutputMode::Complete && below->kind == PlanKind::Aggregate)) {
          fail(
              "Sorting is not supported on streaming DataFrames/Datasets, unless it is on "
              "aggregated DataFrame/Dataset in Complete output mode",
              root);
        }
        break;
      }
      case PlanKind::Limit:
        if (mode == OutputMode::Update) {
          fail("Limits are not supported on streaming DataFrames/Datasets in Update output mode",
               root);
        }
        break;
      case PlanKind::Join:
        checkStreamingJoin(p, mode);
        if (p.children[0]->streaming && p.children[1]->streaming) ++stateful;
        break;
      case PlanKind::Union:
        if (p.children[0]->streaming != p.children[1]->streaming) {
          fail("Union between streaming and batch DataFrames/Datasets is not supported", root);
        }
        break;
      default:
        break;
    }
  }
};

}  // namespace

void checkForStreaming(const LogicalPlan& plan, OutputMode mode) {
  Walk w{mode, plan};
  w.visit(plan);
  if (mode == OutputMode::Complete && w.aggregates == 0) {
    outputModeError(mode, "no streaming aggregations", plan);
  }
  if (w.stateful > 1 && mode != OutputMode::Append) {
    fail(
        "Detected pattern of possible 'correctness' issue due to global watermark. The query "
        "contains stateful operation which can emit rows older than the current watermark plus "
        "allowed late record delay, which are \"late rows\" in downstream stateful operations "
        "and these rows can be discarded. Please refer the programming guide doc for more "
        "details. If you understand the possible risk of correctness issue and still need to run "
        "the query, you can disable this check by setting the config "
        "`spark.sql.streaming.statefulOperator.checkCorrectness.enabled` to false.",
        plan);
  }
}

void checkForBatch(const LogicalPlan& plan) {
  if (plan.streaming) {
    throw Error(ErrorClass::AnalysisException,
                "Queries with streaming sources must be executed with writeStream.start();\n" +
                    plan.treeString());
  }
}

}  // namespace runnel::plan
