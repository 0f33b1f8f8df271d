// UnsupportedOperationChecker: Spark's checkForStreaming, run by start(): which operations a
// streaming query may use in an output mode, with Spark's messages (AnalysisException).
#pragma once

#include "exec/exec_context.h"
#include "plan/logical_plan.h"

namespace runnel::plan {

void checkForStreaming(const LogicalPlan& plan, exec::OutputMode mode);
// Actions (show, collect, count) on a streaming plan: "Queries with streaming sources must be
// executed with writeStream.start();".
void checkForBatch(const LogicalPlan& plan);

}  // namespace runnel::plan
