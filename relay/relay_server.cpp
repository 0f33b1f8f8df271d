// The relay's event loop side: handshakes, client messages, fan-out and static files.
#include "relay_server.h"

#include <algorithm>
#include <iostream>
#include <system_error>

namespace runnel::relay {

namespace {
namespace close = websocketpp::close::status;
}  // namespace

RelayServer::RelayServer(asio::io_context& io, RelayConfig config)
    : io_(io), config_(std::move(config)) {
  server_.clear_access_channels(websocketpp::log::alevel::all);
  server_.clear_error_channels(websocketpp::log::elevel::all);
  if (config_.verbose)
    server_.set_error_channels(websocketpp::log::elevel::rerror | websocketpp::log::elevel::fatal);
  server_.get_elog().set_ostream(&std::cerr);
  server_.init_asio(&io_);
  server_.set_reuse_addr(true);
  server_.set_max_message_size(WsConfig::max_message_size);
  if (config_.static_root) files_.emplace(*config_.static_root);
  server_.set_validate_handler([this](WsHandle h) { return onValidate(h); });
  server_.set_open_handler([this](WsHandle h) { onOpen(h); });
  server_.set_close_handler([this](WsHandle h) { onClose(h); });
  server_.set_fail_handler([this](WsHandle h) { onClose(h); });
  server_.set_message_handler([this](WsHandle h, WsServer::message_ptr m) { onMessage(h, m); });
  server_.set_http_handler([this](WsHandle h) { onHttp(h); });
  server_.set_socket_init_handler([](WsHandle, asio::ip::tcp::socket& socket) {
    std::error_code ignored;  // lines typed one by one should not wait for Nagle
    socket.set_option(asio::ip::tcp::no_delay(true), ignored);
  });
}

RelayServer::~RelayServer() {
  for (auto& [key, target] : targets_)
    target.connection->stop();
}

void RelayServer::listen() {
  std::error_code error;
  auto address =
      asio::ip::make_address(config_.host == "localhost" ? "127.0.0.1" : config_.host, error);
  if (error) throw std::system_error(error, "--host must be an IP address");
  server_.listen(asio::ip::tcp::endpoint(address, config_.port), error);
  if (error) throw std::system_error(error);
  port_ = server_.get_local_endpoint(error).port();
  if (error) throw std::system_error(error);
  policy_ = handshakePolicyFor(config_, port_);
  server_.start_accept(error);
  if (error) throw std::system_error(error);
}

void RelayServer::stop() {
  if (stopping_) return;
  stopping_ = true;
  std::error_code ignored;
  server_.stop_listening(ignored);
  for (auto& [handle, tab] : tabs_)
    tab->connection()->close(close::going_away, "relay stopping", ignored);
  for (auto& [key, target] : targets_)
    target.connection->stop();
}

std::string RelayServer::url() const {
  bool v6 = config_.host.find(':') != std::string::npos;
  std::string authority =
      (v6 ? "[" + config_.host + "]" : config_.host) + ":" + std::to_string(port_);
  std::string url = files_ ? "http://" + authority + "/" : "ws://" + authority + "/ws";
  if (!config_.token.empty()) url += "?token=" + config_.token;
  return url;
}

const TargetConnection* RelayServer::target(const std::string& key) const {
  auto it = targets_.find(key);
  return it == targets_.end() ? nullptr : it->second.connection.get();
}

void RelayServer::log(const std::string& line) const {
  if (!config_.quiet) std::cerr << "runnel: " << line << "\n";
}

bool RelayServer::onValidate(WsHandle handle) {
  WsConnection connection = server_.get_con_from_hdl(handle);
  HandshakeDecision decision;
  if (stopping_ || tabs_.size() >= config_.max_connections) {
    decision = {503, "too many connections (the relay allows " +
                         std::to_string(config_.max_connections) + ")"};
  } else {
    decision =
        checkHandshake(policy_, {connection->get_resource(), connection->get_request_header("Host"),
                                 connection->get_request_header("Origin")});
  }
  if (decision.accepted()) return true;
  connection->set_status(static_cast<websocketpp::http::status_code::value>(decision.status));
  connection->set_body(decision.reason + "\n");
  if (config_.verbose) log("refused a WebSocket handshake: " + decision.reason);
  return false;
}

void RelayServer::onOpen(WsHandle handle) {
  WsConnection connection = server_.get_con_from_hdl(handle);
  SubscriberLimits limits{config_.send_high_water, config_.lines_message_bytes,
                          config_.max_subscriptions};
  auto tab = std::make_unique<Subscriber>(connection, limits);
  connection->set_written_handler([this, handle] { onWritten(handle); });
  tab->sendText(encodeHello({std::string("runnel ") + RUNNEL_VERSION, config_.max_line_bytes,
                             WsConfig::max_message_size, config_.max_subscriptions}));
  tabs_.emplace(handle, std::move(tab));
}

void RelayServer::onClose(WsHandle handle) {
  auto it = tabs_.find(handle);
  if (it == tabs_.end()) return;
  std::vector<TargetConnection*> targets;
  for (const auto& subscription : it->second->subscriptions())
    targets.push_back(subscription.target);
  tabs_.erase(it);
  for (TargetConnection* target : targets)
    target->resumeReading();  // it may be the slowest gone
}

void RelayServer::onMessage(WsHandle handle, WsServer::message_ptr message) {
  auto it = tabs_.find(handle);
  if (it == tabs_.end()) return;
  Subscriber& tab = *it->second;
  std::error_code ignored;
  if (message->get_opcode() != websocketpp::frame::opcode::text) {
    tab.connection()->close(close::unsupported_data, "send JSON text messages", ignored);
    return;
  }
  ParsedMessage parsed = parseClientMessage(message->get_payload());
  if (parsed.error) {
    tab.sendText(encodeError(parsed.error->code, parsed.error->message));
    if (parsed.error->fatal) {
      auto code = parsed.error->code == "bad_json" ? close::invalid_payload : close::protocol_error;
      tab.connection()->close(code, parsed.error->code, ignored);
    }
    return;
  }
  if (parsed.message->type == ClientMessageType::Subscribe) {
    subscribe(tab, *parsed.message);
  } else {
    unsubscribe(tab, *parsed.message);
  }
}

void RelayServer::subscribe(Subscriber& tab, const ClientMessage& message) {
  std::string key = message.target.key();
  if (!targetAllowed(config_, message.target)) {
    tab.sendText(encodeError("target_not_allowed", "target " + key +
                                                       " is not on this machine (start runnel with "
                                                       "--allow-target " +
                                                       key + ")"));
    return;
  }
  auto it = targets_.find(key);
  bool created = it == targets_.end();
  if (created && targets_.size() >= config_.max_targets) {
    tab.sendText(encodeError(
        "too_many_targets",
        "the relay serves at most " + std::to_string(config_.max_targets) + " targets"));
    return;
  }
  if (created) {
    TargetOptions options{config_.max_line_bytes, config_.log, config_.backoff_initial,
                          config_.backoff_max};
    TargetListener& listener = *this;
    std::unique_ptr<TargetConnection> connection;
    try {
      connection = std::make_unique<TargetConnection>(io_, message.target, options, listener);
    } catch (const std::system_error& e) {  // its log file could not be created
      log(key + ": " + e.what());
      tab.sendText(encodeError("log_unavailable", std::string("the relay cannot keep a log for ") +
                                                      key + ": " + e.what()));
      return;
    }
    it = targets_.emplace(key, Target{}).first;
    it->second.connection = std::move(connection);
  }
  TargetConnection& target = *it->second.connection;
  const LineLog& log = target.log();
  uint64_t cursor = message.start == StartFrom::Earliest ? log.startOffset()
                    : message.start == StartFrom::Latest ? log.endOffset()
                                                         : std::min(message.from, log.endOffset());
  if (!tab.subscribe(target, it->second.cache, cursor, message.encoding)) {
    tab.sendText(encodeError("too_many_subscriptions",
                             "a connection may subscribe to at most " +
                                 std::to_string(config_.max_subscriptions) + " targets"));
    return;
  }
  tab.sendText(encodeSubscribed(key, cursor, log.startOffset(), log.endOffset(), target.logId(),
                                message.encoding));
  if (created) {
    target.start();  // announces "connecting" to this tab
  } else {
    tab.sendText(encodeState(key, target.state(), target.stateMessage(), target.retryMs()));
    tab.pump();
  }
}

void RelayServer::unsubscribe(Subscriber& tab, const ClientMessage& message) {
  auto it = targets_.find(message.target.key());
  if (it == targets_.end() || !tab.unsubscribe(*it->second.connection)) {
    tab.sendText(encodeError("not_subscribed", "not subscribed to " + message.target.key()));
    return;
  }
  tab.sendText(encodeUnsubscribed(message.target.key()));
  it->second.connection->resumeReading();
}

void RelayServer::onWritten(WsHandle handle) {
  auto it = tabs_.find(handle);
  if (it == tabs_.end() || !it->second->paused()) return;
  // WebSocket++ has just posted the write of what this tab queued: refill behind it, after that.
  asio::post(io_, [this, handle] {
    auto it = tabs_.find(handle);
    if (it == tabs_.end() || stopping_) return;
    Subscriber& tab = *it->second;
    tab.pump();  // when still full, the next completed write calls again
    for (const auto& subscription : tab.subscriptions()) {
      if (subscription.target->readingHeld()) subscription.target->resumeReading();
    }
  });
}

void RelayServer::targetLines(TargetConnection& target) {
  for (auto& [handle, tab] : tabs_) {
    if (tab->find(target)) tab->pump();
  }
}

void RelayServer::targetState(TargetConnection& target) {
  std::string text =
      encodeState(target.key(), target.state(), target.stateMessage(), target.retryMs());
  for (auto& [handle, tab] : tabs_) {
    if (tab->find(target)) tab->sendText(text);
  }
  if (target.state() == TargetState::Connecting) return;
  std::string line = target.key() + " " + std::string(targetStateName(target.state()));
  if (!target.stateMessage().empty()) line += ": " + target.stateMessage();
  if (target.retryMs() > 0) line += " (retrying in " + std::to_string(target.retryMs()) + " ms)";
  log(line);
}

void RelayServer::targetLineTooLong(TargetConnection& target, uint64_t offset, size_t bytes) {
  std::string text = encodeLineTooLong(target.key(), offset, bytes, config_.max_line_bytes);
  for (auto& [handle, tab] : tabs_) {
    if (tab->find(target)) tab->sendText(text);
  }
  log(target.key() + ": dropped a line of " + std::to_string(bytes) + " bytes (limit " +
      std::to_string(config_.max_line_bytes) + ", see --max-line)");
}

uint64_t RelayServer::targetPinned(const TargetConnection& target) const {
  uint64_t pinned = target.log().endOffset();
  for (const auto& [handle, tab] : tabs_) {
    if (const auto* subscription = tab->find(target))
      pinned = std::min(pinned, subscription->cursor);
  }
  return pinned;
}

uint64_t RelayServer::targetLeading(const TargetConnection& target) const {
  uint64_t leading = 0;
  for (const auto& [handle, tab] : tabs_) {
    if (const auto* subscription = tab->find(target))
      leading = std::max(leading, subscription->cursor);
  }
  return leading;
}

void RelayServer::onHttp(WsHandle handle) {
  WsConnection connection = server_.get_con_from_hdl(handle);
  connection->append_header("Cache-Control", "no-cache");
  connection->append_header("X-Content-Type-Options", "nosniff");
  // Cross-origin isolation: the page may then share memory with its engine worker, which answers a
  // typed line through it a frame sooner (web/src/worker/reply_slot.ts). The page loads nothing
  // from other origins.
  connection->append_header("Cross-Origin-Opener-Policy", "same-origin");
  connection->append_header("Cross-Origin-Embedder-Policy", "require-corp");
  auto reply = [&](int status, std::string type, std::string body) {
    connection->set_status(static_cast<websocketpp::http::status_code::value>(status));
    connection->append_header("Content-Type", type);
    connection->set_body(std::move(body));
  };
  if (!hostAllowed(policy_, connection->get_request_header("Host"))) {
    return reply(403, "text/plain; charset=utf-8", "Host is not a name of this server\n");
  }
  const std::string& method = connection->get_request().get_method();
  if (method != "GET" && method != "HEAD") {
    connection->append_header("Allow", "GET, HEAD");
    return reply(405, "text/plain; charset=utf-8", "only GET and HEAD are served\n");
  }
  StaticResponse response = files_
                                ? files_->get(connection->get_resource())
                                : StaticResponse{404, "text/plain; charset=utf-8",
                                                 "runnel relay: the WebSocket endpoint is /ws\n"};
  if (method == "HEAD") {
    // GET's headers without its body (link checkers and `curl -I` ask this way).
    size_t length = response.body.size();
    reply(response.status, response.content_type, "");
    connection->replace_header("Content-Length", std::to_string(length));
    return;
  }
  reply(response.status, response.content_type, std::move(response.body));
}

}  // namespace runnel::relay
