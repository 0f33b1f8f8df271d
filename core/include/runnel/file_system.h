// FileSystem: where checkpoints and file sources/sinks live. A directory natively, memory in tests,
// MEMFS/IndexedDB in the browser. Paths use '/'.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace runnel {

class FileSystem {
 public:
  virtual ~FileSystem() = default;
  virtual std::optional<std::string> read(const std::string& path) const = 0;
  // Atomic: readers see the old content or the new, never a partial file (temp file + rename).
  virtual void writeAtomic(const std::string& path, const std::string& content) = 0;
  virtual bool exists(const std::string& path) const = 0;
  // Names (not paths) of the entries directly under `dir`, sorted; empty if it does not exist.
  virtual std::vector<std::string> list(const std::string& dir) const = 0;
  virtual void remove(const std::string& path) = 0;
  virtual int64_t modificationTimeMs(const std::string& path) const = 0;
};

std::unique_ptr<FileSystem> makeMemoryFileSystem();
std::unique_ptr<FileSystem> makeLocalFileSystem();  // native only: the real disk

}  // namespace runnel
