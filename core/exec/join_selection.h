// JoinSelection: picks the physical operator for a Join node (Spark's JoinSelection and
// StreamingJoinStrategy): StreamStreamJoin when both sides stream, HashJoin otherwise.
#pragma once

#include <memory>

#include "exec/physical_operator.h"
#include "plan/logical_plan.h"

namespace runnel::exec {

std::unique_ptr<PhysicalOperator> planJoin(int op_id, const plan::PlanPtr& join);

}  // namespace runnel::exec
