// SymmetricHashJoinState: columnar side buffers with a key index; snapshots hold, per side, the row
// count and then per row its matched flag, its key and its values (encodeKeyValue encoding).
#include "exec/symmetric_hash_join_state.h"

#include <cstring>

#include "exec/group_key_table.h"

namespace runnel::exec {

namespace {

void putU32(std::string& out, uint32_t v) {
  out.append(reinterpret_cast<const char*>(&v), 4);
}

uint32_t takeU32(std::string_view& in) {
  uint32_t v = 0;
  std::memcpy(&v, in.data(), 4);
  in.remove_prefix(4);
  return v;
}

}  // namespace

JoinSideRows::JoinSideRows(types::Schema schema) : rows_(types::Batch::empty(schema)) {}

std::vector<uint32_t> JoinSideRows::lookup(const std::string& key) const {
  std::vector<uint32_t> out;
  auto range = index_.equal_range(key);
  for (auto it = range.first; it != range.second; ++it)
    out.push_back(it->second);
  return out;
}

void JoinSideRows::append(const types::Batch& batch, const std::vector<uint32_t>& which,
                          const std::vector<std::optional<std::string>>& keys,
                          const std::vector<uint8_t>& matched) {
  if (which.empty()) return;
  rows_ = types::concatBatches(rows_.schema, {rows_, batch.gather(which)});
  for (uint32_t r : which) {
    uint32_t at = static_cast<uint32_t>(keys_.size());
    keys_.push_back(keys[r]);
    matched_.push_back(matched[r]);
    if (keys[r]) index_.emplace(*keys[r], at);
  }
}

void JoinSideRows::keepOnly(const std::vector<uint32_t>& keep) {
  if (keep.size() == rows_.num_rows) return;
  rows_ = rows_.gather(keep);
  std::vector<std::optional<std::string>> keys;
  std::vector<uint8_t> matched;
  for (uint32_t r : keep) {
    keys.push_back(std::move(keys_[r]));
    matched.push_back(matched_[r]);
  }
  keys_ = std::move(keys);
  matched_ = std::move(matched);
  reindex();
}

void JoinSideRows::reindex() {
  index_.clear();
  for (uint32_t r = 0; r < keys_.size(); ++r) {
    if (keys_[r]) index_.emplace(*keys_[r], r);
  }
}

int64_t JoinSideRows::memoryBytes() const {
  // Key bytes plus a fixed estimate per row for its values and index entry.
  constexpr int64_t kPerRow = 64;
  int64_t n = 0;
  for (const auto& k : keys_)
    n += kPerRow + (k ? static_cast<int64_t>(k->size()) : 0);
  return n;
}

void JoinSideRows::serialize(std::string& out) const {
  putU32(out, static_cast<uint32_t>(rows_.num_rows));
  for (size_t r = 0; r < rows_.num_rows; ++r) {
    out.push_back(static_cast<char>(matched_[r]));
    out.push_back(keys_[r] ? 1 : 0);
    if (keys_[r]) {
      putU32(out, static_cast<uint32_t>(keys_[r]->size()));
      out.append(*keys_[r]);
    }
    for (const auto& c : rows_.columns)
      encodeKeyValue(*c, r, out);
  }
}

void JoinSideRows::deserialize(std::string_view& in) {
  uint32_t n = takeU32(in);
  std::vector<types::MutableColumnPtr> cols;
  for (const auto& f : rows_.schema.fields)
    cols.push_back(types::Column::make(f.type));
  keys_.clear();
  matched_.clear();
  for (uint32_t r = 0; r < n; ++r) {
    matched_.push_back(static_cast<uint8_t>(in[0]));
    bool has_key = in[1] != 0;
    in.remove_prefix(2);
    if (has_key) {
      uint32_t len = takeU32(in);
      keys_.emplace_back(std::string(in.substr(0, len)));
      in.remove_prefix(len);
    } else {
      keys_.emplace_back(std::nullopt);
    }
    for (auto& c : cols)
      decodeKeyValue(in, *c);
  }
  rows_.num_rows = n;
  rows_.columns.assign(cols.begin(), cols.end());
  reindex();
}

std::string SymmetricHashJoinState::serialize() const {
  std::string out;
  left.serialize(out);
  right.serialize(out);
  return out;
}

void SymmetricHashJoinState::deserialize(const std::string& bytes) {
  std::string_view in(bytes);
  left.deserialize(in);
  right.deserialize(in);
}

}  // namespace runnel::exec
