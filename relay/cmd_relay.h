// `runnel relay` (the bridge alone) and the flags and run loop it shares with `runnel serve`.
#pragma once

#include <CLI/CLI.hpp>

#include "relay_config.h"

namespace runnel::cli {

struct RelayOptions {
  relay::RelayConfig config;
  std::string log_size = "64MiB";
  std::string max_line = "1MiB";
};

CLI::App* setupRelay(CLI::App& app, RelayOptions& options);
int runRelay(RelayOptions& options);

// Shared by serve and relay: listening, access and limit flags, and the event loop until a signal.
void addBridgeFlags(CLI::App& command, RelayOptions& options);
int runBridge(RelayOptions& options, const char* command);

}  // namespace runnel::cli
