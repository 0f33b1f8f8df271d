// The WebSocket++ configuration of the relay: standalone Asio, one thread (no locks), small
// client messages, and a hook when a connection's write completes. Only relay/*.cpp include
// WebSocket++, always through this header.
#pragma once

#include <functional>
#include <utility>
#include <vector>
#include <websocketpp/concurrency/none.hpp>
#include <websocketpp/config/asio_no_tls.hpp>
#include <websocketpp/server.hpp>

namespace runnel::relay {

// WebSocket++'s Asio connection, told when a frame write has completed: its queue has then moved
// into the next write, so a paused tab can queue more at once instead of polling for room
// (WebSocket++ 0.8.2 has no such handler). The connection calls transport_con_type::async_write,
// so hiding it here is enough.
template <typename Config>
class NotifyingTransport : public websocketpp::transport::asio::connection<Config> {
  using Base = websocketpp::transport::asio::connection<Config>;

 public:
  using Base::async_write;
  using Base::Base;

  void set_written_handler(std::function<void()> handler) { written_ = std::move(handler); }

  void async_write(const std::vector<websocketpp::transport::buffer>& buffers,
                   websocketpp::transport::write_handler handler) {
    Base::async_write(
        buffers, [this, handler = std::move(handler)](const websocketpp::lib::error_code& error) {
          handler(error);  // WebSocket++ queues its next write (or closes) first
          if (!error && written_) written_();
        });
  }

 private:
  std::function<void()> written_;
};

template <typename Config>
struct NotifyingEndpoint : websocketpp::transport::asio::endpoint<Config> {
  using transport_con_type = NotifyingTransport<Config>;
};

struct WsConfig : websocketpp::config::asio {
  using concurrency_type = websocketpp::concurrency::none;
  struct transport_config : websocketpp::config::asio::transport_config {
    using concurrency_type = websocketpp::concurrency::none;
  };
  using transport_type = NotifyingEndpoint<transport_config>;
  static const bool enable_multithreading = false;
  // Client messages are small JSON commands; the connection is closed (1009) past this.
  static const size_t max_message_size = 64 * 1024;
};

using WsServer = websocketpp::server<WsConfig>;
using WsConnection = WsServer::connection_ptr;
using WsMessage = WsServer::message_ptr;
using WsHandle = websocketpp::connection_hdl;

}  // namespace runnel::relay
