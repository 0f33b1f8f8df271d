// Everything `runnel serve` and `runnel relay` configure: the listening address, who may connect,
// which targets are allowed, and the limits that keep the relay's memory bounded.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "handshake_policy.h"
#include "line_log.h"
#include "protocol.h"

namespace runnel::relay {

struct RelayConfig {
  std::string host = "127.0.0.1";
  uint16_t port = 8080;                    // 0: any free port (tests)
  std::string token;                       // required on non-loopback binds (generated if empty)
  std::vector<std::string> allow_origins;  // extra page origins allowed to connect
  std::vector<std::string> allow_targets;  // non-loopback HOST:PORT targets allowed
  std::optional<std::string> static_root;  // runnel serve: the page's folder (web/dist)

  size_t max_line_bytes = size_t{1} << 20;
  LogLimits log;
  size_t max_connections = 256;  // open WebSocket connections
  size_t max_subscriptions = 8;  // per connection
  size_t max_targets = 16;
  size_t send_high_water = size_t{512} << 10;     // queued bytes per tab before it is paused
  size_t lines_message_bytes = size_t{64} << 10;  // lines per message, in JSON bytes
  std::chrono::milliseconds backoff_initial{250};
  std::chrono::milliseconds backoff_max{5000};
  bool verbose = false;
  bool quiet = false;
};

// Checks the configuration and fills in what follows from it (a token for non-loopback binds).
// Returns the error line to print (`<what> (<how to fix>)`) when it cannot be used.
std::optional<std::string> finalizeConfig(RelayConfig& config);

HandshakePolicy handshakePolicyFor(const RelayConfig& config, uint16_t bound_port);
// The relay is never an open proxy: loopback targets, plus those --allow-target names.
bool targetAllowed(const RelayConfig& config, const TargetName& target);
// "64MiB", "512k", "1000000" -> bytes; nullopt when malformed.
std::optional<size_t> parseSize(const std::string& text);

}  // namespace runnel::relay
