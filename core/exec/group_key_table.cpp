// GroupKeyTable: key encoding (tag byte + fixed 8 bytes or length-prefixed bytes, recursive for
// arrays and structs), hashing, probing and decoding back into columns.
#include "exec/group_key_table.h"

#include <cmath>
#include <cstring>

#include "runnel/error.h"

namespace runnel::exec {

using types::TypeId;

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
    : key_types_(std::move(key_types)), slots_(1024, Slot{}) {
  one_string_key_ = key_types_.size() == 1 && key_types_[0]->id == TypeId::String;
}

int64_t GroupKeyTable::memoryBytes() const {
  return static_cast<int64_t>(slots_.capacity() * sizeof(Slot) + key_offsets_.capacity() * 4 +
                              arena_.capacity());
}

void GroupKeyTable::grow() {
  std::vector<Slot> bigger(slots_.size() * 2, Slot{});
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

// A one-string-key table's stored keys start with a tag byte and a 4-byte length (the encoding);
// the compared bytes follow.
constexpr size_t kStringValueSkip = 5;

[[gnu::always_inline]] inline bool GroupKeyTable::matches(const Slot& s, const BytesHash& key,
                                                          const char* bytes, uint32_t len) const {
  if (s.hash != key.hash || s.prefix != key.prefix || s.prefix2 != key.prefix2 || s.len != len)
    return false;
  if (len <= 16 || len == kNullKey) return true;
  const size_t skip = one_string_key_ ? kStringValueSkip : 0;
  return sameBytes(arena_.data() + key_offsets_[s.group_plus1 - 1] + skip + 16, bytes + 16,
                   len - 16);
}

// A new group for the key in the empty `slot`; `append()` writes its encoding to the arena.
template <class Append>
uint32_t GroupKeyTable::insertAt(size_t slot, const BytesHash& key, uint32_t len, Append&& append) {
  const size_t g = key_offsets_.size() - 1;
  RUNNEL_ASSERT(g < UINT32_MAX - 1, "fewer than 4 billion groups");
  slots_[slot] = Slot{key.hash, key.prefix, key.prefix2, static_cast<uint32_t>(g + 1), len};
  append();
  RUNNEL_ASSERT(arena_.size() <= UINT32_MAX, "group keys take at most 4 GiB");
  key_offsets_.push_back(static_cast<uint32_t>(arena_.size()));
  if (size() * 2 > slots_.size()) grow();
  return static_cast<uint32_t>(g);
}

template <class Append>
uint32_t GroupKeyTable::probe(BytesHash key, std::string_view bytes, uint32_t len, Append&& append,
                              bool& inserted) {
  const size_t mask = slots_.size() - 1;
  size_t i = key.hash & mask;
  while (true) {
    const Slot& s = slots_[i];
    if (s.group_plus1 == 0) break;
    if (matches(s, key, bytes.data(), len)) {
      inserted = false;
      return s.group_plus1 - 1;
    }
    i = (i + 1) & mask;
  }
  inserted = true;
  return insertAt(i, key, len, append);
}

namespace {
// The hash of a one-string-key table's null key (any constant: equal hashes are told apart by
// the length anyway).
constexpr BytesHash kNullKeyHash{0x8F1BBCDCCA62C1D6ull, 0, 0};

BytesHash hashOf(std::string_view bytes) {
  return hashKeyBytes(bytes.data(), bytes.size(), bytes.data() + bytes.size());
}
}  // namespace

uint32_t GroupKeyTable::probeEncoded(std::string_view key, bool& inserted) {
  auto append = [&] { arena_.append(key); };
  if (!one_string_key_) {
    RUNNEL_ASSERT(key.size() < kNullKey, "a group key takes less than 4 GiB");
    return probe(hashOf(key), key, static_cast<uint32_t>(key.size()), append, inserted);
  }
  if (key[0] != '\1') return probe(kNullKeyHash, {}, kNullKey, append, inserted);
  const std::string_view value = key.substr(kStringValueSkip);
  return probe(hashOf(value), value, static_cast<uint32_t>(value.size()), append, inserted);
}

uint32_t GroupKeyTable::insertEncoded(std::string_view key) {
  bool inserted = false;
  return probeEncoded(key, inserted);
}

// The hot loop of a one-string-key table: a value is hashed and compared in place (never
// encoded), and the insertion path is out of line so the loop keeps its registers.
inline uint32_t GroupKeyTable::findOrInsertValue(const BytesHash& key, const char* p, uint32_t len,
                                                 std::vector<uint32_t>& inserted) {
  const size_t mask = slots_.size() - 1;
  for (size_t i = key.hash & mask;; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.group_plus1 == 0) return insertValue(i, key, p, len, inserted);
    if (matches(s, key, p, len)) return s.group_plus1 - 1;
  }
}

[[gnu::noinline]] uint32_t GroupKeyTable::insertValue(size_t slot, const BytesHash& key,
                                                      const char* p, uint32_t len,
                                                      std::vector<uint32_t>& inserted) {
  const uint32_t g = insertAt(slot, key, len, [&] {
    arena_.push_back('\1');
    arena_.append(reinterpret_cast<const char*>(&len), 4);
    arena_.append(p, len);
  });
  inserted.push_back(g);
  return g;
}

// One string key column. The table outgrows the caches with ~50k groups, so a row's slot is a
// cache miss; consecutive rows are independent, which lets the CPU overlap those misses (a
// prefetch or a look-ahead load measured no faster, in wasm or natively).
void GroupKeyTable::findOrInsertString(const types::Column& col, size_t rows,
                                       std::vector<uint32_t>& group_ids,
                                       std::vector<uint32_t>& inserted_groups) {
  const char* const chars = col.chars.data();
  const char* const chars_end = chars + col.chars.size();
  const uint32_t* const offsets = col.offsets.data();
  const uint8_t* const nulls = col.nulls.empty() ? nullptr : col.nulls.data();
  for (size_t r = 0; r < rows; ++r) {
    if (nulls != nullptr && nulls[r] != 0) {
      bool inserted = false;
      group_ids[r] = probeEncoded(std::string_view("\0", 1), inserted);
      if (inserted) inserted_groups.push_back(group_ids[r]);
      continue;
    }
    const char* const p = chars + offsets[r];
    const uint32_t len = offsets[r + 1] - offsets[r];
    group_ids[r] = findOrInsertValue(hashKeyBytes(p, len, chars_end), p, len, inserted_groups);
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
  if (one_string_key_) return {stringKeyColumn(groups)};
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

// keyColumns of a one-string-key table (update mode outputs every touched word each batch): the
// values are copied from the arena into one pre-sized buffer, without decoding each key.
types::MutableColumnPtr GroupKeyTable::stringKeyColumn(const std::vector<uint32_t>& groups) const {
  auto col = types::Column::make(key_types_[0]);
  col->reserve(groups.size());
  size_t bytes = 0;
  for (uint32_t g : groups)
    bytes += key_offsets_[g + 1] - key_offsets_[g];
  col->chars.resize(bytes + 8);  // slack for copyKeyBytes
  char* const dst = col->chars.data();
  const char* const arena_end = arena_.data() + arena_.size();
  size_t w = 0;
  for (uint32_t g : groups) {
    const char* k = arena_.data() + key_offsets_[g];
    if (k[0] != '\1') {
      col->appendNull();  // adds an offset equal to the last one
      continue;
    }
    uint32_t len;
    std::memcpy(&len, k + 1, 4);
    copyKeyBytes(dst + w, k + 5, len, arena_end);
    w += len;
    col->offsets.push_back(static_cast<uint32_t>(w));
    if (!col->nulls.empty()) col->nulls.push_back(0);
    ++col->size;
  }
  col->chars.resize(w);
  return col;
}

}  // namespace runnel::exec
