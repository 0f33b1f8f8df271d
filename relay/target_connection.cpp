// The relay's TCP side: one connection per target, reconnect with backoff, lines into the log.
#include "target_connection.h"

#include <random>

namespace runnel::relay {

namespace {
// A read that fills less than this leaves the rest of the buffer to the kernel for a moment, so a
// producer writing line by line costs one read per millisecond rather than one per line.
constexpr size_t kReadBytes = size_t{256} << 10;
constexpr auto kCoalesce = std::chrono::milliseconds(1);

std::string newLogId() {
  std::random_device device;
  char text[17];
  unsigned long long value = (static_cast<unsigned long long>(device()) << 32) | device();
  static constexpr char kHex[] = "0123456789abcdef";
  for (int i = 0; i < 16; ++i)
    text[i] = kHex[(value >> (i * 4)) & 15];
  text[16] = 0;
  return text;
}
}  // namespace

TargetConnection::TargetConnection(asio::io_context& io, TargetName name, TargetOptions options,
                                   TargetListener& listener)
    : io_(io),
      name_(std::move(name)),
      key_(name_.key()),
      log_id_(newLogId()),
      options_(options),
      listener_(listener),
      socket_(io),
      resolver_(io),
      timer_(io),
      framer_(options.max_line_bytes),
      log_(options.log),
      backoff_(options.backoff_initial) {}

void TargetConnection::start() {
  if (!stopped_) return;
  stopped_ = false;
  connect();
}

void TargetConnection::stop() {
  stopped_ = true;
  std::error_code ignored;
  socket_.close(ignored);
  timer_.cancel();
  resolver_.cancel();
}

void TargetConnection::setState(TargetState state, std::string message, uint64_t retry_ms) {
  state_ = state;
  state_message_ = std::move(message);
  retry_ms_ = retry_ms;
  listener_.targetState(*this);
}

void TargetConnection::connect() {
  if (stopped_) return;
  if (state_ != TargetState::Refused && state_ != TargetState::Unreachable) {
    setState(TargetState::Connecting, "", 0);
  }
  auto done = [this](const std::error_code& error, const asio::ip::tcp::endpoint&) {
    if (error == asio::error::operation_aborted || stopped_) return;
    if (!error) return onConnected();
    bool refused = error == asio::error::connection_refused;
    connectionLost(refused ? TargetState::Refused : TargetState::Unreachable,
                   refused ? "Connection refused" : error.message());
  };
  // Loopback names need no resolver (whose thread we avoid); `localhost` may be either family.
  std::vector<asio::ip::tcp::endpoint> endpoints;
  std::error_code parse_error;
  auto address = asio::ip::make_address(name_.host, parse_error);
  if (!parse_error) {
    endpoints.emplace_back(address, name_.port);
  } else if (name_.host == "localhost") {
    endpoints.emplace_back(asio::ip::address_v4::loopback(), name_.port);
    endpoints.emplace_back(asio::ip::address_v6::loopback(), name_.port);
  }
  if (!endpoints.empty()) {
    asio::async_connect(socket_, endpoints, done);
    return;
  }
  resolver_.async_resolve(
      name_.host, std::to_string(name_.port),
      [this, done](const std::error_code& error, asio::ip::tcp::resolver::results_type results) {
        if (error == asio::error::operation_aborted || stopped_) return;
        if (error) return done(error, {});
        asio::async_connect(socket_, results, done);
      });
}

void TargetConnection::onConnected() {
  ++connection_;
  backoff_ = options_.backoff_initial;
  std::error_code ignored;
  socket_.set_option(asio::ip::tcp::no_delay(true), ignored);
  setState(TargetState::Connected, "", 0);
  read();
}

void TargetConnection::connectionLost(TargetState state, std::string message) {
  std::error_code ignored;
  socket_.close(ignored);
  uint64_t retry = static_cast<uint64_t>(backoff_.count());
  setState(state, std::move(message), retry);
  timer_.expires_after(backoff_);
  timer_.async_wait([this](const std::error_code& error) {
    if (!error) connect();
  });
  backoff_ = std::min(backoff_ * 2, options_.backoff_max);
}

void TargetConnection::read() {
  if (stopped_ || !socket_.is_open()) return;
  log_.trim(listener_.targetPinned(*this));
  if (log_.full()) {
    held_ = true;  // resumeReading() continues once the slowest tab has moved on
    return;
  }
  held_ = false;
  buffer_.resize(kReadBytes);
  socket_.async_read_some(asio::buffer(buffer_), [this](const std::error_code& error,
                                                        size_t bytes) { onRead(error, bytes); });
}

void TargetConnection::onRead(const std::error_code& error, size_t bytes) {
  if (error == asio::error::operation_aborted || stopped_) return;
  if (bytes > 0) {
    log_.setLeadingReader(listener_.targetLeading(*this));
    framer_.feed(std::string_view(buffer_.data(), bytes), *this);
  }
  if (error) {
    if (error == asio::error::eof) {
      framer_.finish(*this);  // readLine() returns a last line without '\n'
    } else {
      framer_.reset();
    }
    log_.commit();
    if (new_lines_) listener_.targetLines(*this);
    new_lines_ = false;
    connectionLost(TargetState::Closed,
                   error == asio::error::eof ? "Stream closed by " + key_ : error.message());
    return;
  }
  log_.commit();  // one file write per read
  if (new_lines_) listener_.targetLines(*this);
  new_lines_ = false;
  if (bytes * 4 >= buffer_.size()) return read();
  timer_.expires_after(kCoalesce);
  timer_.async_wait([this](const std::error_code& wait_error) {
    if (!wait_error) read();
  });
}

void TargetConnection::resumeReading() {
  if (!held_) {
    log_.trim(listener_.targetPinned(*this));
    return;
  }
  read();
}

void TargetConnection::line(std::string_view text) {
  log_.append(text, connection_);
  new_lines_ = true;
}

void TargetConnection::lines(std::string_view block, const std::vector<uint32_t>& ends) {
  log_.appendLines(block, ends, connection_);
  new_lines_ = true;
}

void TargetConnection::lineTooLong(size_t bytes) {
  log_.commit();  // its offset is the end of what was read before it
  listener_.targetLineTooLong(*this, log_.endOffset(), bytes);
}

}  // namespace runnel::relay
