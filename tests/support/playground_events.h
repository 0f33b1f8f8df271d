// Test helpers over a Playground's events (the JSON array takeEvents() returns).
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace runnel::testing {

// The events of one type ("output", "batch", "error", ...), in order.
std::vector<nlohmann::json> ofType(const nlohmann::json& events, const std::string& type);
// The text of every "output" event, concatenated.
std::string outputText(const nlohmann::json& events);

}  // namespace runnel::testing
