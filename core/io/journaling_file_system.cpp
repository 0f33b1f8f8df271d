// JournalingFileSystem: a FileSystem that remembers what changed, so a host can mirror the changes
// (the browser worker persists a checkpoint to IndexedDB this way).
#include <utility>

#include "runnel/file_system.h"

namespace runnel {

bool JournalingFileSystem::recorded(const std::string& path) const {
  for (const std::string& prefix : unrecorded_) {
    if (path.compare(0, prefix.size(), prefix) == 0) return false;
  }
  return true;
}

std::optional<std::string> JournalingFileSystem::read(const std::string& path) const {
  return inner_->read(path);
}

void JournalingFileSystem::writeAtomic(const std::string& path, const std::string& content) {
  inner_->writeAtomic(path, content);
  if (recorded(path)) changes_.push_back({FileChange::Kind::Write, path, content});
}

bool JournalingFileSystem::exists(const std::string& path) const {
  return inner_->exists(path);
}

std::vector<std::string> JournalingFileSystem::list(const std::string& dir) const {
  return inner_->list(dir);
}

void JournalingFileSystem::remove(const std::string& path) {
  inner_->remove(path);
  if (recorded(path)) changes_.push_back({FileChange::Kind::Remove, path, {}});
}

int64_t JournalingFileSystem::modificationTimeMs(const std::string& path) const {
  return inner_->modificationTimeMs(path);
}

std::vector<FileChange> JournalingFileSystem::takeChanges() {
  return std::exchange(changes_, {});
}

}  // namespace runnel
