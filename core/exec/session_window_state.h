// SessionWindowState: the sessions of every grouping key and their aggregation buffers (Spark's
// StreamingSessionWindowStateManager). Per key, sessions are kept sorted by start and disjoint:
// two sessions whose ranges overlap or touch are one session (MergingSessionsIterator's rule).
#pragma once

#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "exec/aggregate_function.h"
#include "exec/group_key_table.h"
#include "exec/state_store.h"

namespace runnel::exec {

struct Session {
  int64_t start = 0;  // microseconds, inclusive
  int64_t end = 0;    // microseconds, exclusive
  uint32_t slot = 0;  // the session's group id in every accumulator
};

class SessionWindowState final : public StateData {
 public:
  SessionWindowState(std::vector<types::DataTypePtr> key_types,
                     const std::vector<expr::ExprPtr>& aggregates);

  int64_t numRows() const override { return static_cast<int64_t>(live_); }
  int64_t memoryUsedBytes() const override;
  std::string serialize() const override;
  void deserialize(const std::string& bytes) override;

  // Maps each row of `keys` to a key id (`sessions(key)` then lists its sessions).
  void findOrInsertKeys(const std::vector<types::ColumnPtr>& keys, size_t rows,
                        std::vector<uint32_t>& key_ids);
  // Adds the range [start, end) to the sessions of `key`, merging every session it overlaps or
  // touches into the earliest of them. Returns the slot of the resulting session. `merged` gets
  // slot -> surviving slot for the sessions merged away, so rows already assigned to those slots
  // can follow.
  uint32_t addSession(uint32_t key, int64_t start, int64_t end, const expr::EvalContext& ctx,
                      std::unordered_map<uint32_t, uint32_t>& merged);

  size_t numKeys() const { return sessions_.size(); }
  const std::vector<Session>& sessions(uint32_t key) const { return sessions_[key]; }
  // Drops the first `count` sessions of `key` (the ones the watermark closed).
  void evictFirst(uint32_t key, size_t count);
  // Rebuilds the accumulators without the slots of merged and evicted sessions once those dominate.
  void compact();

  const GroupKeyTable& keys() const { return table_; }
  std::vector<std::unique_ptr<Accumulator>>& accumulators() { return accumulators_; }

 private:
  uint32_t newSlot();

  GroupKeyTable table_;                         // the grouping keys without the session window
  std::vector<std::vector<Session>> sessions_;  // per key id
  std::vector<std::unique_ptr<Accumulator>> accumulators_;
  std::vector<expr::ExprPtr> aggregates_;
  uint32_t slots_ = 0;  // slots allocated, live or not
  size_t live_ = 0;     // sessions held
};

}  // namespace runnel::exec
