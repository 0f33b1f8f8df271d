// GroupKeyTable: key encoding (tag byte + fixed 8 bytes or length-prefixed bytes, recursive for
// arrays and structs), hashing, probing and decoding back into columns.
#include "exec/group_key_table.h"

#include <cmath>
#include <cstring>

#include "runnel/error.h"

namespace runnel::exec {

using types::TypeId;

uint64_t hashBytes(std::string_view bytes) {
  const uint64_t k = 0x9E3779B97F4A7C15ull;
  uint64_t h = 0x243F6A8885A308D3ull ^ (bytes.size() * k);
  const char* p = bytes.data();
  size_t n = bytes.size();
  while (n >= 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    h = (h ^ w) * k;
    h ^= h >> 29;
    p += 8;
    n -= 8;
  }
  uint64_t w = 0;
  if (n > 0) std::memcpy(&w, p, n);
  h = (h ^ w) * k;
  h ^= h >> 32;
  h *= 0xD6E8FEB86659FD93ull;
  h ^= h >> 32;
  return h;
}

void encodeKeyValue(const types::Column& col, size_t row, std::string& out) {
  if (col.isNull(row)) {
    out.push_back('\0');
    return;
  }
  out.push_back('\1');
  switch (col.type->id) {
    case TypeId::String: {
      std::string_view s = col.stringAt(row);
      uint32_t len = static_cast<uint32_t>(s.size());
      out.append(reinterpret_cast<const char*>(&len), 4);
      out.append(s);
      break;
    }
    case TypeId::Double: {
      double d = col.doubles[row];
      if (d == 0) d = 0;    // -0.0 and 0.0 group together, as Spark normalises them
      if (d != d) d = NAN;  // one NaN
      out.append(reinterpret_cast<const char*>(&d), 8);
      break;
    }
    case TypeId::Array: {
      uint32_t len = static_cast<uint32_t>(col.arrayLength(row));
      out.append(reinterpret_cast<const char*>(&len), 4);
      for (uint32_t i = col.offsets[row]; i < col.offsets[row + 1]; ++i)
        encodeKeyValue(*col.children[0], i, out);
      break;
    }
    case TypeId::Struct:
      for (const auto& c : col.children)
        encodeKeyValue(*c, row, out);
      break;
    case TypeId::Null:
      break;
    default:
      out.append(reinterpret_cast<const char*>(&col.ints[row]), 8);
      break;
  }
}

void decodeKeyValue(std::string_view& in, types::Column& out) {
  char tag = in[0];
  in.remove_prefix(1);
  if (tag == '\0') {
    out.appendNull();
    return;
  }
  switch (out.type->id) {
    case TypeId::String: {
      uint32_t len;
      std::memcpy(&len, in.data(), 4);
      out.appendString(in.substr(4, len));
      in.remove_prefix(4 + len);
      break;
    }
    case TypeId::Double: {
      double d;
      std::memcpy(&d, in.data(), 8);
      out.appendDouble(d);
      in.remove_prefix(8);
      break;
    }
    case TypeId::Array: {
      uint32_t len;
      std::memcpy(&len, in.data(), 4);
      in.remove_prefix(4);
      for (uint32_t i = 0; i < len; ++i)
        decodeKeyValue(in, *out.children[0]);
      out.closeArrayRow();
      break;
    }
    case TypeId::Struct:
      for (auto& c : out.children)
        decodeKeyValue(in, *c);
      out.closeStructRow();
      break;
    case TypeId::Null:
      out.appendNull();
      break;
    default: {
      int64_t v;
      std::memcpy(&v, in.data(), 8);
      out.appendInt(v);
      in.remove_prefix(8);
      break;
    }
  }
}

GroupKeyTable::GroupKeyTable(std::vector<types::DataTypePtr> key_types)
    : key_types_(std::move(key_types)), slots_(1024, Slot{0, 0, 0}) {
  one_string_key_ = key_types_.size() == 1 && key_types_[0]->id == TypeId::String;
}

int64_t GroupKeyTable::memoryBytes() const {
  return static_cast<int64_t>(slots_.capacity() * sizeof(Slot) + key_offsets_.capacity() * 4 +
                              arena_.capacity());
}

// A single non-null string key hashes its value bytes, not its encoding ('\1', length, bytes),
// so the fast path hashes the column's bytes in place; every other key hashes its encoding.
uint64_t GroupKeyTable::keyHash(std::string_view encoded) const {
  if (one_string_key_ && encoded.size() >= 5 && encoded[0] == '\1')
    return hashBytes(encoded.substr(5));
  return hashBytes(encoded);
}

void GroupKeyTable::grow() {
  std::vector<Slot> bigger(slots_.size() * 2, Slot{0, 0, 0});
  const size_t mask = bigger.size() - 1;
  for (const Slot& s : slots_) {
    if (s.group_plus1 == 0) continue;
    size_t i = s.hash & mask;
    while (bigger[i].group_plus1 != 0)
      i = (i + 1) & mask;
    bigger[i] = s;
  }
  slots_.swap(bigger);
}

template <class Same, class Append>
uint32_t GroupKeyTable::probe(uint64_t hash, Same&& same, Append&& append, bool& inserted) {
  const size_t mask = slots_.size() - 1;
  size_t i = hash & mask;
  while (true) {
    const Slot& s = slots_[i];
    if (s.group_plus1 == 0) break;
    if (s.hash == hash && same(s)) {
      inserted = false;
      return s.group_plus1 - 1;
    }
    i = (i + 1) & mask;
  }
  const size_t g = key_offsets_.size() - 1;
  RUNNEL_ASSERT(g < UINT32_MAX - 1, "fewer than 4 billion groups");
  RUNNEL_ASSERT(arena_.size() <= UINT32_MAX, "group keys take at most 4 GiB");
  slots_[i] = Slot{hash, static_cast<uint32_t>(g + 1), static_cast<uint32_t>(arena_.size())};
  append();
  key_offsets_.push_back(static_cast<uint32_t>(arena_.size()));
  inserted = true;
  if (size() * 2 > slots_.size()) grow();
  return static_cast<uint32_t>(g);
}

uint32_t GroupKeyTable::probeEncoded(std::string_view key, bool& inserted) {
  return probe(
      keyHash(key), [&](const Slot& s) { return encodedKey(s.group_plus1 - 1) == key; },
      [&] { arena_.append(key); }, inserted);
}

uint32_t GroupKeyTable::insertEncoded(std::string_view key) {
  bool inserted = false;
  return probeEncoded(key, inserted);
}

// One string key column: hashes are computed for the whole chunk first so each probe can
// prefetch the slot a few rows ahead (the table outgrows the L2 cache with ~50k groups), and a
// key is compared against its arena bytes without being encoded.
void GroupKeyTable::findOrInsertString(const types::Column& col, size_t rows,
                                       std::vector<uint32_t>& group_ids,
                                       std::vector<uint32_t>& inserted_groups) {
  constexpr size_t kAhead = 8;
  hash_scratch_.resize(rows);
  for (size_t r = 0; r < rows; ++r) {
    hash_scratch_[r] =
        col.isNull(r) ? keyHash(std::string_view("\0", 1)) : hashBytes(col.stringAt(r));
  }
  for (size_t r = 0; r < rows; ++r) {
    if (r + kAhead < rows)
      __builtin_prefetch(&slots_[hash_scratch_[r + kAhead] & (slots_.size() - 1)]);
    bool inserted = false;
    if (col.isNull(r)) {
      group_ids[r] = probeEncoded(std::string_view("\0", 1), inserted);
    } else {
      const std::string_view v = col.stringAt(r);
      const uint32_t len = static_cast<uint32_t>(v.size());
      group_ids[r] = probe(
          hash_scratch_[r],
          [&](const Slot& s) {
            const char* k = arena_.data() + s.key_offset;
            if (k[0] != '\1') return false;  // a null key is one byte: read no further
            uint32_t stored;
            std::memcpy(&stored, k + 1, 4);
            return stored == len && std::memcmp(k + 5, v.data(), len) == 0;
          },
          [&] {
            arena_.push_back('\1');
            arena_.append(reinterpret_cast<const char*>(&len), 4);
            arena_.append(v);
          },
          inserted);
    }
    if (inserted) inserted_groups.push_back(group_ids[r]);
  }
}

void GroupKeyTable::findOrInsert(const std::vector<types::ColumnPtr>& keys, size_t rows,
                                 std::vector<uint32_t>& group_ids,
                                 std::vector<uint32_t>& inserted_groups) {
  group_ids.resize(rows);
  if (one_string_key_ && keys.size() == 1 && keys[0]->type->id == TypeId::String) {
    findOrInsertString(*keys[0], rows, group_ids, inserted_groups);
    return;
  }
  std::string scratch;
  for (size_t r = 0; r < rows; ++r) {
    scratch.clear();
    for (const auto& k : keys)
      encodeKeyValue(*k, r, scratch);
    bool inserted = false;
    group_ids[r] = probeEncoded(scratch, inserted);
    if (inserted) inserted_groups.push_back(group_ids[r]);
  }
}

std::vector<types::MutableColumnPtr> GroupKeyTable::keyColumns(
    const std::vector<uint32_t>& groups) const {
  std::vector<types::MutableColumnPtr> cols;
  for (const auto& t : key_types_) {
    cols.push_back(types::Column::make(t));
    cols.back()->reserve(groups.size());
  }
  for (uint32_t g : groups) {
    std::string_view in = encodedKey(g);
    for (auto& c : cols)
      decodeKeyValue(in, *c);
  }
  return cols;
}

}  // namespace runnel::exec
