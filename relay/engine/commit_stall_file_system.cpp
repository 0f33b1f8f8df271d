// CommitStallFileSystem: forwards every call; only the one commit write blocks, in pause() so a
// signal ends it without busy waiting.
#include "commit_stall_file_system.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>

namespace runnel::cli {

namespace {

class CommitStallFileSystem final : public FileSystem {
 public:
  CommitStallFileSystem(std::shared_ptr<FileSystem> inner, std::string suffix)
      : inner_(std::move(inner)), suffix_(std::move(suffix)) {}
  std::optional<std::string> read(const std::string& path) const override {
    return inner_->read(path);
  }
  void writeAtomic(const std::string& path, const std::string& content) override {
    if (path.size() >= suffix_.size() &&
        path.compare(path.size() - suffix_.size(), suffix_.size(), suffix_) == 0) {
      std::fprintf(stderr, "runnel: stalled before commit %s\n", suffix_.c_str() + 9);
      std::fflush(stderr);
      for (;;)
        pause();
    }
    inner_->writeAtomic(path, content);
  }
  bool exists(const std::string& path) const override { return inner_->exists(path); }
  std::vector<std::string> list(const std::string& dir) const override { return inner_->list(dir); }
  void remove(const std::string& path) override { inner_->remove(path); }
  int64_t modificationTimeMs(const std::string& path) const override {
    return inner_->modificationTimeMs(path);
  }

 private:
  std::shared_ptr<FileSystem> inner_;
  std::string suffix_;  // "/commits/N"
};

}  // namespace

std::shared_ptr<FileSystem> withCommitStall(std::shared_ptr<FileSystem> fs) {
  const char* batch = std::getenv("RUNNEL_TEST_STALL_BEFORE_COMMIT");
  if (batch == nullptr || *batch == '\0') return fs;
  return std::make_shared<CommitStallFileSystem>(std::move(fs), std::string("/commits/") + batch);
}

}  // namespace runnel::cli
