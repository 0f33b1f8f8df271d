// One TCP connection per target (what `nc -lk` serves), shared by every tab that subscribed: it
// reconnects with backoff, frames lines into the target's log and stops reading while the log is
// full of lines a connected tab still needs (TCP flow control then holds the producer back).
#pragma once

#include <asio.hpp>
#include <chrono>
#include <string>
#include <vector>

#include "line_framer.h"
#include "line_log.h"
#include "protocol.h"

namespace runnel::relay {

class TargetConnection;

class TargetListener {
 public:
  virtual ~TargetListener() = default;
  virtual void targetLines(TargetConnection& target) = 0;
  virtual void targetState(TargetConnection& target) = 0;
  virtual void targetLineTooLong(TargetConnection& target, uint64_t offset, size_t bytes) = 0;
  // The oldest offset a connected tab still needs (endOffset() when none): the log keeps it.
  virtual uint64_t targetPinned(const TargetConnection& target) const = 0;
  // The newest offset a connected tab reads next (0 when none): the log keeps its newest bytes in
  // memory only while a tab is near them.
  virtual uint64_t targetLeading(const TargetConnection& target) const = 0;
};

struct TargetOptions {
  size_t max_line_bytes = size_t{1} << 20;
  LogLimits log;
  std::chrono::milliseconds backoff_initial{250};
  std::chrono::milliseconds backoff_max{5000};
};

class TargetConnection : private LineSink {
 public:
  TargetConnection(asio::io_context& io, TargetName name, TargetOptions options,
                   TargetListener& listener);
  TargetConnection(const TargetConnection&) = delete;
  TargetConnection& operator=(const TargetConnection&) = delete;

  void start();
  void stop();
  // Tabs have moved on: drop what the log may drop, and read again if reading was held back.
  void resumeReading();

  const std::string& key() const { return key_; }
  const std::string& logId() const { return log_id_; }
  const LineLog& log() const { return log_; }
  TargetState state() const { return state_; }
  const std::string& stateMessage() const { return state_message_; }
  uint64_t retryMs() const { return retry_ms_; }
  bool readingHeld() const { return held_; }

 private:
  void line(std::string_view text) override;
  void lines(std::string_view block, const std::vector<uint32_t>& ends) override;
  void lineTooLong(size_t bytes) override;

  void connect();
  void onConnected();
  void read();
  void onRead(const std::error_code& error, size_t bytes);
  void connectionLost(TargetState state, std::string message);
  void setState(TargetState state, std::string message, uint64_t retry_ms);

  asio::io_context& io_;
  TargetName name_;
  std::string key_;
  std::string log_id_;
  TargetOptions options_;
  TargetListener& listener_;
  asio::ip::tcp::socket socket_;
  asio::ip::tcp::resolver resolver_;
  asio::steady_timer timer_;  // reconnect backoff and read coalescing
  LineFramer framer_;
  LineLog log_;
  std::vector<char> buffer_;
  std::chrono::milliseconds backoff_;
  TargetState state_ = TargetState::Connecting;
  std::string state_message_;
  uint64_t retry_ms_ = 0;
  uint32_t connection_ = 0;  // 1 for the first successful connection, then +1 per reconnect
  bool held_ = false;        // not reading: the log is full of lines a tab still needs
  bool stopped_ = true;
  bool new_lines_ = false;
};

}  // namespace runnel::relay
