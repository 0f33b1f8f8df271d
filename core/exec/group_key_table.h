// GroupKeyTable: maps the grouping key of each row to a dense group id (the hash map of Spark's
// HashAggregateExec / the state store's key index). Keys are encoded into bytes kept in one arena, so
// there is no allocation per row; the table is open addressing with linear probing.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "types/batch.h"

namespace runnel::exec {

class GroupKeyTable {
 public:
  explicit GroupKeyTable(std::vector<types::DataTypePtr> key_types = {});

  // group_ids[r] = the group of row r of `keys` (one column per key), inserting new groups.
  // `inserted` gets the ids of groups created by this call.
  void findOrInsert(const std::vector<types::ColumnPtr>& keys, size_t rows,
                    std::vector<uint32_t>& group_ids, std::vector<uint32_t>& inserted);
  // The key columns of `groups`, in that order.
  std::vector<types::MutableColumnPtr> keyColumns(const std::vector<uint32_t>& groups) const;

  size_t size() const { return key_offsets_.size() - 1; }
  int64_t memoryBytes() const;
  std::string_view encodedKey(uint32_t group) const {
    return std::string_view(arena_).substr(key_offsets_[group],
                                           key_offsets_[group + 1] - key_offsets_[group]);
  }
  uint32_t insertEncoded(std::string_view key);  // restoring a snapshot
  const std::vector<types::DataTypePtr>& keyTypes() const { return key_types_; }

 private:
  uint32_t probe(std::string_view key, uint64_t hash, bool& inserted);
  void grow();

  std::vector<types::DataTypePtr> key_types_;
  std::vector<uint64_t> slots_;  // 0 = empty; else (hash high 32 bits << 32) | (group id + 1)
  std::vector<uint32_t> key_offsets_{0};
  std::vector<uint64_t> hashes_;
  std::string arena_;
};

// The byte encoding of one key value (also used by Deduplicate and count(DISTINCT)).
void encodeKeyValue(const types::Column& col, size_t row, std::string& out);
uint64_t hashBytes(std::string_view bytes);
// Reads one value written by encodeKeyValue from the front of `in` and appends it to `out`.
void decodeKeyValue(std::string_view& in, types::Column& out);

}  // namespace runnel::exec
