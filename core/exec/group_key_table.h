// GroupKeyTable: maps the grouping key of each row to a dense group id (the hash map of Spark's
// HashAggregateExec / the state store's key index). Keys are encoded into bytes kept in one arena,
// so there is no allocation per row; the table is open addressing with linear probing.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "types/batch.h"
#include "types/word_bytes.h"

namespace runnel::exec {

// The byte encoding of one key value (also used by Deduplicate and count(DISTINCT)).
void encodeKeyValue(const types::Column& col, size_t row, std::string& out);

struct BytesHash {
  uint64_t hash;
  uint64_t prefix;   // bytes 0..7, zero-padded: slots compare them inline
  uint64_t prefix2;  // bytes 8..15, zero-padded: keys of up to 16 bytes never touch the arena
};

// The hash of the n bytes at p (bytes up to readable_end may be loaded, never used). The first 16
// bytes are loaded and masked without branching on n, since word lengths are unpredictable.
[[gnu::always_inline]] inline BytesHash hashKeyBytes(const char* p, size_t n,
                                                     const char* readable_end) {
  const uint64_t k = 0x9E3779B97F4A7C15ull;
  uint64_t w0, w1;
  if (readable_end - p >= 16) {
    std::memcpy(&w0, p, 8);
    std::memcpy(&w1, p + 8, 8);
    const size_t c0 = n < 8 ? n : 8;
    const size_t rest = n - c0;
    w0 &= types::lowBytesMask(c0);
    w1 &= types::lowBytesMask(rest < 8 ? rest : 8);
  } else {
    // Near the buffer's end: loads that stop at byte n.
    w0 = types::loadShort(p, n < 8 ? n : 0);
    if (n >= 8) std::memcpy(&w0, p, 8);
    w1 = types::loadShort(p + 8, n > 8 && n < 16 ? n - 8 : 0);
    if (n >= 16) std::memcpy(&w1, p + 8, 8);
  }
  uint64_t h = 0x243F6A8885A308D3ull ^ (n * k);
  h = (h ^ w0) * k;
  h ^= h >> 29;
  h = (h ^ w1) * k;
  if (n > 16) {
    const char* q = p + 16;
    size_t m = n - 16;
    for (; m >= 8; q += 8, m -= 8) {
      h ^= h >> 29;
      uint64_t w;
      std::memcpy(&w, q, 8);
      h = (h ^ w) * k;
    }
    if (m > 0) h = (h ^ (h >> 29) ^ types::loadTail(q, m, readable_end)) * k;
  }
  h ^= h >> 32;
  h *= 0xD6E8FEB86659FD93ull;
  h ^= h >> 32;
  return {h, w0, w1};
}

inline uint64_t hashBytes(std::string_view bytes) {
  return hashKeyBytes(bytes.data(), bytes.size(), bytes.data() + bytes.size()).hash;
}

// memcpy(dst, src, n) a word at a time for short keys: dst must have 8 bytes of slack past n and
// src must be readable up to src_end (a plain copy near it).
inline void copyKeyBytes(char* dst, const char* src, size_t n, const char* src_end) {
  if (src_end - src < static_cast<std::ptrdiff_t>(n + 8)) {
    std::memcpy(dst, src, n);
    return;
  }
  for (size_t i = 0; i < n; i += 8)
    std::memcpy(dst + i, src + i, 8);
}

// memcmp(a, b, n) == 0 a word at a time (wasm's libc memcmp goes byte by byte).
inline bool sameBytes(const char* a, const char* b, size_t n) {
  for (; n >= 8; a += 8, b += 8, n -= 8) {
    uint64_t x, y;
    std::memcpy(&x, a, 8);
    std::memcpy(&y, b, 8);
    if (x != y) return false;
  }
  return types::loadShort(a, n) == types::loadShort(b, n);
}
// Reads one value written by encodeKeyValue from the front of `in` and appends it to `out`.
void decodeKeyValue(std::string_view& in, types::Column& out);

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
  // One slot: the key's full hash, length and first 16 bytes, so keys of up to 16 bytes (words
  // are short) compare without touching the arena, whose reads miss the cache.
  struct Slot {
    uint64_t hash;
    uint64_t prefix;
    uint64_t prefix2;
    uint32_t group_plus1;  // 0 = empty
    uint32_t len;          // of the compared bytes, or kNullKey
  };
  static_assert(sizeof(Slot) == 32, "two slots to a cache line");
  // A one-string-key table compares the value's bytes (rows probe without being encoded); its
  // null key has no bytes and this length. Every other table compares the whole encoding.
  static constexpr uint32_t kNullKey = UINT32_MAX;
  // Linear probing for a key whose compared bytes are `bytes`; `append()` writes a new key's
  // encoding to the arena.
  template <class Append>
  uint32_t probe(BytesHash key, std::string_view bytes, uint32_t len, Append&& append,
                 bool& inserted);
  uint32_t probeEncoded(std::string_view key, bool& inserted);
  bool matches(const Slot& s, const BytesHash& key, const char* bytes, uint32_t len) const;
  uint32_t findOrInsertValue(const BytesHash& key, const char* p, uint32_t len,
                             std::vector<uint32_t>& inserted);
  uint32_t insertValue(size_t slot, const BytesHash& key, const char* p, uint32_t len,
                       std::vector<uint32_t>& inserted);
  template <class Append>
  uint32_t insertAt(size_t slot, const BytesHash& key, uint32_t len, Append&& append);
  types::MutableColumnPtr stringKeyColumn(const std::vector<uint32_t>& groups) const;
  void findOrInsertString(const types::Column& col, size_t rows, std::vector<uint32_t>& group_ids,
                          std::vector<uint32_t>& inserted);
  void grow();

  std::vector<types::DataTypePtr> key_types_;
  bool one_string_key_ = false;  // the common word-count shape, probed without encoding
  std::vector<Slot> slots_;
  std::vector<uint32_t> key_offsets_{0};
  std::string arena_;
};

}  // namespace runnel::exec
