// `runnel relay`: the WebSocket bridge without the page, for a page hosted elsewhere.
#include "cmd_relay.h"

#include <asio.hpp>
#include <iostream>

#include "relay_server.h"

namespace runnel::cli {

namespace {
constexpr auto kShutdownGrace = std::chrono::milliseconds(1000);

void printError(const std::string& line) {
  std::cerr << "runnel: " << line << "\n";
}
}  // namespace

void addBridgeFlags(CLI::App& command, RelayOptions& options) {
  relay::RelayConfig& c = options.config;
  command.add_option("--host", c.host, "address to listen on; not loopback needs a token")
      ->capture_default_str();
  command.add_option("-p,--port", c.port, "port to listen on (0: any free port)")
      ->capture_default_str();
  command.add_option("--token", c.token,
                     "secret every WebSocket client must give (?token=); generated when --host is "
                     "not loopback");
  command.add_option("--allow-origin", c.allow_origins,
                     "page origin allowed to connect, e.g. http://localhost:5173 (repeatable)");
  command.add_option("--allow-target", c.allow_targets,
                     "non-loopback HOST:PORT the page may read from (repeatable)");
  command.add_option("--max-line", options.max_line, "longest line forwarded")
      ->capture_default_str();
  command.add_option("--log-lines", c.log.max_lines, "lines kept per target for resuming")
      ->capture_default_str();
  command.add_option("--log-size", options.log_size, "bytes kept per target for resuming")
      ->capture_default_str();
  command.add_option("--max-connections", c.max_connections, "open WebSocket connections")
      ->capture_default_str();
  command.add_flag("-v,--verbose", c.verbose, "log refused handshakes and WebSocket errors");
  command.add_flag("-q,--quiet", c.quiet, "print only errors");
}

int runBridge(RelayOptions& options, const char* command) {
  relay::RelayConfig& config = options.config;
  auto log_size = relay::parseSize(options.log_size);
  auto max_line = relay::parseSize(options.max_line);
  if (!log_size || !max_line) {
    printError("a size must look like 64MiB, 512KiB or 1000000 (see runnel " +
               std::string(command) + " --help)");
    return 2;
  }
  config.log.max_bytes = *log_size;
  config.max_line_bytes = *max_line;
  bool generated = config.token.empty();
  if (auto error = relay::finalizeConfig(config)) {
    printError(*error);
    return 2;
  }
  asio::io_context io;
  relay::RelayServer server(io, config);
  try {
    server.listen();
  } catch (const std::system_error& error) {
    printError("cannot listen on " + config.host + ":" + std::to_string(config.port) + ": " +
               error.code().message() + " (pick another --port, or stop what uses it)");
    return 1;
  }
  // Signals are caught before the URL is printed: whoever reads it may stop the relay at once.
  asio::signal_set signals(io, SIGINT, SIGTERM);
  asio::steady_timer grace(io);
  signals.async_wait([&](const std::error_code& error, int) {
    if (error) return;
    server.stop();
    // Clients get a close frame; one that does not answer does not hold the exit up.
    grace.expires_after(kShutdownGrace);
    grace.async_wait([&](const std::error_code&) { io.stop(); });
  });
  if (!config.quiet) {
    std::string verb = config.static_root ? "serving " : "relaying on ";
    std::cerr << "runnel: " << verb << server.url() << "\n";
    if (!relay::isLoopbackHost(config.host) && generated) {
      std::cerr << "runnel: listening beyond this machine; clients need the token in that URL\n";
    }
  }
  io.run();
  return 0;
}

CLI::App* setupRelay(CLI::App& app, RelayOptions& options) {
  CLI::App* command = app.add_subcommand(
      "relay", "bridge TCP line sources (nc -lk) to WebSocket on /ws, without serving the page");
  addBridgeFlags(*command, options);
  command->footer(R"(Examples:
  Page served by the Vite dev server on port 5173:
    nc -lk 9999
    runnel relay --port 8081 --allow-origin http://localhost:5173
  A producer on another machine:
    runnel relay --allow-target 10.0.0.5:9999
  Check it by hand (websocat sends no Origin, accepted on loopback):
    websocat ws://127.0.0.1:8080/ws
    {"v":1,"type":"subscribe","target":"localhost:9999"}

The protocol is in relay/PROTOCOL.md.)");
  return command;
}

int runRelay(RelayOptions& options) {
  return runBridge(options, "relay");
}

}  // namespace runnel::cli
