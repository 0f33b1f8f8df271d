// Test helpers over a Playground's events (the JSON array takeEvents() returns), and a Playground
// on a ManualClock as the playground tests drive it.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "runnel/clock.h"
#include "runnel/playground.h"

namespace runnel::testing {

// Run code, push lines, then after(ms): the clock moves on, the Playground ticks, and the events of
// that tick come back.
struct ClockedPlayground {
  explicit ClockedPlayground(uint64_t max_steps = PlaygroundOptions{}.max_steps);
  std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>(1'700'000'000'000);
  std::unique_ptr<Playground> pg;
  nlohmann::json events();  // what happened since the last call
  nlohmann::json after(int64_t ms);
};

// The events of one type ("output", "batch", "error", ...), in order.
std::vector<nlohmann::json> ofType(const nlohmann::json& events, const std::string& type);
// The text of every "output" event, concatenated.
std::string outputText(const nlohmann::json& events);

}  // namespace runnel::testing
