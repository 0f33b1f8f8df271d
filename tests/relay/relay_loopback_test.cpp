// The relay with real sockets on 127.0.0.1: nc -lk -> relay -> WebSocket++ clients, all on the
// test's thread (one io_context per peer group), every wait bounded by a deadline.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <memory>

#include "netcat_process.h"
#include "relay_server.h"
#include "ws_test_client.h"

namespace runnel::relay::test {
namespace {

using nlohmann::json;

class RelayLoopback : public ::testing::Test {
 protected:
  void startRelay(RelayConfig config = {}) {
    config.host = "127.0.0.1";
    config.port = 0;
    config.quiet = true;
    config.backoff_initial = std::chrono::milliseconds(20);
    config.backoff_max = std::chrono::milliseconds(200);
    ASSERT_FALSE(finalizeConfig(config).has_value());
    relay_ = std::make_unique<RelayServer>(io_, config);
    relay_->listen();
  }
  std::string wsUrl(const std::string& query = "") const {
    return "ws://127.0.0.1:" + std::to_string(relay_->port()) + "/ws" + query;
  }
  std::string target() const { return "localhost:" + std::to_string(nc_port_); }
  json subscribe(const json& from = "latest") const {
    return {{"v", 1}, {"type", "subscribe"}, {"target", target()}, {"from", from}};
  }
  std::unique_ptr<WsTestClient> openTab(const json& from = "latest") {
    auto tab = std::make_unique<WsTestClient>(io_);
    tab->connect(wsUrl());
    EXPECT_TRUE(runUntil({&io_}, [&] { return tab->isOpen(); }));
    tab->send(subscribe(from));
    return tab;
  }
  bool connected(const WsTestClient& tab) const {
    return tab.hasMessage("state", "state", "connected");
  }
  static std::string numbered(int from, int to, const char* ending = "\n") {
    std::string text;
    for (int i = from; i < to; ++i)
      text += "line " + std::to_string(i) + ending;
    return text;
  }
  static std::vector<std::string> expected(int from, int to) {
    std::vector<std::string> lines;
    for (int i = from; i < to; ++i)
      lines.push_back("line " + std::to_string(i));
    return lines;
  }

  asio::io_context io_;
  uint16_t nc_port_ = freeLoopbackPort();
  std::unique_ptr<RelayServer> relay_;
};

TEST_F(RelayLoopback, TwoTabsShareOneConnectionAndGetEveryLineInOrder) {
  NetcatProcess nc(io_, nc_port_);
  startRelay();
  auto a = openTab();
  auto b = openTab();
  ASSERT_TRUE(runUntil({&io_}, [&] { return connected(*a) && connected(*b); }));
  nc.write(numbered(0, 500) + numbered(500, 1000, "\r\n"));
  ASSERT_TRUE(
      runUntil({&io_}, [&] { return a->lines().size() >= 1000 && b->lines().size() >= 1000; }));
  for (WsTestClient* tab : {a.get(), b.get()}) {
    EXPECT_EQ(tab->lines(), expected(0, 1000));
    EXPECT_EQ(tab->firstOffset(), 0u);
    EXPECT_TRUE(tab->offsetsContiguous());
    EXPECT_LT(tab->linesMessages(), 1000u) << "lines that arrive together travel together";
    EXPECT_TRUE(tab->hasMessage("hello"));
    EXPECT_TRUE(tab->hasMessage("subscribed", "from", 0));
  }
  // nc -lk serves one client at a time: a second TCP connection would have starved one tab.
  EXPECT_EQ(relay_->target(target())->log().endOffset(), 1000u);
}

TEST_F(RelayLoopback, ATabResumesFromItsOffsetWithNothingLostOrRepeated) {
  NetcatProcess nc(io_, nc_port_);
  startRelay();
  auto first = openTab();
  ASSERT_TRUE(runUntil({&io_}, [&] { return connected(*first); }));
  nc.write(numbered(0, 10));
  ASSERT_TRUE(runUntil({&io_}, [&] { return first->lines().size() == 10; }));
  first->close();
  ASSERT_TRUE(runUntil({&io_}, [&] { return relay_->tabCount() == 0; }));
  nc.write(numbered(10, 25));  // arrives while no tab is there
  ASSERT_TRUE(runUntil({&io_}, [&] { return relay_->target(target())->log().endOffset() == 25; }));
  auto again = openTab(10);
  ASSERT_TRUE(runUntil({&io_}, [&] { return again->lines().size() >= 15; }));
  EXPECT_EQ(again->lines(), expected(10, 25));
  EXPECT_EQ(again->firstOffset(), 10u);
  auto latest = openTab("latest");
  auto earliest = openTab("earliest");
  ASSERT_TRUE(runUntil({&io_}, [&] { return earliest->lines().size() >= 25; }));
  EXPECT_EQ(earliest->lines(), expected(0, 25));
  EXPECT_TRUE(latest->hasMessage("subscribed", "from", 25));
  EXPECT_TRUE(latest->lines().empty());
}

TEST_F(RelayLoopback, NcRestartedMidStreamReconnectsAndContinuesTheOffsets) {
  auto nc = std::make_unique<NetcatProcess>(io_, nc_port_);
  startRelay();
  auto tab = openTab();
  ASSERT_TRUE(runUntil({&io_}, [&] { return connected(*tab); }));
  nc->write(numbered(0, 5) + "last line without newline");
  ASSERT_TRUE(runUntil({&io_}, [&] { return tab->lines().size() == 5; }));
  nc->stop();
  // nc may not have listened yet when the relay first tried: that "refused" came before.
  ASSERT_TRUE(runUntil({&io_}, [&] {
    return tab->hasMessage("state", "message", "Stream closed by " + target()) &&
           tab->messagesOfType("state").back()["state"] == "refused";
  }));
  EXPECT_TRUE(tab->hasMessage("state", "message", "Connection refused"));
  EXPECT_EQ(tab->lines().back(), "last line without newline");  // readLine() keeps it at EOF
  NetcatProcess restarted(io_, nc_port_);
  ASSERT_TRUE(runUntil(
      {&io_}, [&] { return tab->messagesOfType("state").back()["state"] == "connected"; }));
  restarted.write(numbered(100, 103));
  ASSERT_TRUE(runUntil({&io_}, [&] { return tab->lines().size() == 9; }));
  EXPECT_TRUE(tab->offsetsContiguous());
  json last = tab->messagesOfType("lines").back();
  EXPECT_EQ(last["connection"], 2);
  EXPECT_EQ(last["lines"].back(), "line 102");
}

TEST_F(RelayLoopback, ASlowTabIsPausedAndTheRelayStaysBounded) {
  NetcatProcess nc(io_, nc_port_);
  RelayConfig config;
  config.log = LogLimits{5000, size_t{64} << 20};
  config.send_high_water = 16 << 10;
  config.lines_message_bytes = 4 << 10;
  startRelay(config);
  asio::io_context slow_io;  // not run while the slow tab stalls: its socket is not read
  auto fast = openTab();
  WsTestClient slow(slow_io);
  slow.setReceiveBuffer(8 << 10);  // so the kernel cannot hide the stall in a big window
  slow.connect(wsUrl());
  ASSERT_TRUE(runUntil({&io_, &slow_io}, [&] { return slow.isOpen(); }));
  slow.send(subscribe());
  ASSERT_TRUE(runUntil({&io_, &slow_io}, [&] { return connected(slow) && connected(*fast); }));
  const int total = 60000;  // ~4 MB of 64-byte lines
  const std::string pad(56, '.');
  std::string text;
  std::vector<std::string> lines;
  for (int i = 0; i < total; ++i) {
    lines.push_back(pad + std::to_string(i));
    text += lines.back() + "\n";
  }
  nc.write(std::move(text));
  const TargetConnection* target_side = relay_->target(target());
  // The slow tab pins the log: once it is full the relay stops reading nc instead of growing.
  ASSERT_TRUE(runUntil({&io_}, [&] { return target_side->readingHeld(); }));
  EXPECT_LE(target_side->log().lines(), 5000u + 16384u);
  EXPECT_LT(fast->lines().size(), size_t(total));
  ASSERT_TRUE(runUntil(
      {&io_, &slow_io},
      [&] { return fast->lines().size() == size_t(total) && slow.lines().size() == size_t(total); },
      std::chrono::seconds(60)));
  EXPECT_TRUE(slow.lines() == lines);
  EXPECT_TRUE(fast->lines() == lines);
  EXPECT_TRUE(slow.offsetsContiguous());
  EXPECT_FALSE(slow.hasMessage("gap"));
}

TEST_F(RelayLoopback, AnOversizeLineIsReportedNotForwarded) {
  NetcatProcess nc(io_, nc_port_);
  RelayConfig config;
  config.max_line_bytes = 1000;
  startRelay(config);
  auto tab = openTab();
  ASSERT_TRUE(runUntil({&io_}, [&] { return connected(*tab); }));
  nc.write("ok 1\n" + std::string(5000, 'x') + "\nok 2\n");
  ASSERT_TRUE(runUntil({&io_}, [&] { return tab->lines().size() == 2; }));
  EXPECT_EQ(tab->lines(), (std::vector<std::string>{"ok 1", "ok 2"}));
  auto reports = tab->messagesOfType("line_too_long");
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_EQ(reports[0]["bytes"], 5000);
  EXPECT_EQ(reports[0]["offset"], 1);
  EXPECT_EQ(reports[0]["limit"], 1000);
}

TEST_F(RelayLoopback, BadFramesCloseOnlyThatClient) {
  NetcatProcess nc(io_, nc_port_);
  startRelay();
  auto good = openTab();
  auto bad = openTab();
  ASSERT_TRUE(runUntil({&io_}, [&] { return connected(*good) && connected(*bad); }));
  bad->sendRaw("this is not json");
  ASSERT_TRUE(runUntil({&io_}, [&] { return bad->closed(); }));
  EXPECT_EQ(bad->closeCode(), 1007);
  EXPECT_TRUE(bad->hasMessage("error", "code", "bad_json"));
  auto future = openTab();
  future->send({{"v", 2}, {"type", "subscribe"}, {"target", target()}});
  ASSERT_TRUE(runUntil({&io_}, [&] { return future->closed(); }));
  EXPECT_EQ(future->closeCode(), 1002);
  nc.write(numbered(0, 3));
  ASSERT_TRUE(runUntil({&io_}, [&] { return good->lines().size() == 3; }));
  EXPECT_TRUE(good->isOpen());
}

TEST_F(RelayLoopback, TargetsBeyondLoopbackAreRefused) {
  startRelay();
  WsTestClient tab(io_);
  tab.connect(wsUrl());
  ASSERT_TRUE(runUntil({&io_}, [&] { return tab.isOpen(); }));
  tab.send({{"v", 1}, {"type", "subscribe"}, {"target", "10.0.0.5:9999"}});
  ASSERT_TRUE(runUntil({&io_}, [&] { return tab.hasMessage("error"); }));
  EXPECT_TRUE(tab.hasMessage("error", "code", "target_not_allowed"));
  EXPECT_EQ(relay_->target("10.0.0.5:9999"), nullptr);
}

TEST_F(RelayLoopback, ABadOriginIsRefused) {
  RelayConfig config;
  config.allow_origins = {"http://localhost:5173"};
  startRelay(config);
  WsTestClient evil(io_), allowed(io_);
  evil.connect(wsUrl(), "http://evil.example");
  allowed.connect(wsUrl(), "http://localhost:5173");
  ASSERT_TRUE(runUntil({&io_}, [&] { return evil.failed() && allowed.isOpen(); }));
  EXPECT_EQ(evil.httpStatus(), 403);
}

TEST_F(RelayLoopback, ABadHostIsRefused) {
  startRelay();
  std::string port = std::to_string(relay_->port());
  RawHttp rebinding(io_, relay_->port(), upgradeRequest("/ws", "evil.example:" + port));
  RawHttp good(io_, relay_->port(), upgradeRequest("/ws", "localhost:" + port));
  ASSERT_TRUE(runUntil({&io_}, [&] { return rebinding.done() && good.done(); }));
  EXPECT_EQ(rebinding.status(), 403);
  EXPECT_EQ(good.status(), 101);
}

TEST_F(RelayLoopback, AMissingTokenIsRefused) {
  RelayConfig config;
  config.token =
      "s3cret-token-for-tests";  // what a non-loopback bind requires; bound here on loopback
  startRelay(config);
  WsTestClient without(io_), wrong(io_), with(io_);
  without.connect(wsUrl());
  wrong.connect(wsUrl("?token=guess-guess"));
  with.connect(wsUrl("?token=s3cret-token-for-tests"));
  ASSERT_TRUE(
      runUntil({&io_}, [&] { return without.failed() && wrong.failed() && with.isOpen(); }));
  EXPECT_EQ(without.httpStatus(), 403);
  EXPECT_EQ(wrong.httpStatus(), 403);
}

TEST_F(RelayLoopback, StaticFilesNeverLeaveTheRoot) {
  namespace fs = std::filesystem;
  fs::path base = fs::temp_directory_path() / ("runnel-serve-" + std::to_string(::getpid()));
  fs::remove_all(base);
  fs::create_directories(base / "dist");
  std::ofstream(base / "secret.txt") << "outside the root";
  std::ofstream(base / "dist/index.html") << "<title>Runnel</title>";
  std::ofstream(base / "dist/engine.wasm") << "wasm";
  RelayConfig config;
  config.static_root = (base / "dist").string();
  startRelay(config);
  std::string host = "localhost:" + std::to_string(relay_->port());
  auto get = [&](const std::string& path, const std::string& host_header) {
    return std::make_unique<RawHttp>(
        io_, relay_->port(), "GET " + path + " HTTP/1.1\r\nHost: " + host_header + "\r\n\r\n");
  };
  auto index = get("/", host);
  auto wasm = get("/engine.wasm", host);
  auto up = get("/../secret.txt", host);
  auto encoded = get("/%2e%2e/secret.txt", host);
  auto listing = get("/", "evil.example");
  ASSERT_TRUE(runUntil({&io_}, [&] {
    return index->done() && wasm->done() && up->done() && encoded->done() && listing->done();
  }));
  EXPECT_EQ(index->status(), 200);
  EXPECT_NE(index->response().find("<title>Runnel</title>"), std::string::npos);
  EXPECT_EQ(wasm->status(), 200);
  EXPECT_NE(wasm->response().find("Content-Type: application/wasm"), std::string::npos);
  // Cross-origin isolated: the page shares memory with its engine worker.
  EXPECT_NE(index->response().find("Cross-Origin-Opener-Policy: same-origin"), std::string::npos);
  EXPECT_NE(index->response().find("Cross-Origin-Embedder-Policy: require-corp"),
            std::string::npos);
  for (auto* bad : {up.get(), encoded.get()}) {
    EXPECT_EQ(bad->status(), 404);
    EXPECT_EQ(bad->response().find("outside the root"), std::string::npos);
  }
  EXPECT_EQ(listing->status(), 403);
  fs::remove_all(base);
}

TEST_F(RelayLoopback, HeadAnswersGetsHeadersWithoutTheBody) {
  namespace fs = std::filesystem;
  fs::path base = fs::temp_directory_path() / ("runnel-head-" + std::to_string(::getpid()));
  fs::remove_all(base);
  fs::create_directories(base / "dist");
  std::ofstream(base / "dist/index.html") << "<title>Runnel</title>";
  RelayConfig config;
  config.static_root = (base / "dist").string();
  startRelay(config);
  std::string host = "localhost:" + std::to_string(relay_->port());
  auto ask = [&](const std::string& method, const std::string& path) {
    return std::make_unique<RawHttp>(
        io_, relay_->port(), method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n");
  };
  auto head = ask("HEAD", "/");
  auto missing = ask("HEAD", "/nope.js");
  auto post = ask("POST", "/");
  ASSERT_TRUE(runUntil({&io_}, [&] { return head->done() && missing->done() && post->done(); }));
  EXPECT_EQ(head->status(), 200);
  EXPECT_NE(head->response().find("Content-Type: text/html"), std::string::npos);
  EXPECT_NE(head->response().find("Content-Length: 21"), std::string::npos);  // GET's length
  EXPECT_EQ(head->response().find("<title>"), std::string::npos);
  EXPECT_EQ(missing->status(), 404);
  EXPECT_EQ(post->status(), 405);
  EXPECT_NE(post->response().find("Allow: GET, HEAD"), std::string::npos);
  fs::remove_all(base);
}

}  // namespace
}  // namespace runnel::relay::test
