// GroupKeyTable: key encoding (tag byte + fixed 8 bytes or length-prefixed bytes, recursive for arrays
// and structs), hashing, probing and decoding back into columns.
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
      if (d == 0) d = 0;     // -0.0 and 0.0 group together, as Spark normalises them
      if (d != d) d = NAN;   // one NaN
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
      for (const auto& c : col.children) encodeKeyValue(*c, row, out);
      break;
    case TypeId::Null: break;
    default: out.append(reinterpret_cast<const char*>(&col.ints[row]), 8); break;
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
      for (uint32_t i = 0; i < len; ++i) decodeKeyValue(in, *out.children[0]);
      out.closeArrayRow();
      break;
    }
    case TypeId::Struct:
      for (auto& c : out.children) decodeKeyValue(in, *c);
      out.closeStructRow();
      break;
    case TypeId::Null: out.appendNull(); break;
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
    : key_types_(std::move(key_types)), slots_(1024, 0) {}

int64_t GroupKeyTable::memoryBytes() const {
  return static_cast<int64_t>(slots_.capacity() * 8 + key_offsets_.capacity() * 4 +
                              hashes_.capacity() * 8 + arena_.capacity());
}

void GroupKeyTable::grow() {
  std::vector<uint64_t> bigger(slots_.size() * 2, 0);
  const size_t mask = bigger.size() - 1;
  for (uint32_t g = 0; g < hashes_.size(); ++g) {
    size_t i = hashes_[g] & mask;
    while (bigger[i] != 0) i = (i + 1) & mask;
    bigger[i] = ((hashes_[g] >> 32) << 32) | (g + 1);
  }
  slots_.swap(bigger);
}

uint32_t GroupKeyTable::probe(std::string_view key, uint64_t hash, bool& inserted) {
  const size_t mask = slots_.size() - 1;
  const uint64_t tag = hash >> 32;
  size_t i = hash & mask;
  while (true) {
    uint64_t s = slots_[i];
    if (s == 0) break;
    if ((s >> 32) == tag) {
      uint32_t g = static_cast<uint32_t>(s & 0xFFFFFFFFu) - 1;
      if (encodedKey(g) == key) {
        inserted = false;
        return g;
      }
    }
    i = (i + 1) & mask;
  }
  uint32_t g = static_cast<uint32_t>(hashes_.size());
  RUNNEL_ASSERT(g < UINT32_MAX - 1, "fewer than 4 billion groups");
  slots_[i] = (tag << 32) | (g + 1);
  hashes_.push_back(hash);
  arena_.append(key);
  key_offsets_.push_back(static_cast<uint32_t>(arena_.size()));
  inserted = true;
  if (hashes_.size() * 2 > slots_.size()) grow();
  return g;
}

uint32_t GroupKeyTable::insertEncoded(std::string_view key) {
  bool inserted = false;
  return probe(key, hashBytes(key), inserted);
}

void GroupKeyTable::findOrInsert(const std::vector<types::ColumnPtr>& keys, size_t rows,
                                 std::vector<uint32_t>& group_ids,
                                 std::vector<uint32_t>& inserted_groups) {
  group_ids.resize(rows);
  std::string scratch;
  for (size_t r = 0; r < rows; ++r) {
    scratch.clear();
    for (const auto& k : keys) encodeKeyValue(*k, r, scratch);
    bool inserted = false;
    group_ids[r] = probe(scratch, hashBytes(scratch), inserted);
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
    for (auto& c : cols) decodeKeyValue(in, *c);
  }
  return cols;
}

}  // namespace runnel::exec
