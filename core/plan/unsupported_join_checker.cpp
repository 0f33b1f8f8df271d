// UnsupportedOperationChecker, join part (Spark's checkForStreaming `case j: Join` and
// checkForStreamStreamJoinWatermark): which stream-static and stream-stream joins a query may run.
#include <fmt/format.h>

#include "plan/streaming_join_helper.h"

namespace runnel::plan {

namespace {

[[noreturn]] void fail(const std::string& message, const LogicalPlan& join) {
  throw Error(ErrorClass::AnalysisException, message + ";\n" + join.treeString());
}

// A watermark far above any event time: only whether a state watermark exists matters here.
constexpr int64_t kProbeWatermarkMs = 1000000;

void checkStreamStreamWatermark(const LogicalPlan& join, const std::string& type) {
  auto solvable = [&](bool left_side) {
    return stateValueWatermarkOf(join, left_side, kProbeWatermarkMs).has_value();
  };
  bool range = false;
  if (type == "LeftOuter" || type == "LeftSemi")
    range = solvable(true);
  else if (type == "RightOuter")
    range = solvable(false);
  else if (type == "FullOuter")
    range = solvable(true) || solvable(false);
  else
    fail(fmt::format("Join type {} is not supported with streaming DataFrame/Dataset", type), join);
  if (!isWatermarkInJoinKeys(join) && !range) {
    fail(fmt::format("Stream-stream {} join between two streaming DataFrame/Datasets is not "
                     "supported without a watermark in the join keys, or a watermark on the "
                     "nullable side and an appropriate range condition",
                     type),
         join);
  }
}

}  // namespace

void checkStreamingJoin(const LogicalPlan& join, exec::OutputMode mode) {
  bool left = join.children[0]->streaming;
  bool right = join.children[1]->streaming;
  if (left && right && mode != exec::OutputMode::Append) {
    fail(fmt::format("Join between two streaming DataFrames/Datasets is not supported in {} output "
                     "mode, only in Append output mode",
                     exec::outputModeName(mode)),
         join);
  }
  std::string type = joinTypeName(join.join_type);
  if (type == "Inner" || type == "Cross") return;
  if (type == "FullOuter") {
    if (left && !right) {
      fail(
          "FullOuter joins with streaming DataFrames/Datasets on the left and a static "
          "DataFrame/Dataset on the right is not supported",
          join);
    }
    if (!left && right) {
      fail(
          "FullOuter joins with streaming DataFrames/Datasets on the right and a static "
          "DataFrame/Dataset on the left is not supported",
          join);
    }
    checkStreamStreamWatermark(join, type);
  } else if (type == "LeftAnti") {
    if (right) {
      fail("LeftAnti joins with a streaming DataFrame/Dataset on the right are not supported",
           join);
    }
  } else if (type == "LeftOuter" || type == "LeftSemi") {
    if (!left && right) {
      fail(type +
               " join with a streaming DataFrame/Dataset on the right and a static "
               "DataFrame/Dataset on the left is not supported",
           join);
    }
    if (left && right) checkStreamStreamWatermark(join, type);
  } else if (type == "RightOuter") {
    if (left && !right) {
      fail(
          "RightOuter join with a streaming DataFrame/Dataset on the left and a static "
          "DataFrame/DataSet on the right not supported",
          join);
    }
    if (left && right) checkStreamStreamWatermark(join, type);
  } else {
    fail(fmt::format("Join type {} is not supported with streaming DataFrame/Dataset", type), join);
  }
}

}  // namespace runnel::plan
