// In-memory FileSystem: checkpoints of tests, of the conformance runner and of queries without a
// checkpointLocation (Spark's temporary checkpoint directory).
#include <map>

#include "runnel/error.h"
#include "runnel/file_system.h"

namespace runnel {

namespace {

class MemoryFileSystem final : public FileSystem {
 public:
  std::optional<std::string> read(const std::string& path) const override {
    auto it = files_.find(path);
    if (it == files_.end()) return std::nullopt;
    return it->second.content;
  }
  void writeAtomic(const std::string& path, const std::string& content) override {
    files_[path] = {content, ++mtime_};
  }
  bool exists(const std::string& path) const override {
    if (files_.count(path)) return true;
    auto it = files_.lower_bound(path + "/");
    return it != files_.end() && it->first.compare(0, path.size() + 1, path + "/") == 0;
  }
  std::vector<std::string> list(const std::string& dir) const override {
    std::vector<std::string> out;
    std::string prefix = dir + "/";
    for (auto it = files_.lower_bound(prefix); it != files_.end(); ++it) {
      if (it->first.compare(0, prefix.size(), prefix) != 0) break;
      std::string rest = it->first.substr(prefix.size());
      std::string name = rest.substr(0, rest.find('/'));
      if (out.empty() || out.back() != name) out.push_back(name);
    }
    return out;
  }
  void remove(const std::string& path) override {
    files_.erase(path);
    std::string prefix = path + "/";
    for (auto it = files_.lower_bound(prefix); it != files_.end();) {
      if (it->first.compare(0, prefix.size(), prefix) != 0) break;
      it = files_.erase(it);
    }
  }
  int64_t modificationTimeMs(const std::string& path) const override {
    auto it = files_.find(path);
    return it == files_.end() ? 0 : it->second.mtime;
  }

 private:
  struct File {
    std::string content;
    int64_t mtime = 0;
  };
  std::map<std::string, File> files_;
  int64_t mtime_ = 0;  // a logical clock: order of writes
};

}  // namespace

std::unique_ptr<FileSystem> makeMemoryFileSystem() {
  return std::make_unique<MemoryFileSystem>();
}

}  // namespace runnel
