// The runner's front: finds .stream files, honours the skip list, prints one line per case and the
// summary line.
#include "runner/conformance_runner.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "runner/scenario_run.h"

namespace runnel::conformance {

namespace {

std::vector<std::string> collectFiles(const std::vector<std::string>& paths, std::ostream& out) {
  std::vector<std::string> files;
  for (const auto& p : paths) {
    std::error_code ec;
    if (std::filesystem::is_directory(p, ec)) {
      std::vector<std::string> found;
      for (const auto& e : std::filesystem::directory_iterator(p, ec)) {
        if (e.path().extension() == ".stream") found.push_back(e.path().string());
      }
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (std::filesystem::exists(p, ec)) {
      files.push_back(p);
    } else {
      out << "runnel: no such file or directory: " << p << "\n";
    }
  }
  return files;
}

std::map<std::string, std::string> readSkips(const std::string& path) {
  std::map<std::string, std::string> skips;
  if (path.empty()) return skips;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream ls(line);
    std::string name, reason;
    ls >> name;
    std::getline(ls, reason);
    reason.erase(0, reason.find_first_not_of(" \t"));
    skips[name] = reason;
  }
  return skips;
}

}  // namespace

int runConformance(const RunnerOptions& options, std::ostream& out) {
  auto files = collectFiles(options.paths, out);
  auto skips = readSkips(options.skip_file);
  int passed = 0, failed = 0, skipped = 0;
  for (const auto& f : files) {
    std::string name = std::filesystem::path(f).stem().string();
    if (auto it = skips.find(name); it != skips.end()) {
      out << "SKIP " << name << ": " << it->second << "\n";
      ++skipped;
      continue;
    }
    CaseResult r;
    try {
      r = runScenario(loadScenarioFile(f), options);
    } catch (const Error& e) {
      r = {false, e.describe(), ""};
    }
    if (r.passed) {
      out << "PASS " << name << "\n";
      ++passed;
    } else {
      out << "FAIL " << name << ": " << r.why << "\n";
      if (!r.details.empty()) {
        std::istringstream d(r.details);
        std::string line;
        while (std::getline(d, line))
          out << "    " << line << "\n";
      }
      ++failed;
    }
  }
  if (skipped > 0) out << skipped << " skipped (" << options.skip_file << ")\n";
  out << passed << " passed, " << failed << " failed" << std::endl;
  return failed == 0 && (passed > 0 || skipped > 0) ? 0 : 1;
}

}  // namespace runnel::conformance
