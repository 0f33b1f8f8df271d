// The `runnel` command line: subcommands parsed with CLI11; exit codes 0 ok, 1 failure, 2 usage.
#include <CLI/CLI.hpp>
#include <iostream>

#include "cmd_engine.h"
#include "cmd_relay.h"
#include "cmd_serve.h"

int main(int argc, char** argv) {
  using namespace runnel::cli;
  CLI::App app("Runnel: a Spark Structured Streaming playground", "runnel");
  app.set_version_flag("--version", std::string("runnel ") + RUNNEL_VERSION);
  app.require_subcommand(0, 1);
  app.footer(R"(Examples:
  Word count with nc (two terminals):
    nc -lk 9999
    runnel serve                 # open http://127.0.0.1:8080/
  Classroom (the printed URL carries a token):
    runnel serve --host 0.0.0.0
  Run a query in the terminal:
    runnel run wordcount.py

Run runnel COMMAND --help for a command's options and examples.)");

  ServeOptions serve;
  RelayOptions relay;
  EngineCommands engine;
  CLI::App* serve_command = setupServe(app, serve);
  CLI::App* relay_command = setupRelay(app, relay);
  setupEngineCommands(app, engine);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::string command = "runnel";
    for (const CLI::App* sub : app.get_subcommands())
      command += " " + sub->get_name();
    std::cerr << "runnel: " << e.what() << " (see " << command << " --help)\n";
    return 2;
  }
  if (serve_command->parsed()) return runServe(serve);
  if (relay_command->parsed()) return runRelay(relay);
  int code = runEngineCommand(engine);
  if (code >= 0) return code;
  std::cerr << app.help();
  return 2;
}
