// The relay wire protocol (relay/PROTOCOL.md) as pure functions: client messages parsed, relay
// messages encoded. No sockets here, so every message shape is tested on its own.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace runnel::relay {

constexpr int kProtocolVersion = 1;

// A TCP target as the page names it: `localhost:9999`, `127.0.0.1:9999` or `[::1]:9999`.
struct TargetName {
  std::string host;  // lower-cased, without IPv6 brackets
  uint16_t port = 0;
  std::string key() const;  // canonical `host:port` (brackets around IPv6)
};
std::optional<TargetName> parseTargetName(std::string_view text);

// Appends `raw` as a JSON string literal. Bytes that are not valid UTF-8 become U+FFFD, as a UTF-8
// decoder (Spark's BufferedReader) would read them, so every text frame is valid UTF-8.
void appendJsonString(std::string& out, std::string_view raw);

enum class ClientMessageType { Subscribe, Unsubscribe };
enum class StartFrom { Offset, Earliest, Latest };
// How a subscription's lines travel: JSON text messages (the default, what the page reads) or
// binary messages whose JSON header line is followed by the raw lines (PROTOCOL.md, "lines").
enum class LinesEncoding { Json, Binary };

struct ClientMessage {
  ClientMessageType type = ClientMessageType::Subscribe;
  TargetName target;
  StartFrom start = StartFrom::Latest;
  uint64_t from = 0;  // with StartFrom::Offset
  LinesEncoding encoding = LinesEncoding::Json;
};

// How a client message failed: `fatal` ones close the connection (see PROTOCOL.md, close codes).
struct ProtocolError {
  std::string code;
  std::string message;
  bool fatal = false;
};

struct ParsedMessage {
  std::optional<ClientMessage> message;
  std::optional<ProtocolError> error;
};
ParsedMessage parseClientMessage(std::string_view text);

enum class TargetState { Connecting, Connected, Refused, Unreachable, Closed };
std::string_view targetStateName(TargetState state);

struct HelloInfo {
  std::string relay;  // "runnel 0.1.0"
  size_t max_line_bytes = 0;
  size_t max_message_bytes = 0;
  size_t max_subscriptions = 0;
};
std::string encodeHello(const HelloInfo& info);
std::string encodeSubscribed(const std::string& target, uint64_t from, uint64_t log_start,
                             uint64_t log_end, const std::string& log_id,
                             LinesEncoding encoding = LinesEncoding::Json);
std::string encodeUnsubscribed(const std::string& target);
std::string encodeState(const std::string& target, TargetState state, std::string_view message,
                        uint64_t retry_ms);
std::string encodeGap(const std::string& target, uint64_t from, uint64_t to);
std::string encodeLineTooLong(const std::string& target, uint64_t offset, uint64_t bytes,
                              uint64_t limit);
std::string encodeError(std::string_view code, std::string_view message);

// A JSON lines message is prefix + the lines as JSON strings (`"a","b"`) + suffix.
std::string linesPrefix(const std::string& target, uint32_t connection, uint64_t first_offset);
constexpr std::string_view kLinesSuffix = "]}";
// Appends the lines of `text` (each followed by '\n', as the log holds them) as `"a","b"`.
void appendJsonLines(std::string& out, std::string_view text);
// The header line of a binary lines message (its JSON object and '\n'); the lines follow as-is.
std::string binaryLinesHeader(const std::string& target, uint32_t connection, uint64_t first_offset,
                              size_t count);

}  // namespace runnel::relay
