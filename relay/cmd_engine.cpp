// Flags of the engine subcommands; their work happens in runnel_cli_engine (C++20, core/).
#include "cmd_engine.h"

namespace runnel::cli {

void setupEngineCommands(CLI::App& app, EngineCommands& commands) {
  CLI::App* run = app.add_subcommand("run", "run a PySpark streaming query natively");
  run->add_option("FILE", commands.run.file, "the .py file")->required()->check(CLI::ExistingFile);
  run->add_flag("-v,--verbose", commands.run.verbose, "also print progress to stderr");
  run->add_flag("-q,--quiet", commands.run.quiet, "print only the query's output");
  run->footer(R"(Examples:
  nc -lk 9999                 # in another terminal, then type lines
  runnel run wordcount.py)");
  commands.run_command = run;

  CLI::App* conformance = app.add_subcommand(
      "conformance", "run .stream conformance scenarios; prints N passed, M failed");
  conformance->add_option("FILE_OR_DIR", commands.conformance.paths, "scenario files or folders")
      ->required();
  conformance->add_flag("--one-row-chunks", commands.conformance.one_row_chunks,
                        "columnar chunks of one row inside each micro-batch");
  conformance->add_flag("--restart-every-batch", commands.conformance.restart_every_batch,
                        "restart from the checkpoint after every commit");
  conformance->add_flag("--rewrite", commands.conformance.rewrite,
                        "rewrite Runnel's own goldens (never Spark's scenarios)");
  conformance->add_option("--skip-file", commands.conformance.skip_file,
                          "a file of 'case-name reason' lines; those cases print SKIP");
  conformance->footer(R"(Examples:
  runnel conformance tests/conformance/spark
  runnel conformance --restart-every-batch tests/conformance/spark/course-wordcount-complete.stream)");
  commands.conformance_command = conformance;

  commands.demo_command =
      app.add_subcommand("demo", "word count over lines typed on stdin (Ctrl-D ends)");
}

int runEngineCommand(const EngineCommands& commands) {
  if (commands.run_command->parsed()) return runFile(commands.run);
  if (commands.conformance_command->parsed()) return runConformance(commands.conformance);
  if (commands.demo_command->parsed()) return runDemo();
  return -1;
}

}  // namespace runnel::cli
