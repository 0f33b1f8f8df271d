// Who may open the relay's WebSocket: path, Host (DNS-rebinding defence), Origin and token checks
// as pure functions of the handshake's fields, so every rule is tested without sockets.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace runnel::relay {

struct HandshakePolicy {
  bool loopback_bind = true;
  std::vector<std::string> host_names;       // accepted Host values; empty = any (token-guarded)
  std::vector<std::string> allowed_origins;  // e.g. "http://localhost:5173"
  bool same_origin_allowed = false;          // runnel serve: the page it serves may connect
  std::string token;                         // required on every handshake when not empty
};

// Accepted Host header values for a server bound to `bind_host`:`port`: the loopback names when
// bound to loopback, none (any Host, the token guards) otherwise.
std::vector<std::string> hostNamesFor(std::string_view bind_host, unsigned port);
bool isLoopbackHost(std::string_view host);  // "localhost", 127.0.0.0/8, ::1 (bracketed or not)

struct HandshakeRequest {
  std::string_view resource;  // "/ws?token=…"
  std::string_view host;      // the Host header
  std::string_view origin;    // the Origin header, empty when absent
};

struct HandshakeDecision {
  int status = 101;  // 101 accept, else the HTTP status to refuse with
  std::string reason;
  bool accepted() const { return status == 101; }
};

bool hostAllowed(const HandshakePolicy& policy, std::string_view host);
HandshakeDecision checkHandshake(const HandshakePolicy& policy, const HandshakeRequest& request);

// The path of a request target without its query ("/ws?x" -> "/ws"), and one query parameter.
std::string_view requestPath(std::string_view resource);
std::string queryParameter(std::string_view resource, std::string_view name);

}  // namespace runnel::relay
