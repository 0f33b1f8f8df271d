// The WebSocket++ configuration of the relay: standalone Asio, one thread (no locks), small
// client messages, and a hook when a connection's write completes. Only relay/*.cpp include
// WebSocket++, always through this header.
#pragma once

#include <functional>
#include <limits>
#include <utility>
#include <vector>
#include <websocketpp/concurrency/none.hpp>
#include <websocketpp/config/asio_no_tls.hpp>
#include <websocketpp/server.hpp>

namespace runnel::relay {

// WebSocket++'s Asio connection, with two changes to its writes (WebSocket++ 0.8.2 has no hooks
// for either; the connection calls transport_con_type::async_write, so hiding it here is enough):
// - It is told when a frame write has completed: its queue has then moved into the next write, so
//   a paused tab can queue more at once instead of polling for room.
// - A write hands the kernel everything queued in one sendmsg. asio::async_write's default
//   (transfer_all) offers at most 64 KiB per call and each further call waits for a turn of the
//   event loop, behind a 256 KiB read of the target: while the relay reads a fast source, a tab
//   got 64 KiB per turn and its client, faster than that, sat idle (bulk1 lost a tenth).
template <typename Config>
class NotifyingTransport : public websocketpp::transport::asio::connection<Config> {
  using Base = websocketpp::transport::asio::connection<Config>;

 public:
  using Base::async_write;
  using Base::Base;

  void set_written_handler(std::function<void()> handler) { written_ = std::move(handler); }

  void async_write(const std::vector<websocketpp::transport::buffer>& buffers,
                   websocketpp::transport::write_handler handler) {
    buffers_.clear();
    for (const websocketpp::transport::buffer& buffer : buffers)
      buffers_.emplace_back(buffer.buf, buffer.len);
    asio::async_write(this->get_socket(), buffers_, WholeQueue{},
                      [this, alive = this->get_shared(), handler = std::move(handler)](
                          const std::error_code& error, size_t bytes) {
                        // WebSocket++ queues its next write (or closes) first.
                        this->handle_async_write(handler, error, bytes);
                        if (!error && written_) written_();
                      });
  }

 private:
  // asio::transfer_all, without its 64 KiB cap per system call.
  struct WholeQueue {
    size_t operator()(const std::error_code& error, size_t) const {
      return error ? 0 : std::numeric_limits<size_t>::max();
    }
  };

  std::function<void()> written_;
  std::vector<asio::const_buffer> buffers_;  // what the write in flight points at
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
