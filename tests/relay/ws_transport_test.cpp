// The relay's WebSocket++ transport (ws_config.h) on a real loopback socket: a write hands the
// kernel the whole queue at once, and the written handler follows each completed write.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "netcat_process.h"
#include "ws_config.h"
#include "ws_test_client.h"

namespace runnel::relay::test {
namespace {

TEST(WsTransport, AQueuedWriteReachesTheKernelAtOnceAndIsReported) {
  asio::io_context io;
  WsServer server;
  server.clear_access_channels(websocketpp::log::alevel::all);
  server.clear_error_channels(websocketpp::log::elevel::all);
  server.init_asio(&io);
  server.set_socket_init_handler([](WsHandle, asio::ip::tcp::socket& socket) {
    std::error_code ignored;  // room for the whole queue whatever the kernel's autotuning does
    socket.set_option(asio::socket_base::send_buffer_size(4 << 20), ignored);
  });
  WsConnection connection;
  int written = 0;
  server.set_open_handler([&](WsHandle handle) {
    connection = server.get_con_from_hdl(handle);
    connection->set_written_handler([&] { ++written; });
  });
  const uint16_t port = freeLoopbackPort();
  server.listen(asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
  server.start_accept();

  // A client socket read by hand, so what has reached it can be counted between turns.
  asio::ip::tcp::socket client(io);
  client.open(asio::ip::tcp::v4());
  client.set_option(asio::socket_base::receive_buffer_size(4 << 20));
  client.connect({asio::ip::make_address("127.0.0.1"), port});
  asio::write(client, asio::buffer(upgradeRequest("/ws", "127.0.0.1:" + std::to_string(port))));
  ASSERT_TRUE(runUntil({&io}, [&] { return connection && client.available() > 0; }));
  std::string response(client.available(), '\0');
  asio::read(client, asio::buffer(response));
  ASSERT_EQ(response.rfind("HTTP/1.1 101", 0), 0u) << response;

  // Eight 64 KiB messages queued in one go. asio's default (transfer_all) would write them 64 KiB
  // per turn of the event loop, a turn that a relay reading its target spends mostly elsewhere.
  const int messages = 8;
  const size_t message_bytes = size_t{64} << 10;
  for (int i = 0; i < messages; ++i)
    ASSERT_FALSE(connection->send(std::string(message_bytes, char('a' + i)),
                                  websocketpp::frame::opcode::binary));
  size_t arrived = 0;
  for (int turns = 0; arrived == 0 && turns < 100; ++turns) {
    io.restart();
    if (io.run_one_for(std::chrono::seconds(5)) == 0) break;
    arrived = client.available();
  }
  EXPECT_GE(arrived, messages * message_bytes) << "the first write that arrives is the whole queue";
  ASSERT_TRUE(runUntil({&io}, [&] { return written > 0; }));
  EXPECT_EQ(written, 1);

  // Every frame intact and in order: a 10-byte header (64-bit length), then its payload.
  std::string bytes(messages * (10 + message_bytes), '\0');
  asio::read(client, asio::buffer(bytes));
  for (int i = 0; i < messages; ++i) {
    const size_t at = size_t(i) * (10 + message_bytes);
    EXPECT_EQ(uint8_t(bytes[at]), 0x82u);  // FIN, binary
    EXPECT_TRUE(bytes.compare(at + 10, message_bytes, std::string(message_bytes, char('a' + i))) ==
                0)
        << "frame " << i;
  }
}

}  // namespace
}  // namespace runnel::relay::test
