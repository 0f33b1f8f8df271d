// Handshake checks for the relay's WebSocket endpoint (PROTOCOL.md, "Security").
#include "handshake_policy.h"

#include <algorithm>
#include <cctype>

namespace runnel::relay {

namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool constantTimeEqual(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (size_t i = 0; i < a.size(); ++i)
    diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

bool contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

}  // namespace

bool isLoopbackHost(std::string_view host) {
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  std::string name = lower(host);
  if (name == "localhost" || name == "::1") return true;
  if (name.rfind("127.", 0) != 0) return false;
  int dots = 0;
  for (char c : name) {
    if (c == '.') {
      ++dots;
    } else if (!std::isdigit(static_cast<unsigned char>(c))) {
      return false;
    }
  }
  return dots == 3;
}

std::vector<std::string> hostNamesFor(std::string_view bind_host, unsigned port) {
  if (!isLoopbackHost(bind_host)) return {};
  std::vector<std::string> names;
  std::string suffix = ":" + std::to_string(port);
  for (std::string name : {std::string("localhost"), std::string("127.0.0.1"), std::string("[::1]"),
                           lower(bind_host)}) {
    if (name.find(':') != std::string::npos && name.front() != '[') name = "[" + name + "]";
    for (const std::string& value : {name + suffix, port == 80 ? name : std::string()}) {
      if (!value.empty() && !contains(names, value)) names.push_back(value);
    }
  }
  return names;
}

std::string_view requestPath(std::string_view resource) {
  return resource.substr(0, resource.find('?'));
}

std::string queryParameter(std::string_view resource, std::string_view name) {
  size_t q = resource.find('?');
  if (q == std::string_view::npos) return {};
  std::string_view query = resource.substr(q + 1);
  while (!query.empty()) {
    size_t amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    size_t eq = pair.find('=');
    if (pair.substr(0, eq) == name) {
      return eq == std::string_view::npos ? std::string() : std::string(pair.substr(eq + 1));
    }
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
  return {};
}

bool hostAllowed(const HandshakePolicy& policy, std::string_view host) {
  return policy.host_names.empty() || contains(policy.host_names, lower(host));
}

HandshakeDecision checkHandshake(const HandshakePolicy& policy, const HandshakeRequest& request) {
  if (requestPath(request.resource) != "/ws") {
    return {404, "the WebSocket endpoint is /ws"};
  }
  if (!hostAllowed(policy, request.host)) {
    return {403, "Host \"" + std::string(request.host) + "\" is not a name of this relay"};
  }
  if (!policy.token.empty() &&
      !constantTimeEqual(queryParameter(request.resource, "token"), policy.token)) {
    return {403, "missing or wrong token (open the URL runnel printed, it carries ?token=)"};
  }
  if (request.origin.empty()) {
    // Non-browser clients send no Origin: fine on loopback, token-only elsewhere (checked above).
    if (!policy.loopback_bind && policy.token.empty()) return {403, "a token is required"};
    return {101, {}};
  }
  std::string origin = lower(request.origin);
  if (contains(policy.allowed_origins, origin)) return {101, {}};
  if (policy.same_origin_allowed && origin == "http://" + lower(request.host)) return {101, {}};
  return {403, "Origin \"" + std::string(request.origin) +
                   "\" is not allowed (start runnel with --allow-origin " +
                   std::string(request.origin) + ")"};
}

}  // namespace runnel::relay
