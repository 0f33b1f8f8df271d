// Static serving rules: MIME types, and nothing outside web/dist (traversal, hidden, symlinks).
#include "static_files.h"

#include <gtest/gtest.h>

#include <fstream>

namespace runnel::relay {
namespace {

namespace fs = std::filesystem;

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    base_ = fs::temp_directory_path() / ("runnel-static-" + std::to_string(::getpid()));
    fs::remove_all(base_);
    fs::create_directories(base_ / "dist/assets");
    fs::create_directories(base_ / "dist/empty");
    write(base_ / "secret.txt", "outside");
    write(base_ / "dist/index.html", "<html>");
    write(base_ / "dist/assets/engine.wasm", "wasm-bytes");
    write(base_ / "dist/assets/app.js", "js");
    write(base_ / "dist/.env", "hidden");
    fs::create_symlink(base_ / "secret.txt", base_ / "dist/link.txt");
  }
  void TearDown() override { fs::remove_all(base_); }
  static void write(const fs::path& path, const std::string& text) { std::ofstream(path) << text; }
  fs::path base_;
};

TEST_F(StaticFilesTest, ServesFilesWithTheirTypes) {
  StaticFiles files(base_ / "dist");
  struct Case {
    const char* resource;
    const char* type;
    const char* body;
  };
  const Case cases[] = {
      {"/", "text/html; charset=utf-8", "<html>"},
      {"/index.html?x=1", "text/html; charset=utf-8", "<html>"},
      {"/assets/engine.wasm", "application/wasm", "wasm-bytes"},
      {"/assets/app%2Ejs", "text/javascript; charset=utf-8", "js"},
  };
  for (const Case& c : cases) {
    StaticResponse response = files.get(c.resource);
    EXPECT_EQ(response.status, 200) << c.resource;
    EXPECT_EQ(response.content_type, c.type) << c.resource;
    EXPECT_EQ(response.body, c.body) << c.resource;
  }
}

TEST_F(StaticFilesTest, NothingOutsideTheRoot) {
  StaticFiles files(base_ / "dist");
  for (const char* resource :
       {"/../secret.txt", "/assets/../../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt",
        "/assets/%2E%2E/%2E%2E/secret.txt", "/.env", "/link.txt", "/assets", "/assets/", "/empty/",
        "/missing.js", "//etc/passwd", "/assets//app.js", "/a%00b", "/%zz", "relative.html",
        "/assets\\..\\..\\secret.txt"}) {
    StaticResponse response = files.get(resource);
    EXPECT_EQ(response.status, 404) << resource;
    EXPECT_EQ(response.body.find("outside"), std::string::npos) << resource;
  }
}

TEST(StaticFilesMime, KnownAndUnknownExtensions) {
  EXPECT_EQ(StaticFiles::mimeType(".wasm"), "application/wasm");
  EXPECT_EQ(StaticFiles::mimeType(".css"), "text/css; charset=utf-8");
  EXPECT_EQ(StaticFiles::mimeType(".exe"), "application/octet-stream");
}

}  // namespace
}  // namespace runnel::relay
