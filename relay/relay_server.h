// The relay on one io_context: WebSocket++ serves /ws (and the page's files for `runnel serve`),
// targets fan their lines out to subscribed tabs, and a paused tab resumes when a write completes.
#pragma once

#include <asio.hpp>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "handshake_policy.h"
#include "relay_config.h"
#include "static_files.h"
#include "subscriber.h"
#include "target_connection.h"
#include "ws_config.h"

namespace runnel::relay {

class RelayServer : private TargetListener {
 public:
  RelayServer(asio::io_context& io, RelayConfig config);  // config already finalized
  ~RelayServer() override;
  RelayServer(const RelayServer&) = delete;
  RelayServer& operator=(const RelayServer&) = delete;

  // Binds and starts accepting; throws std::system_error when the address cannot be used.
  void listen();
  // Stops accepting, closes every tab (1001) and target; io.run() then returns.
  void stop();

  uint16_t port() const { return port_; }
  // What to open: http://HOST:PORT/ (serve) or ws://HOST:PORT/ws (relay), with ?token= if any.
  std::string url() const;
  size_t tabCount() const { return tabs_.size(); }
  const TargetConnection* target(const std::string& key) const;

 private:
  struct Target {
    std::unique_ptr<TargetConnection> connection;
    FrameCache cache;
  };

  bool onValidate(WsHandle handle);
  void onOpen(WsHandle handle);
  void onClose(WsHandle handle);
  void onMessage(WsHandle handle, WsServer::message_ptr message);
  void onHttp(WsHandle handle);

  void subscribe(Subscriber& tab, const ClientMessage& message);
  void unsubscribe(Subscriber& tab, const ClientMessage& message);
  void onWritten(WsHandle handle);  // one of the tab's writes completed
  void log(const std::string& line) const;

  void targetLines(TargetConnection& target) override;
  void targetState(TargetConnection& target) override;
  void targetLineTooLong(TargetConnection& target, uint64_t offset, size_t bytes) override;
  uint64_t targetPinned(const TargetConnection& target) const override;
  uint64_t targetLeading(const TargetConnection& target) const override;

  asio::io_context& io_;
  RelayConfig config_;
  WsServer server_;
  std::optional<StaticFiles> files_;
  HandshakePolicy policy_;
  std::map<WsHandle, std::unique_ptr<Subscriber>, std::owner_less<WsHandle>> tabs_;
  std::map<std::string, Target> targets_;
  bool stopping_ = false;
  uint16_t port_ = 0;
};

}  // namespace runnel::relay
