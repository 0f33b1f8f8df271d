// Local FileSystem: a real directory (native hosts). Writes go to a temp file and are renamed, so a
// crash leaves the old file or the new one.
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "runnel/error.h"
#include "runnel/file_system.h"

namespace runnel {

namespace {

namespace fs = std::filesystem;

class LocalFileSystem final : public FileSystem {
 public:
  std::optional<std::string> read(const std::string& path) const override {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
  void writeAtomic(const std::string& path, const std::string& content) override {
    std::error_code ec;
    fs::create_directories(fs::path(path).parent_path(), ec);
    std::string tmp = path + ".tmp";
    {
      std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
      out << content;
      if (!out) throw Error(ErrorClass::IllegalArgumentException, "cannot write " + tmp);
    }
    fs::rename(tmp, path, ec);
    if (ec) throw Error(ErrorClass::IllegalArgumentException, "cannot write " + path);
  }
  bool exists(const std::string& path) const override {
    std::error_code ec;
    return fs::exists(path, ec);
  }
  std::vector<std::string> list(const std::string& dir) const override {
    std::vector<std::string> out;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      std::string name = it->path().filename().string();
      if (name.size() < 4 || name.substr(name.size() - 4) != ".tmp") out.push_back(name);
    }
    std::sort(out.begin(), out.end());
    return out;
  }
  void remove(const std::string& path) override {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  int64_t modificationTimeMs(const std::string& path) const override {
    std::error_code ec;
    auto t = fs::last_write_time(path, ec);
    if (ec) return 0;
    return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
  }
};

}  // namespace

std::unique_ptr<FileSystem> makeLocalFileSystem() {
  return std::make_unique<LocalFileSystem>();
}

}  // namespace runnel
