// Validation and derived settings of the relay's configuration.
#include "relay_config.h"

#include <algorithm>
#include <cctype>
#include <random>

namespace runnel::relay {

namespace {

std::string randomToken() {
  std::random_device device;
  static constexpr char kHex[] = "0123456789abcdef";
  std::string token;
  for (int i = 0; i < 8; ++i) {
    unsigned value = device();
    for (int k = 0; k < 4; ++k)
      token.push_back(kHex[(value >> (k * 8)) & 15]);
  }
  return token;
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

}  // namespace

std::optional<std::string> finalizeConfig(RelayConfig& config) {
  for (const std::string& target : config.allow_targets) {
    if (!parseTargetName(target)) {
      return "--allow-target " + target + " is not HOST:PORT (e.g. --allow-target 10.0.0.5:9999)";
    }
  }
  for (std::string& origin : config.allow_origins) {
    origin = lower(origin);
    while (!origin.empty() && origin.back() == '/')
      origin.pop_back();
    if (origin.rfind("http://", 0) != 0 && origin.rfind("https://", 0) != 0) {
      return "--allow-origin " + origin +
             " is not an origin (e.g. --allow-origin http://localhost:5173)";
    }
  }
  if (!config.token.empty() && config.token.size() < 8) {
    return "--token is too short (use at least 8 characters, or omit it to get a random one)";
  }
  if (!isLoopbackHost(config.host) && config.token.empty()) config.token = randomToken();
  if (config.max_line_bytes == 0 || config.log.max_lines == 0 || config.log.max_bytes == 0) {
    return "limits must be greater than 0 (check --max-line, --log-lines and --log-size)";
  }
  return std::nullopt;
}

HandshakePolicy handshakePolicyFor(const RelayConfig& config, uint16_t bound_port) {
  HandshakePolicy policy;
  policy.loopback_bind = isLoopbackHost(config.host);
  policy.host_names = hostNamesFor(config.host, bound_port);
  policy.allowed_origins = config.allow_origins;
  policy.same_origin_allowed = config.static_root.has_value();
  policy.token = config.token;
  return policy;
}

bool targetAllowed(const RelayConfig& config, const TargetName& target) {
  if (isLoopbackHost(target.host)) return true;
  std::string key = target.key();
  for (const std::string& allowed : config.allow_targets) {
    auto name = parseTargetName(allowed);
    if (name && name->key() == key) return true;
  }
  return false;
}

std::optional<size_t> parseSize(const std::string& text) {
  size_t i = 0;
  unsigned long long value = 0;
  while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
    value = value * 10 + unsigned(text[i++] - '0');
    if (value > (1ULL << 40)) return std::nullopt;
  }
  if (i == 0) return std::nullopt;
  std::string unit = lower(text.substr(i));
  if (unit.empty() || unit == "b") return size_t(value);
  if (unit == "k" || unit == "kb" || unit == "kib") return size_t(value << 10);
  if (unit == "m" || unit == "mb" || unit == "mib") return size_t(value << 20);
  if (unit == "g" || unit == "gb" || unit == "gib") return size_t(value << 30);
  return std::nullopt;
}

}  // namespace runnel::relay
