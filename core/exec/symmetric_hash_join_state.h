// SymmetricHashJoinState: the rows a stream-stream join buffers (Spark's
// SymmetricHashJoinStateManager, state format 2): per side, every stored row with its join key and
// whether it has matched a row of the other side (outer joins emit unmatched rows with nulls when
// the watermark evicts them).
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "exec/state_store.h"
#include "types/batch.h"

namespace runnel::exec {

class JoinSideRows {
 public:
  explicit JoinSideRows(types::Schema schema);

  const types::Batch& rows() const { return rows_; }
  size_t size() const { return rows_.num_rows; }
  bool matched(uint32_t row) const { return matched_[row] != 0; }
  void setMatched(uint32_t row) { matched_[row] = 1; }
  // The stored rows whose key equals `key`.
  std::vector<uint32_t> lookup(const std::string& key) const;
  // Appends rows `which` of `batch`, with their keys and matched flags.
  void append(const types::Batch& batch, const std::vector<uint32_t>& which,
              const std::vector<std::optional<std::string>>& keys,
              const std::vector<uint8_t>& matched);
  // Keeps only rows `keep` (in order) and rebuilds the key index.
  void keepOnly(const std::vector<uint32_t>& keep);

  int64_t memoryBytes() const;
  void serialize(std::string& out) const;
  void deserialize(std::string_view& in);

 private:
  void reindex();

  types::Batch rows_;
  std::vector<std::optional<std::string>> keys_;
  std::vector<uint8_t> matched_;
  std::unordered_multimap<std::string, uint32_t> index_;
};

class SymmetricHashJoinState final : public StateData {
 public:
  SymmetricHashJoinState(types::Schema left, types::Schema right)
      : left(std::move(left)), right(std::move(right)) {}
  int64_t numRows() const override { return static_cast<int64_t>(left.size() + right.size()); }
  int64_t memoryUsedBytes() const override { return left.memoryBytes() + right.memoryBytes(); }
  std::string serialize() const override;
  void deserialize(const std::string& bytes) override;

  JoinSideRows left;
  JoinSideRows right;
};

}  // namespace runnel::exec
