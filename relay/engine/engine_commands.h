// The engine subcommands of the `runnel` CLI (run, conformance, demo), implemented in C++20 against
// core/. This header is the only link between the C++17 CLI and the engine: std only, C++17-clean.
#pragma once

#include <string>
#include <vector>

namespace runnel::cli {

struct RunOptions {
  std::string file;
  bool verbose = false;
  bool quiet = false;
};
int runFile(const RunOptions& options);  // runnel run FILE.py

struct ConformanceOptions {
  std::vector<std::string> paths;
  bool one_row_chunks = false;
  bool restart_every_batch = false;
  bool rewrite = false;
  std::string skip_file;  // cases listed there (name + reason) are reported as SKIP
};
int runConformance(const ConformanceOptions& options);  // runnel conformance

int runDemo();  // runnel demo (word count on stdin)

}  // namespace runnel::cli
