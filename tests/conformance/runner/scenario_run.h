// ScenarioRun: one scenario replayed step by step (private to the runner).
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "runnel/spark_session.h"
#include "runner/conformance_runner.h"
#include "runner/scenario.h"
#include "stream/memory_stream.h"

namespace runnel::conformance {

struct CaseResult {
  bool passed = false;
  std::string why;      // one line
  std::string details;  // diff and the scenario with `=>` at the failing step
};

CaseResult runScenario(const Scenario& scenario, const RunnerOptions& options);

}  // namespace runnel::conformance
