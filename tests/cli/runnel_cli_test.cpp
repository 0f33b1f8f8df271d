// `runnel` as a user meets it: help with examples, version, exit codes 0/1/2, one-line errors,
// and serve/relay printing their URL then stopping cleanly on SIGTERM.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>

#include "cli_process.h"

namespace runnel::cli::test {
namespace {

TEST(RunnelCli, HelpTeachesWithExamples) {
  struct Case {
    std::vector<std::string> args;
    std::vector<std::string> mentions;
  };
  const std::vector<Case> cases = {
      {{"--help"}, {"serve", "relay", "run", "conformance", "demo", "Examples:", "nc -lk 9999"}},
      {{"serve", "--help"},
       {"--port", "--host", "--token", "Examples:", "Classroom", "Static only"}},
      {{"relay", "--help"}, {"--allow-origin", "--allow-target", "Examples:", "PROTOCOL.md"}},
      {{"conformance", "--help"}, {"--one-row-chunks", "--restart-every-batch", "--rewrite"}},
  };
  for (const Case& c : cases) {
    Outcome outcome = runRunnel(c.args);
    EXPECT_EQ(outcome.exit_code, 0) << c.args[0];
    for (const std::string& mention : c.mentions) {
      EXPECT_NE(outcome.out.find(mention), std::string::npos) << c.args[0] << " lacks " << mention;
    }
  }
}

TEST(RunnelCli, Version) {
  Outcome outcome = runRunnel({"--version"});
  EXPECT_EQ(outcome.exit_code, 0);
  EXPECT_TRUE(std::regex_match(outcome.out, std::regex("runnel \\d+\\.\\d+\\.\\d+\n")))
      << outcome.out;
}

TEST(RunnelCli, DemoCountsTheLinesOfStdinAndEndsAtItsEnd) {
  // The last line has no newline: it is a line too, and Ctrl-D (the end of stdin) ends the run.
  Outcome outcome = runRunnel({"demo"}, std::chrono::seconds(20), "cat dog cat\ndog");
  EXPECT_EQ(outcome.exit_code, 0) << outcome.err;
  EXPECT_NE(outcome.out.find("Batch: 0\n"), std::string::npos) << outcome.out;
  std::string last = outcome.out.substr(outcome.out.rfind("Batch: "));
  EXPECT_NE(last.find("| cat|    2|\n"), std::string::npos) << outcome.out;
  EXPECT_NE(last.find("| dog|    2|\n"), std::string::npos) << outcome.out;
}

TEST(RunnelCli, UsageErrorsExitTwoWithOneLineSayingHowToFix) {
  struct Case {
    std::vector<std::string> args;
    std::string mention;
  };
  const std::vector<Case> cases = {
      {{}, "Usage"},
      {{"serve", "--bogus"}, "(see runnel serve --help)"},
      {{"relay", "--port", "eighty"}, "(see runnel relay --help)"},
      {{"relay", "--allow-target", "nohost"}, "--allow-target"},
      {{"relay", "--allow-origin", "localhost:5173"}, "http://"},
      {{"relay", "--log-size", "lots"}, "64MiB"},
      {{"run", "/no/such/file.py"}, "runnel: "},
      {{"fly"}, "runnel: "},
  };
  for (const Case& c : cases) {
    Outcome outcome = runRunnel(c.args);
    std::string name = c.args.empty() ? "(none)" : c.args[0];
    EXPECT_EQ(outcome.exit_code, 2) << name << ": " << outcome.err;
    EXPECT_NE(outcome.err.find(c.mention), std::string::npos) << name << ": " << outcome.err;
    EXPECT_TRUE(outcome.out.empty()) << name;
  }
}

TEST(RunnelCli, ServeWithoutThePageFailsWithAHint) {
  Outcome outcome = runRunnel({"serve", "--root", "/no/such/dist", "--port", "0"});
  EXPECT_EQ(outcome.exit_code, 1);
  EXPECT_EQ(outcome.err,
            "runnel: the page is not built (no folder /no/such/dist) (run ./dev build, or pass "
            "--root DIR)\n");
}

TEST(RunnelCli, ServePrintsItsUrlAndStopsOnSigterm) {
  namespace fs = std::filesystem;
  fs::path root = fs::temp_directory_path() / ("runnel-cli-" + std::to_string(::getpid()));
  fs::create_directories(root);
  std::ofstream(root / "index.html") << "<html>";
  RunningRunnel serve({"serve", "--port", "0", "--root", root.string()});
  std::string err = serve.waitForStderr("/\n");
  EXPECT_TRUE(std::regex_search(err, std::regex("^runnel: serving http://127\\.0\\.0\\.1:\\d+/\n")))
      << err;
  EXPECT_EQ(serve.terminate(), 0);
  fs::remove_all(root);
}

TEST(RunnelCli, RelayOnABusyPortExitsOne) {
  RunningRunnel first({"relay", "--port", "0"});
  std::string err = first.waitForStderr("/ws\n");
  std::smatch port;
  ASSERT_TRUE(std::regex_search(err, port, std::regex("ws://127\\.0\\.0\\.1:(\\d+)/ws"))) << err;
  Outcome second = runRunnel({"relay", "--port", port[1].str()});
  EXPECT_EQ(second.exit_code, 1);
  EXPECT_NE(second.err.find("runnel: cannot listen on 127.0.0.1:" + port[1].str()),
            std::string::npos)
      << second.err;
  EXPECT_NE(second.err.find("(pick another --port"), std::string::npos);
  EXPECT_EQ(first.terminate(), 0);
}

}  // namespace
}  // namespace runnel::cli::test
