// `runnel run`, `runnel conformance` and `runnel demo`: flags here, bodies in the C++20 engine
// library (engine/engine_commands.h).
#pragma once

#include <CLI/CLI.hpp>

#include "engine_commands.h"

namespace runnel::cli {

struct EngineCommands {
  RunOptions run;
  ConformanceOptions conformance;
  CLI::App* run_command = nullptr;
  CLI::App* conformance_command = nullptr;
  CLI::App* demo_command = nullptr;
};

void setupEngineCommands(CLI::App& app, EngineCommands& commands);
// The exit code of the engine command given, or -1 when none of them was.
int runEngineCommand(const EngineCommands& commands);

}  // namespace runnel::cli
