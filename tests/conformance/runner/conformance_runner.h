// The conformance runner (`runnel conformance`): replays .stream scenarios against the engine
// through the PySpark front end and a memory sink, as Spark's StreamTest does. One line per case,
// then `N passed, M failed`.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace runnel::conformance {

struct RunnerOptions {
  std::vector<std::string> paths;    // files or directories of .stream files
  bool one_row_chunks = false;       // every columnar chunk inside a micro-batch holds one row
  bool restart_every_batch = false;  // stop + start from the checkpoint at every process/check
  std::string skip_file;             // lines "case-name  reason"; those cases are reported as SKIP
  bool verbose = false;
};

// Returns the process exit status: 0 when every case passed, 1 otherwise.
int runConformance(const RunnerOptions& options, std::ostream& out);

}  // namespace runnel::conformance
