// The relay wire protocol without sockets: every example in relay/PROTOCOL.md, parsing rules,
// and the JSON encoding of lines.
#include "protocol.h"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

namespace runnel::relay {
namespace {

using nlohmann::json;

std::vector<std::string> protocolExamples() {
  std::ifstream in(RUNNEL_PROTOCOL_MD);
  std::stringstream text;
  text << in.rdbuf();
  std::vector<std::string> examples;
  std::string all = text.str();
  for (size_t at = all.find("```json\n"); at != std::string::npos; at = all.find("```json\n", at)) {
    size_t begin = at + 8;
    size_t end = all.find("```", begin);
    examples.push_back(all.substr(begin, end - begin));
    at = end + 3;
  }
  return examples;
}

// The relay's own encoder, fed with an example's fields, must give back the example.
std::string reencode(const json& m) {
  std::string type = m.at("type");
  auto target = [&] { return m.at("target").get<std::string>(); };
  if (type == "hello") {
    return encodeHello({m.at("relay"), m.at("max_line_bytes"), m.at("max_message_bytes"),
                        m.at("max_subscriptions")});
  }
  if (type == "subscribed") {
    return encodeSubscribed(target(), m.at("from"), m.at("log_start"), m.at("log_end"),
                            m.at("log_id"));
  }
  if (type == "unsubscribed") return encodeUnsubscribed(target());
  if (type == "state") {
    for (auto state : {TargetState::Connecting, TargetState::Connected, TargetState::Refused,
                       TargetState::Unreachable, TargetState::Closed}) {
      if (targetStateName(state) == m.at("state").get<std::string>()) {
        return encodeState(target(), state, m.value("message", ""), m.value("retry_ms", 0));
      }
    }
  }
  if (type == "gap") return encodeGap(target(), m.at("from"), m.at("to"));
  if (type == "line_too_long") {
    return encodeLineTooLong(target(), m.at("offset"), m.at("bytes"), m.at("limit"));
  }
  if (type == "error")
    return encodeError(m.at("code").get<std::string>(), m.at("message").get<std::string>());
  if (type == "lines") {
    std::string out = linesPrefix(target(), m.at("connection"), m.at("first_offset"));
    bool first = true;
    for (const auto& line : m.at("lines")) {
      if (!first) out.push_back(',');
      first = false;
      appendJsonString(out, line.get<std::string>());
    }
    return out + std::string(kLinesSuffix);
  }
  return "unknown type " + type;
}

TEST(RelayProtocol, EveryExampleInProtocolMdParses) {
  std::vector<std::string> examples = protocolExamples();
  ASSERT_GE(examples.size(), 14u) << "relay/PROTOCOL.md lost its examples";
  std::set<std::string> types;
  for (const std::string& example : examples) {
    SCOPED_TRACE(example);
    json message = json::parse(example);
    ASSERT_EQ(message.at("v"), 1);
    std::string type = message.at("type");
    types.insert(type);
    if (type == "subscribe" || type == "unsubscribe") {
      ParsedMessage parsed = parseClientMessage(example);
      ASSERT_TRUE(parsed.message.has_value());
      EXPECT_EQ(parsed.message->target.key(), message.at("target").get<std::string>());
    } else {
      // Same bytes as the relay sends, not only the same JSON value.
      EXPECT_EQ(reencode(message) + "\n", example);
    }
  }
  EXPECT_EQ(types, (std::set<std::string>{"subscribe", "unsubscribe", "hello", "subscribed",
                                          "unsubscribed", "state", "lines", "gap", "line_too_long",
                                          "error"}));
}

TEST(RelayProtocol, SubscribeStartingPoints) {
  auto parse = [](const char* text) { return parseClientMessage(text).message; };
  auto latest = parse(R"({"v":1,"type":"subscribe","target":"localhost:9999"})");
  ASSERT_TRUE(latest);
  EXPECT_EQ(latest->start, StartFrom::Latest);
  auto earliest =
      parse(R"({"v":1,"type":"subscribe","target":"LocalHost:9999","from":"earliest"})");
  ASSERT_TRUE(earliest);
  EXPECT_EQ(earliest->start, StartFrom::Earliest);
  EXPECT_EQ(earliest->target.key(), "localhost:9999");
  auto offset = parse(R"({"v":1,"type":"subscribe","target":"[::1]:9999","from":7,"extra":true})");
  ASSERT_TRUE(offset);
  EXPECT_EQ(offset->start, StartFrom::Offset);
  EXPECT_EQ(offset->from, 7u);
  EXPECT_EQ(offset->target.key(), "[::1]:9999");
}

TEST(RelayProtocol, BadMessagesGetStableCodes) {
  struct Case {
    const char* text;
    const char* code;
    bool fatal;
  };
  const Case cases[] = {
      {"not json", "bad_json", true},
      {"[1,2]", "bad_json", true},
      {R"({"type":"subscribe"})", "bad_version", true},
      {R"({"v":2,"type":"subscribe","target":"localhost:1"})", "unsupported_version", true},
      {R"({"v":1})", "bad_message", false},
      {R"({"v":1,"type":"dance"})", "unknown_type", false},
      {R"({"v":1,"type":"subscribe"})", "bad_target", false},
      {R"({"v":1,"type":"subscribe","target":"localhost"})", "bad_target", false},
      {R"({"v":1,"type":"subscribe","target":"localhost:99999"})", "bad_target", false},
      {R"({"v":1,"type":"subscribe","target":"a b:1"})", "bad_target", false},
      {R"({"v":1,"type":"subscribe","target":"localhost:1","from":-1})", "bad_message", false},
      {R"({"v":1,"type":"subscribe","target":"localhost:1","from":"now"})", "bad_message", false},
  };
  for (const Case& c : cases) {
    ParsedMessage parsed = parseClientMessage(c.text);
    ASSERT_TRUE(parsed.error.has_value()) << c.text;
    EXPECT_EQ(parsed.error->code, c.code) << c.text;
    EXPECT_EQ(parsed.error->fatal, c.fatal) << c.text;
    EXPECT_FALSE(parsed.message.has_value());
  }
  EXPECT_NE(parseClientMessage(R"({"v":2,"type":"x"})").error->message.find("version 1"),
            std::string::npos);
}

TEST(RelayProtocol, LinesAreValidJsonStringsWhateverTheBytes) {
  struct Case {
    std::string raw;
    std::string decoded;  // what JSON.parse gives the page
  };
  const std::vector<Case> cases = {
      {"plain words here", "plain words here"},
      {"quote \" back\\slash", "quote \" back\\slash"},
      {std::string("tab\tnul\0bell\x07", 13), std::string("tab\tnul\0bell\x07", 13)},
      {"caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80", "caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80"},
      {"bad \xFF byte", "bad \xEF\xBF\xBD byte"},
      {"cut \xE2\x82", "cut \xEF\xBF\xBD\xEF\xBF\xBD"},
      {"surrogate \xED\xA0\x80", "surrogate \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},
      {"overlong \xC0\xAF", "overlong \xEF\xBF\xBD\xEF\xBF\xBD"},
      {"a long line with nothing to escape for SWAR to skip over entirely ok",
       "a long line with nothing to escape for SWAR to skip over entirely ok"},
  };
  for (const Case& c : cases) {
    std::string out;
    appendJsonString(out, c.raw);
    json parsed = json::parse(out);  // throws on invalid UTF-8 or escapes
    EXPECT_EQ(parsed.get<std::string>(), c.decoded) << out;
  }
}

TEST(RelayProtocol, TargetNames) {
  EXPECT_EQ(parseTargetName("localhost:9999")->key(), "localhost:9999");
  EXPECT_EQ(parseTargetName("127.0.0.1:1")->port, 1);
  EXPECT_EQ(parseTargetName("[::1]:80")->host, "::1");
  for (const char* bad : {"", ":9", "host:", "host:0", "host:x", "::1:80", "[::1:80", "h/x:1"}) {
    EXPECT_FALSE(parseTargetName(bad).has_value()) << bad;
  }
}

TEST(RelayProtocol, SubscribeMayAskForBinaryLines) {
  auto binary = parseClientMessage(
      R"({"v":1,"type":"subscribe","target":"localhost:9999","encoding":"binary"})");
  ASSERT_TRUE(binary.message);
  EXPECT_EQ(binary.message->encoding, LinesEncoding::Binary);
  auto plain = parseClientMessage(R"({"v":1,"type":"subscribe","target":"localhost:9999"})");
  ASSERT_TRUE(plain.message);
  EXPECT_EQ(plain.message->encoding, LinesEncoding::Json);
  auto bad = parseClientMessage(
      R"({"v":1,"type":"subscribe","target":"localhost:9999","encoding":"utf16"})");
  ASSERT_TRUE(bad.error);
  EXPECT_EQ(bad.error->code, "bad_message");
  EXPECT_FALSE(bad.error->fatal);
  EXPECT_EQ(encodeSubscribed("localhost:9999", 0, 0, 0, "id", LinesEncoding::Binary),
            R"({"v":1,"type":"subscribed","target":"localhost:9999","from":0,"log_start":0,)"
            R"("log_end":0,"log_id":"id","encoding":"binary"})");
}

TEST(RelayProtocol, BinaryLinesHeaderIsOneJsonLine) {
  std::string header = binaryLinesHeader("localhost:9999", 1, 42, 2);
  ASSERT_EQ(header.back(), '\n');
  EXPECT_EQ(header.find('\n'), header.size() - 1);
  json m = json::parse(header);
  EXPECT_EQ(m.at("type"), "lines");
  EXPECT_EQ(m.at("first_offset"), 42);
  EXPECT_EQ(m.at("count"), 2);
  EXPECT_EQ(m.at("connection"), 1);
}

TEST(RelayProtocol, JsonLinesFromLogBytesKeepEveryLineWhole) {
  std::string out = linesPrefix("localhost:9999", 1, 0);
  appendJsonLines(out, "a \"b\"\n\nc\td\n");
  out.append(kLinesSuffix);
  EXPECT_EQ(json::parse(out).at("lines"), (std::vector<std::string>{"a \"b\"", "", "c\td"}));
}

}  // namespace
}  // namespace runnel::relay
