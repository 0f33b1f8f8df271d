// Fuzz target for the PySpark front end: lexer, parser, interpreter and bindings through
// Playground. A Python or Spark error is a fine outcome; an InternalError event, a crash or a
// sanitizer report is not.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "runnel/playground.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  constexpr uint64_t kSteps = 20'000;  // keeps `while True` inputs fast
  auto clock = std::make_shared<runnel::ManualClock>(1'700'000'000'000);
  runnel::PlaygroundOptions options;
  options.clock = clock;
  options.max_steps = kSteps;
  runnel::Playground playground(options);
  playground.run(std::string(reinterpret_cast<const char*>(data), size));
  playground.pushLines("localhost:9999", {"a b a", ""});
  clock->advance(2000);
  playground.tick();
  auto events = nlohmann::json::parse(playground.takeEvents(), nullptr, false);
  if (events.is_discarded()) std::abort();
  for (const auto& e : events) {
    if (e.value("errorClass", "") == "InternalError") std::abort();
  }
  return 0;
}
