// The relay wire protocol: parsing client messages and encoding relay messages (PROTOCOL.md).
#include "protocol.h"

#include <cctype>
#include <cstring>
#include <nlohmann/json.hpp>

namespace runnel::relay {

namespace {

constexpr uint64_t kOnes = ~uint64_t{0} / 255;
constexpr uint64_t kHighs = kOnes * 0x80;

// Non-zero when one of the 8 bytes is a control character, '"', '\\' or non-ASCII.
uint64_t needsCare(uint64_t x) {
  auto has_zero = [](uint64_t v) { return (v - kOnes) & ~v & kHighs; };
  uint64_t below_space = (x - kOnes * 0x20) & ~x & kHighs;
  return below_space | has_zero(x ^ (kOnes * '"')) | has_zero(x ^ (kOnes * '\\')) | (x & kHighs);
}

// Length of the valid UTF-8 sequence at p (1-4), or 0 when it is not valid.
size_t utf8Length(const unsigned char* p, size_t n) {
  unsigned char c = p[0];
  size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
  if (len == 0 || c > 0xF4 || len > n) return 0;
  for (size_t i = 1; i < len; ++i) {
    if ((p[i] & 0xC0) != 0x80) return 0;
  }
  if (c == 0xE0 && p[1] < 0xA0) return 0;   // overlong
  if (c == 0xED && p[1] >= 0xA0) return 0;  // UTF-16 surrogate
  if (c == 0xF0 && p[1] < 0x90) return 0;   // overlong
  if (c == 0xF4 && p[1] >= 0x90) return 0;  // above U+10FFFF
  return len;
}

void appendEscaped(std::string& out, const unsigned char* p, size_t n, size_t& i) {
  unsigned char c = p[i];
  if (c >= 0x80) {
    size_t len = utf8Length(p + i, n - i);
    if (len == 0) {
      out.append("\xEF\xBF\xBD");
      ++i;
    } else {
      out.append(reinterpret_cast<const char*>(p + i), len);
      i += len;
    }
    return;
  }
  ++i;
  switch (c) {
    case '"':
      out.append("\\\"");
      return;
    case '\\':
      out.append("\\\\");
      return;
    case '\n':
      out.append("\\n");
      return;
    case '\r':
      out.append("\\r");
      return;
    case '\t':
      out.append("\\t");
      return;
    default:
      break;
  }
  if (c < 0x20) {
    static constexpr char kHex[] = "0123456789abcdef";
    char buf[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
    out.append(buf, sizeof buf);
  } else {
    out.push_back(static_cast<char>(c));
  }
}

ProtocolError error(std::string code, std::string message, bool fatal = false) {
  return ProtocolError{std::move(code), std::move(message), fatal};
}

std::string envelope(std::string_view type) {
  std::string out = R"({"v":1,"type":")";
  out.append(type);
  out.push_back('"');
  return out;
}

void field(std::string& out, std::string_view name, std::string_view text) {
  out.append(",\"").append(name).append("\":");
  appendJsonString(out, text);
}

void field(std::string& out, std::string_view name, uint64_t number) {
  out.append(",\"").append(name).append("\":").append(std::to_string(number));
}

}  // namespace

std::string TargetName::key() const {
  bool v6 = host.find(':') != std::string::npos;
  return (v6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

std::optional<TargetName> parseTargetName(std::string_view text) {
  size_t colon = text.rfind(':');
  if (colon == std::string_view::npos || colon == 0 || colon + 1 == text.size()) return {};
  std::string_view host = text.substr(0, colon);
  std::string_view port = text.substr(colon + 1);
  if (host.front() == '[') {
    if (host.size() < 3 || host.back() != ']') return {};
    host = host.substr(1, host.size() - 2);
  } else if (host.find(':') != std::string_view::npos) {
    return {};  // IPv6 needs brackets
  }
  if (port.size() > 5) return {};
  unsigned value = 0;
  for (char c : port) {
    if (c < '0' || c > '9') return {};
    value = value * 10 + unsigned(c - '0');
  }
  if (value == 0 || value > 65535) return {};
  TargetName name;
  for (char c : host) {
    bool ok = std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == ':';
    if (!ok) return {};
    name.host.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  name.port = static_cast<uint16_t>(value);
  return name;
}

void appendJsonString(std::string& out, std::string_view raw) {
  const auto* p = reinterpret_cast<const unsigned char*>(raw.data());
  size_t n = raw.size();
  out.reserve(out.size() + n + 2);
  out.push_back('"');
  size_t i = 0;
  while (i < n) {
    size_t plain = i;
    while (plain + 8 <= n) {
      uint64_t word;
      std::memcpy(&word, p + plain, 8);
      if (needsCare(word)) break;
      plain += 8;
    }
    while (plain < n && p[plain] >= 0x20 && p[plain] < 0x80 && p[plain] != '"' &&
           p[plain] != '\\') {
      ++plain;
    }
    out.append(reinterpret_cast<const char*>(p + i), plain - i);
    i = plain;
    if (i < n) appendEscaped(out, p, n, i);
  }
  out.push_back('"');
}

ParsedMessage parseClientMessage(std::string_view text) {
  nlohmann::json json = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
  if (json.is_discarded() || !json.is_object()) {
    return {{}, error("bad_json", "a message must be one JSON object", true)};
  }
  auto v = json.find("v");
  if (v == json.end() || !v->is_number_integer()) {
    return {{}, error("bad_version", "a message must carry \"v\": 1", true)};
  }
  if (v->get<int64_t>() != kProtocolVersion) {
    return {{},
            error("unsupported_version",
                  "this relay speaks protocol version 1, the message uses version " + v->dump() +
                      " (update runnel or reload the page)",
                  true)};
  }
  auto type = json.find("type");
  if (type == json.end() || !type->is_string()) {
    return {{}, error("bad_message", "a message must have a string \"type\"")};
  }
  ClientMessage message;
  const std::string& name = type->get_ref<const std::string&>();
  if (name == "subscribe") {
    message.type = ClientMessageType::Subscribe;
  } else if (name == "unsubscribe") {
    message.type = ClientMessageType::Unsubscribe;
  } else {
    return {{}, error("unknown_type", "unknown message type \"" + name + "\"")};
  }
  auto target = json.find("target");
  std::optional<TargetName> parsed;
  if (target != json.end() && target->is_string()) {
    parsed = parseTargetName(target->get_ref<const std::string&>());
  }
  if (!parsed) {
    return {{}, error("bad_target", "\"target\" must be \"host:port\", e.g. \"localhost:9999\"")};
  }
  message.target = *parsed;
  auto from = json.find("from");
  if (message.type == ClientMessageType::Subscribe && from != json.end()) {
    if (from->is_number_unsigned()) {
      message.start = StartFrom::Offset;
      message.from = from->get<uint64_t>();
    } else if (from->is_string() && *from == "earliest") {
      message.start = StartFrom::Earliest;
    } else if (from->is_string() && *from == "latest") {
      message.start = StartFrom::Latest;
    } else {
      return {{},
              error("bad_message", "\"from\" must be an offset >= 0, \"earliest\" or \"latest\"")};
    }
  }
  auto encoding = json.find("encoding");
  if (message.type == ClientMessageType::Subscribe && encoding != json.end()) {
    if (encoding->is_string() && *encoding == "binary") {
      message.encoding = LinesEncoding::Binary;
    } else if (!encoding->is_string() || *encoding != "json") {
      return {{}, error("bad_message", "\"encoding\" must be \"json\" or \"binary\"")};
    }
  }
  return {message, {}};
}

std::string_view targetStateName(TargetState state) {
  switch (state) {
    case TargetState::Connecting:
      return "connecting";
    case TargetState::Connected:
      return "connected";
    case TargetState::Refused:
      return "refused";
    case TargetState::Unreachable:
      return "unreachable";
    case TargetState::Closed:
      return "closed";
  }
  return "closed";
}

std::string encodeHello(const HelloInfo& info) {
  std::string out = envelope("hello");
  field(out, "relay", info.relay);
  field(out, "max_line_bytes", info.max_line_bytes);
  field(out, "max_message_bytes", info.max_message_bytes);
  field(out, "max_subscriptions", info.max_subscriptions);
  return out + "}";
}

std::string encodeSubscribed(const std::string& target, uint64_t from, uint64_t log_start,
                             uint64_t log_end, const std::string& log_id, LinesEncoding encoding) {
  std::string out = envelope("subscribed");
  field(out, "target", target);
  field(out, "from", from);
  field(out, "log_start", log_start);
  field(out, "log_end", log_end);
  field(out, "log_id", log_id);
  // Named only when binary, so a client that asked for it knows this relay understood.
  if (encoding == LinesEncoding::Binary) field(out, "encoding", std::string_view("binary"));
  return out + "}";
}

std::string encodeUnsubscribed(const std::string& target) {
  std::string out = envelope("unsubscribed");
  field(out, "target", target);
  return out + "}";
}

std::string encodeState(const std::string& target, TargetState state, std::string_view message,
                        uint64_t retry_ms) {
  std::string out = envelope("state");
  field(out, "target", target);
  field(out, "state", targetStateName(state));
  if (!message.empty()) field(out, "message", message);
  if (retry_ms > 0) field(out, "retry_ms", retry_ms);
  return out + "}";
}

std::string encodeGap(const std::string& target, uint64_t from, uint64_t to) {
  std::string out = envelope("gap");
  field(out, "target", target);
  field(out, "from", from);
  field(out, "to", to);
  return out + "}";
}

std::string encodeLineTooLong(const std::string& target, uint64_t offset, uint64_t bytes,
                              uint64_t limit) {
  std::string out = envelope("line_too_long");
  field(out, "target", target);
  field(out, "offset", offset);
  field(out, "bytes", bytes);
  field(out, "limit", limit);
  return out + "}";
}

std::string encodeError(std::string_view code, std::string_view message) {
  std::string out = envelope("error");
  field(out, "code", code);
  field(out, "message", message);
  return out + "}";
}

std::string linesPrefix(const std::string& target, uint32_t connection, uint64_t first_offset) {
  std::string out = envelope("lines");
  field(out, "target", target);
  field(out, "connection", uint64_t{connection});
  field(out, "first_offset", first_offset);
  return out + ",\"lines\":[";
}

void appendJsonLines(std::string& out, std::string_view text) {
  out.reserve(out.size() + text.size() + text.size() / 8 + 16);
  bool first = true;
  while (!text.empty()) {
    size_t nl = text.find('\n');
    if (!first) out.push_back(',');
    first = false;
    appendJsonString(out, text.substr(0, nl));
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
  }
}

std::string binaryLinesHeader(const std::string& target, uint32_t connection, uint64_t first_offset,
                              size_t count) {
  std::string out = envelope("lines");
  field(out, "target", target);
  field(out, "connection", uint64_t{connection});
  field(out, "first_offset", first_offset);
  field(out, "count", uint64_t{count});
  return out + "}\n";
}

}  // namespace runnel::relay
