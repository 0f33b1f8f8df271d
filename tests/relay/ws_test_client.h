// Test-side peers of the relay on the test's io_context: a WebSocket++ client that records every
// message, a raw HTTP request for what a browser would not send, and a deadline-bounded poll loop.
#pragma once

#include <asio.hpp>
#include <chrono>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>
#include <websocketpp/client.hpp>
#include <websocketpp/config/asio_no_tls_client.hpp>

namespace runnel::relay::test {

// Runs the given io_contexts until `done()` holds or `timeout` passes; returns done().
bool runUntil(std::vector<asio::io_context*> ios, const std::function<bool()>& done,
              std::chrono::milliseconds timeout = std::chrono::seconds(20));

class WsTestClient {
 public:
  explicit WsTestClient(asio::io_context& io);
  ~WsTestClient();

  void connect(const std::string& url, const std::string& origin = "");
  void setReceiveBuffer(int bytes);  // before connect()
  void send(const nlohmann::json& message);
  void sendRaw(const std::string& text);
  void close();

  bool isOpen() const { return open_; }
  bool failed() const { return failed_; }
  bool closed() const { return closed_; }
  int httpStatus() const { return http_status_; }
  int closeCode() const { return close_code_; }

  const std::vector<nlohmann::json>& messages() const { return messages_; }
  std::vector<nlohmann::json> messagesOfType(const std::string& type) const;
  bool hasMessage(const std::string& type, const std::string& key = "",
                  const nlohmann::json& value = nullptr) const;
  // Lines received so far, checking that each message starts where the previous one ended.
  const std::vector<std::string>& lines() const { return lines_; }
  uint64_t firstOffset() const { return first_offset_; }
  bool offsetsContiguous() const { return contiguous_; }
  size_t linesMessages() const { return lines_messages_; }

 private:
  using Client = websocketpp::client<websocketpp::config::asio_client>;
  Client client_;
  websocketpp::connection_hdl handle_;
  std::vector<nlohmann::json> messages_;
  std::vector<std::string> lines_;
  uint64_t first_offset_ = 0;
  uint64_t next_offset_ = 0;
  bool contiguous_ = true;
  size_t lines_messages_ = 0;
  bool open_ = false, failed_ = false, closed_ = false;
  int http_status_ = 0, close_code_ = 0;
};

// One HTTP/1.1 request over a raw socket (bad Host headers, traversal paths); the response text
// is complete once done() is true.
class RawHttp {
 public:
  RawHttp(asio::io_context& io, uint16_t port, std::string request);
  bool done() const { return done_; }
  int status() const;
  const std::string& response() const { return response_; }

 private:
  void readMore();
  asio::ip::tcp::socket socket_;
  std::string request_;
  std::string response_;
  std::array<char, 4096> buffer_{};
  bool done_ = false;
};

std::string upgradeRequest(const std::string& resource, const std::string& host,
                           const std::string& origin = "");

}  // namespace runnel::relay::test
