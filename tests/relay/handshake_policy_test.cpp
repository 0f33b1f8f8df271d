// Handshake rules without sockets: path, Host (DNS rebinding), Origin, token; target allow-list.
#include "handshake_policy.h"

#include <gtest/gtest.h>

#include "relay_config.h"

namespace runnel::relay {
namespace {

HandshakePolicy loopbackServe() {
  RelayConfig config;
  config.static_root = "/tmp";
  config.allow_origins = {"http://localhost:5173"};
  return handshakePolicyFor(config, 8080);
}

TEST(HandshakePolicy, LoopbackServe) {
  HandshakePolicy policy = loopbackServe();
  struct Case {
    const char* resource;
    const char* host;
    const char* origin;
    int status;
  };
  const Case cases[] = {
      {"/ws", "127.0.0.1:8080", "http://127.0.0.1:8080", 101},
      {"/ws", "localhost:8080", "http://localhost:8080", 101},
      {"/ws", "LOCALHOST:8080", "http://localhost:8080", 101},
      {"/ws", "[::1]:8080", "http://[::1]:8080", 101},
      {"/ws", "localhost:8080", "http://localhost:5173", 101},  // --allow-origin
      {"/ws", "localhost:8080", "", 101},                       // no Origin: a script
      {"/ws?x=1", "localhost:8080", "", 101},
      {"/", "localhost:8080", "", 404},
      {"/wsx", "localhost:8080", "", 404},
      {"/ws", "evil.example:8080", "http://evil.example:8080", 403},  // DNS rebinding
      {"/ws", "localhost:9090", "", 403},
      {"/ws", "localhost:8080", "http://evil.example", 403},
      {"/ws", "localhost:8080", "http://127.0.0.1:8080", 403},  // another origin than the Host's
      {"/ws", "localhost:8080", "null", 403},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(checkHandshake(policy, {c.resource, c.host, c.origin}).status, c.status)
        << c.resource << " " << c.host << " " << c.origin;
  }
}

TEST(HandshakePolicy, RelayOnlyNeedsAnAllowedOrigin) {
  RelayConfig config;  // runnel relay: serves no page, so no same-origin page exists
  HandshakePolicy policy = handshakePolicyFor(config, 8081);
  EXPECT_EQ(checkHandshake(policy, {"/ws", "localhost:8081", "http://localhost:8081"}).status, 403);
  EXPECT_EQ(checkHandshake(policy, {"/ws", "localhost:8081", ""}).status, 101);
}

TEST(HandshakePolicy, NetworkBindNeedsTheToken) {
  RelayConfig config;
  config.host = "0.0.0.0";
  config.static_root = "/tmp";
  ASSERT_FALSE(finalizeConfig(config).has_value());
  ASSERT_EQ(config.token.size(), 32u);  // generated
  HandshakePolicy policy = handshakePolicyFor(config, 8080);
  std::string with_token = "/ws?token=" + config.token;
  const char* origin = "http://teacher.local:8080";
  EXPECT_EQ(checkHandshake(policy, {with_token, "teacher.local:8080", origin}).status, 101);
  EXPECT_EQ(checkHandshake(policy, {with_token, "10.1.2.3:8080", ""}).status, 101);
  EXPECT_EQ(checkHandshake(policy, {"/ws", "teacher.local:8080", origin}).status, 403);
  EXPECT_EQ(checkHandshake(policy, {"/ws", "10.1.2.3:8080", ""}).status, 403);
  EXPECT_EQ(checkHandshake(policy, {"/ws?token=wrong", "10.1.2.3:8080", ""}).status, 403);
  EXPECT_EQ(checkHandshake(policy, {with_token + "x", "10.1.2.3:8080", ""}).status, 403);
}

TEST(HandshakePolicy, ConfigErrorsSayHowToFix) {
  RelayConfig bad_target;
  bad_target.allow_targets = {"nohost"};
  EXPECT_NE(finalizeConfig(bad_target).value().find("--allow-target"), std::string::npos);
  RelayConfig bad_origin;
  bad_origin.allow_origins = {"localhost:5173"};
  EXPECT_NE(finalizeConfig(bad_origin).value().find("http://"), std::string::npos);
  RelayConfig short_token;
  short_token.token = "abc";
  EXPECT_TRUE(finalizeConfig(short_token).has_value());
}

TEST(HandshakePolicy, TargetsAreLoopbackUnlessAllowed) {
  RelayConfig config;
  config.allow_targets = {"10.0.0.5:9999"};
  ASSERT_FALSE(finalizeConfig(config).has_value());
  for (const char* ok :
       {"localhost:9999", "127.0.0.1:1", "127.1.2.3:5", "[::1]:9", "10.0.0.5:9999"}) {
    EXPECT_TRUE(targetAllowed(config, *parseTargetName(ok))) << ok;
  }
  for (const char* no :
       {"10.0.0.5:9998", "example.com:80", "0.0.0.0:9999", "127.0.0.1.evil.com:1"}) {
    EXPECT_FALSE(targetAllowed(config, *parseTargetName(no))) << no;
  }
}

TEST(HandshakePolicy, QueryParameters) {
  EXPECT_EQ(queryParameter("/ws?token=abc", "token"), "abc");
  EXPECT_EQ(queryParameter("/ws?a=1&token=abc&b", "token"), "abc");
  EXPECT_EQ(queryParameter("/ws?tokens=abc", "token"), "");
  EXPECT_EQ(requestPath("/ws?token=abc"), "/ws");
}

TEST(RelayConfig, Sizes) {
  EXPECT_EQ(parseSize("64MiB"), size_t{64} << 20);
  EXPECT_EQ(parseSize("512k"), size_t{512} << 10);
  EXPECT_EQ(parseSize("1000"), 1000u);
  EXPECT_FALSE(parseSize("MiB").has_value());
  EXPECT_FALSE(parseSize("12 parsecs").has_value());
}

}  // namespace
}  // namespace runnel::relay
