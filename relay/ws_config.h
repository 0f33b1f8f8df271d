// The WebSocket++ configuration of the relay: standalone Asio, one thread (no locks), small
// client messages. Only relay/*.cpp include WebSocket++, always through this header.
#pragma once

#include <websocketpp/concurrency/none.hpp>
#include <websocketpp/config/asio_no_tls.hpp>
#include <websocketpp/server.hpp>

namespace runnel::relay {

struct WsConfig : websocketpp::config::asio {
  using concurrency_type = websocketpp::concurrency::none;
  struct transport_config : websocketpp::config::asio::transport_config {
    using concurrency_type = websocketpp::concurrency::none;
  };
  using transport_type = websocketpp::transport::asio::endpoint<transport_config>;
  static const bool enable_multithreading = false;
  // Client messages are small JSON commands; the connection is closed (1009) past this.
  static const size_t max_message_size = 64 * 1024;
};

using WsServer = websocketpp::server<WsConfig>;
using WsConnection = WsServer::connection_ptr;
using WsMessage = WsServer::message_ptr;
using WsHandle = websocketpp::connection_hdl;

}  // namespace runnel::relay
