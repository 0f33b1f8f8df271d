// GroupKeyTable: maps the grouping key of each row to a dense group id (the hash map of Spark's
// HashAggregateExec / the state store's key index). Keys are encoded into bytes kept in one arena,
// so there is no allocation per row; the table is open addressing with linear probing.
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
  // One slot: the key's full hash (so a match almost never needs a second look) and where its
  // encoded bytes start in the arena, so comparing touches the slot and the key bytes only.
  struct Slot {
    uint64_t hash;
    uint32_t group_plus1;  // 0 = empty
    uint32_t key_offset;
  };
  // Linear probing for `hash`: `same(slot)` tells a stored key equal to the probed one;
  // `append()` writes a new key's encoding to the arena.
  template <class Same, class Append>
  uint32_t probe(uint64_t hash, Same&& same, Append&& append, bool& inserted);
  uint32_t probeEncoded(std::string_view key, bool& inserted);
  uint64_t keyHash(std::string_view encoded) const;
  void findOrInsertString(const types::Column& col, size_t rows, std::vector<uint32_t>& group_ids,
                          std::vector<uint32_t>& inserted);
  void grow();

  std::vector<types::DataTypePtr> key_types_;
  bool one_string_key_ = false;  // the common word-count shape, probed without encoding
  std::vector<Slot> slots_;
  std::vector<uint32_t> key_offsets_{0};
  std::string arena_;
  std::vector<uint64_t> hash_scratch_;  // per-call row hashes (computed ahead to prefetch)
};

// The byte encoding of one key value (also used by Deduplicate and count(DISTINCT)).
void encodeKeyValue(const types::Column& col, size_t row, std::string& out);
uint64_t hashBytes(std::string_view bytes);
// Reads one value written by encodeKeyValue from the front of `in` and appends it to `out`.
void decodeKeyValue(std::string_view& in, types::Column& out);

}  // namespace runnel::exec
