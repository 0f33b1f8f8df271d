// `runnel conformance`: the .stream runner over the native engine.
#include "engine_commands.h"

#include <iostream>

#include "runner/conformance_runner.h"

namespace runnel::cli {

int runConformance(const ConformanceOptions& options) {
  conformance::RunnerOptions o;
  o.paths = options.paths;
  o.one_row_chunks = options.one_row_chunks;
  o.restart_every_batch = options.restart_every_batch;
  o.skip_file = options.skip_file;
  return conformance::runConformance(o, std::cout);
}

}  // namespace runnel::cli
