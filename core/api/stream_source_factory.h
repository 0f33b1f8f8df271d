// The rate and file stream sources a query starts with: built from the relation's SourceSpec, with
// their own metadata folder under the checkpoint (Spark's <checkpoint>/sources/<i>).
#pragma once

#include <memory>
#include <string>

#include "plan/logical_plan.h"
#include "stream/source.h"

namespace runnel {

class SparkSession;

// nullptr when the relation is neither a rate nor a file source.
std::shared_ptr<stream::Source> makeRateOrFileSource(SparkSession& session,
                                                     const plan::LogicalPlan& relation,
                                                     const std::string& metadata_dir);

}  // namespace runnel
