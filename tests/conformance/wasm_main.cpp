// runnel-conformance.js: the conformance runner on the wasm build, run by Node (./dev conformance
// --wasm).
#include <cstring>
#include <iostream>

#include "runner/conformance_runner.h"

int main(int argc, char** argv) {
  runnel::conformance::RunnerOptions o;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--one-row-chunks") == 0)
      o.one_row_chunks = true;
    else if (std::strcmp(argv[i], "--restart-every-batch") == 0)
      o.restart_every_batch = true;
    else if (std::strcmp(argv[i], "--skip-file") == 0 && i + 1 < argc)
      o.skip_file = argv[++i];
    else
      o.paths.push_back(argv[i]);
  }
  if (o.paths.empty()) {
    std::cerr << "usage: runnel-conformance [--one-row-chunks] [--restart-every-batch] "
                 "[--skip-file FILE] FILE_OR_DIR...\n";
    return 2;
  }
  return runnel::conformance::runConformance(o, std::cout);
}
