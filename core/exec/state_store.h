// StateStore: the cross-batch state of stateful operators (Spark's StateStore), versioned by batch:
// version v holds the state after batch v-1 committed. Each operator keeps its own StateData kind;
// a snapshot of every store is written to the checkpoint when a batch commits, and loaded on
// restart.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "runnel/file_system.h"

namespace runnel::exec {

class StateData {
 public:
  virtual ~StateData() = default;
  virtual int64_t numRows() const = 0;
  virtual int64_t memoryUsedBytes() const = 0;
  virtual std::string serialize() const = 0;
  virtual void deserialize(const std::string& bytes) = 0;
};

// Per-batch metrics of one store, for StreamingQueryProgress.stateOperators.
struct StateMetrics {
  int64_t rows_updated = 0;
  int64_t rows_removed = 0;
  int64_t rows_dropped_by_watermark = 0;
};

class StateStores {
 public:
  // The store of operator `op_id`, created by `make()` on first use (and loaded from the
  // checkpoint).
  template <typename T, typename Make>
  T& get(int op_id, Make make) {
    auto it = stores_.find(op_id);
    if (it == stores_.end()) {
      std::unique_ptr<T> data = make();
      if (auto bytes = loadSnapshot(op_id)) data->deserialize(*bytes);
      it = stores_.emplace(op_id, std::move(data)).first;
    }
    return static_cast<T&>(*it->second);
  }
  StateMetrics& metrics(int op_id) { return metrics_[op_id]; }
  const std::map<int, std::unique_ptr<StateData>>& stores() const { return stores_; }
  const std::map<int, StateMetrics>& allMetrics() const { return metrics_; }
  void resetMetrics() { metrics_.clear(); }

  // Persistence: `dir` is "<checkpoint>/state"; empty means in memory only.
  void attach(FileSystem* fs, std::string dir, int64_t version_to_load);
  void commit(int64_t version);  // writes a snapshot of each store for `version`

 private:
  std::optional<std::string> loadSnapshot(int op_id) const;

  std::map<int, std::unique_ptr<StateData>> stores_;
  std::map<int, StateMetrics> metrics_;
  FileSystem* fs_ = nullptr;
  std::string dir_;
  int64_t load_version_ = 0;
};

}  // namespace runnel::exec
