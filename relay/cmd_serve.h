// `runnel serve`: the playground page (web/dist) plus the WebSocket bridge on /ws, one port.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "cmd_relay.h"

namespace runnel::cli {

struct ServeOptions {
  RelayOptions bridge;
  std::string root;  // the page's folder; found next to the executable when empty
};

CLI::App* setupServe(CLI::App& app, ServeOptions& options);
int runServe(ServeOptions& options);

}  // namespace runnel::cli
