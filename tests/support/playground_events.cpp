// Test helpers over a Playground's events.
#include "support/playground_events.h"

namespace runnel::testing {

std::vector<nlohmann::json> ofType(const nlohmann::json& events, const std::string& type) {
  std::vector<nlohmann::json> out;
  for (const nlohmann::json& e : events) {
    if (e["type"] == type) out.push_back(e);
  }
  return out;
}

ClockedPlayground::ClockedPlayground(uint64_t max_steps) {
  PlaygroundOptions o;
  o.clock = clock;
  o.max_steps = max_steps;
  pg = std::make_unique<Playground>(o);
}

nlohmann::json ClockedPlayground::events() {
  return nlohmann::json::parse(pg->takeEvents());
}

nlohmann::json ClockedPlayground::after(int64_t ms) {
  clock->advance(ms);
  pg->tick();
  return events();
}

std::string outputText(const nlohmann::json& events) {
  std::string text;
  for (const nlohmann::json& e : ofType(events, "output"))
    text += e["text"].get<std::string>();
  return text;
}

}  // namespace runnel::testing
