// `runnel serve`: what a learner or a teacher runs; finds the built page and starts the bridge.
#include "cmd_serve.h"

#include <filesystem>
#include <iostream>
#include <system_error>

namespace runnel::cli {

namespace {

// build/<preset>/bin/runnel sits three levels below the checkout; an install keeps share/ beside
// bin/.
std::string findPage() {
  namespace fs = std::filesystem;
  std::error_code error;
  fs::path exe = fs::read_symlink("/proc/self/exe", error);
  std::vector<fs::path> candidates;
  if (!error) {
    fs::path bin = exe.parent_path();
    candidates.push_back(bin / "../../../web/dist");
    candidates.push_back(bin / "../share/runnel/web");
  }
  candidates.push_back(fs::current_path(error) / "web/dist");
  for (const fs::path& candidate : candidates) {
    if (fs::is_regular_file(candidate / "index.html", error))
      return fs::canonical(candidate).string();
  }
  return {};
}

}  // namespace

CLI::App* setupServe(CLI::App& app, ServeOptions& options) {
  CLI::App* command = app.add_subcommand(
      "serve", "serve the playground page and bridge TCP line sources (nc -lk) on /ws");
  addBridgeFlags(*command, options.bridge);
  command->add_option("--root", options.root,
                      "the page's folder (default: web/dist of this build)");
  command->footer(R"(Examples:
  Word count with nc (two terminals):
    nc -lk 9999
    runnel serve              # open http://127.0.0.1:8080/ and run the word count example
  Classroom (students open the printed URL; it carries a token):
    runnel serve --host 0.0.0.0 --port 8080
  Static only (no relay; the page then offers its own terminal in place of nc):
    python3 -m http.server --directory web/dist 8080)");
  return command;
}

int runServe(ServeOptions& options) {
  std::string root = options.root.empty() ? findPage() : options.root;
  std::error_code error;
  if (root.empty() || !std::filesystem::is_directory(root, error)) {
    std::cerr << "runnel: the page is not built"
              << (options.root.empty() ? "" : " (no folder " + options.root + ")")
              << " (run ./dev build, or pass --root DIR)\n";
    return 1;
  }
  options.bridge.config.static_root = root;
  return runBridge(options.bridge, "serve");
}

}  // namespace runnel::cli
