// FileSystem: where checkpoints and file sources/sinks live. A directory natively, memory in tests,
// MEMFS/IndexedDB in the browser. Paths use '/'.
#pragma once

#include <cstdint>
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

// Where a query without a checkpointLocation keeps its checkpoint (Spark's temporary checkpoint
// location, deleted when the query ends): "/tmp/temporary-<uuid>".
inline constexpr const char* kTemporaryCheckpointPrefix = "/tmp/temporary-";

std::unique_ptr<FileSystem> makeMemoryFileSystem();
std::unique_ptr<FileSystem> makeLocalFileSystem();  // native only: the real disk

// One change to a file system, as a host mirrors it into durable storage. A removal removes the
// path and everything under `path/`, as FileSystem::remove does.
struct FileChange {
  enum class Kind { Write, Remove };
  Kind kind = Kind::Write;
  std::string path;
  std::string content;  // Write only; bytes (state snapshots are binary)
};

// A FileSystem that records every write and removal, in order, on top of another one. The browser
// keeps the engine synchronous over memory and persists the recorded changes to IndexedDB after
// each call: applying them in order (or all at once) keeps Spark's rule that a batch's offsets
// exist before its commit. Paths under an `unrecorded` prefix (temporary checkpoints, which must
// not outlive their query) are not recorded.
class JournalingFileSystem final : public FileSystem {
 public:
  explicit JournalingFileSystem(std::unique_ptr<FileSystem> inner,
                                std::vector<std::string> unrecorded = {})
      : inner_(std::move(inner)), unrecorded_(std::move(unrecorded)) {}
  std::optional<std::string> read(const std::string& path) const override;
  void writeAtomic(const std::string& path, const std::string& content) override;
  bool exists(const std::string& path) const override;
  std::vector<std::string> list(const std::string& dir) const override;
  void remove(const std::string& path) override;
  int64_t modificationTimeMs(const std::string& path) const override;
  // The changes since the last call, oldest first.
  std::vector<FileChange> takeChanges();

 private:
  bool recorded(const std::string& path) const;

  std::unique_ptr<FileSystem> inner_;
  std::vector<std::string> unrecorded_;
  std::vector<FileChange> changes_;
};

}  // namespace runnel
