// Test peers for the relay's loopback tests (WebSocket++ client, raw HTTP, polling with deadlines).
#include "ws_test_client.h"

namespace runnel::relay::test {

bool runUntil(std::vector<asio::io_context*> ios, const std::function<bool()>& done,
              std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!done()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    for (asio::io_context* io : ios) {
      io->restart();
      io->run_for(std::chrono::milliseconds(2));
    }
  }
  return true;
}

WsTestClient::WsTestClient(asio::io_context& io) {
  client_.clear_access_channels(websocketpp::log::alevel::all);
  client_.clear_error_channels(websocketpp::log::elevel::all);
  client_.init_asio(&io);
}

WsTestClient::~WsTestClient() {
  std::error_code ignored;
  if (open_) client_.close(handle_, websocketpp::close::status::normal, "", ignored);
}

void WsTestClient::connect(const std::string& url, const std::string& origin) {
  std::error_code error;
  Client::connection_ptr connection = client_.get_connection(url, error);
  if (error) throw std::system_error(error);
  if (!origin.empty()) connection->append_header("Origin", origin);
  connection->set_open_handler([this](websocketpp::connection_hdl) { open_ = true; });
  connection->set_fail_handler([this](websocketpp::connection_hdl h) {
    failed_ = true;
    http_status_ = client_.get_con_from_hdl(h)->get_response_code();
  });
  connection->set_close_handler([this](websocketpp::connection_hdl h) {
    open_ = false;
    closed_ = true;
    close_code_ = client_.get_con_from_hdl(h)->get_remote_close_code();
  });
  connection->set_message_handler([this](websocketpp::connection_hdl, Client::message_ptr m) {
    nlohmann::json message = nlohmann::json::parse(m->get_payload());
    if (message.value("type", "") == "lines") {
      uint64_t first = message.at("first_offset");
      if (lines_messages_ == 0) {
        first_offset_ = first;
      } else if (first != next_offset_) {
        contiguous_ = false;
      }
      ++lines_messages_;
      for (const auto& line : message.at("lines"))
        lines_.push_back(line.get<std::string>());
      next_offset_ = first + message.at("lines").size();
    }
    messages_.push_back(std::move(message));
  });
  handle_ = connection->get_handle();
  client_.connect(connection);
}

void WsTestClient::setReceiveBuffer(int bytes) {
  client_.set_socket_init_handler([bytes](websocketpp::connection_hdl, asio::ip::tcp::socket& s) {
    std::error_code ignored;
    s.set_option(asio::socket_base::receive_buffer_size(bytes), ignored);
  });
}

void WsTestClient::send(const nlohmann::json& message) {
  sendRaw(message.dump());
}

void WsTestClient::sendRaw(const std::string& text) {
  std::error_code error;
  client_.send(handle_, text, websocketpp::frame::opcode::text, error);
  if (error) throw std::system_error(error);
}

void WsTestClient::close() {
  std::error_code ignored;
  client_.close(handle_, websocketpp::close::status::normal, "bye", ignored);
}

std::vector<nlohmann::json> WsTestClient::messagesOfType(const std::string& type) const {
  std::vector<nlohmann::json> out;
  for (const auto& m : messages_) {
    if (m.value("type", "") == type) out.push_back(m);
  }
  return out;
}

bool WsTestClient::hasMessage(const std::string& type, const std::string& key,
                              const nlohmann::json& value) const {
  for (const auto& m : messages_) {
    if (m.value("type", "") != type) continue;
    if (key.empty() || (m.contains(key) && m.at(key) == value)) return true;
  }
  return false;
}

RawHttp::RawHttp(asio::io_context& io, uint16_t port, std::string request)
    : socket_(io), request_(std::move(request)) {
  asio::ip::tcp::endpoint endpoint(asio::ip::address_v4::loopback(), port);
  socket_.async_connect(endpoint, [this](const std::error_code& error) {
    if (error) {
      done_ = true;
      return;
    }
    asio::async_write(socket_, asio::buffer(request_),
                      [this](const std::error_code&, size_t) { readMore(); });
  });
}

void RawHttp::readMore() {
  socket_.async_read_some(asio::buffer(buffer_), [this](const std::error_code& error, size_t n) {
    response_.append(buffer_.data(), n);
    // The relay closes after an HTTP response; a refused upgrade also ends with the body.
    bool upgraded =
        response_.find("\r\n\r\n") != std::string::npos && response_.rfind("HTTP/1.1 101", 0) == 0;
    if (error || upgraded) {
      done_ = true;
      return;
    }
    readMore();
  });
}

int RawHttp::status() const {
  if (response_.size() < 12) return 0;
  return std::stoi(response_.substr(9, 3));
}

std::string upgradeRequest(const std::string& resource, const std::string& host,
                           const std::string& origin) {
  std::string request = "GET " + resource + " HTTP/1.1\r\nHost: " + host +
                        "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                        "Sec-WebSocket-Version: 13\r\n";
  if (!origin.empty()) request += "Origin: " + origin + "\r\n";
  return request + "\r\n";
}

}  // namespace runnel::relay::test
