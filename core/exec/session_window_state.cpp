// SessionWindowState: sessions per key, merged on insert; snapshots as CBOR of
// [[encoded key, [[start, end, [buffer per aggregate...]]...]]...].
#include "exec/session_window_state.h"

#include <algorithm>
#include <iterator>

#include <nlohmann/json.hpp>

namespace runnel::exec {

SessionWindowState::SessionWindowState(std::vector<types::DataTypePtr> key_types,
                                       const std::vector<expr::ExprPtr>& aggregates)
    : table_(std::move(key_types)), aggregates_(aggregates) {
  for (const auto& a : aggregates_)
    accumulators_.push_back(makeAccumulator(*a));
}

int64_t SessionWindowState::memoryUsedBytes() const {
  return table_.memoryBytes() + static_cast<int64_t>(live_ * sizeof(Session));
}

uint32_t SessionWindowState::newSlot() {
  uint32_t slot = slots_++;
  for (auto& a : accumulators_)
    a->resize(slots_);
  return slot;
}

void SessionWindowState::findOrInsertKeys(const std::vector<types::ColumnPtr>& keys, size_t rows,
                                          std::vector<uint32_t>& key_ids) {
  std::vector<uint32_t> inserted;
  table_.findOrInsert(keys, rows, key_ids, inserted);
  sessions_.resize(table_.size());
}

uint32_t SessionWindowState::addSession(uint32_t key, int64_t start, int64_t end,
                                        const expr::EvalContext& ctx,
                                        std::unordered_map<uint32_t, uint32_t>& merged) {
  std::vector<Session>& list = sessions_[key];
  // Sessions are disjoint and sorted, so their ends are sorted too: the first one that may overlap
  // is the first ending at or after `start`; it and the ones after it starting at or before `end`
  // merge with the new range.
  auto first = std::lower_bound(list.begin(), list.end(), start,
                                [](const Session& s, int64_t t) { return s.end < t; });
  auto last = first;
  while (last != list.end() && last->start <= end)
    ++last;
  if (first == last) {
    uint32_t slot = newSlot();
    list.insert(first, Session{start, end, slot});
    ++live_;
    return slot;
  }
  Session& survivor = *first;
  survivor.start = std::min(survivor.start, start);
  survivor.end = std::max(std::prev(last)->end, end);
  for (auto it = std::next(first); it != last; ++it) {
    for (auto& a : accumulators_)
      a->merge(survivor.slot, it->slot, ctx);
    merged[it->slot] = survivor.slot;
    --live_;
  }
  uint32_t slot = survivor.slot;
  list.erase(std::next(first), last);
  return slot;
}

void SessionWindowState::evictFirst(uint32_t key, size_t count) {
  auto& list = sessions_[key];
  list.erase(list.begin(), list.begin() + static_cast<std::ptrdiff_t>(count));
  live_ -= count;
}

void SessionWindowState::compact() {
  // Merged and evicted sessions leave their slots behind; copying the live ones through the
  // snapshot form keeps memory proportional to the open sessions.
  constexpr size_t kMinDeadSlots = 1024;
  if (slots_ < 2 * live_ + kMinDeadSlots) return;
  std::vector<std::unique_ptr<Accumulator>> fresh;
  for (const auto& a : aggregates_) {
    fresh.push_back(makeAccumulator(*a));
    fresh.back()->resize(live_);
  }
  uint32_t next = 0;
  for (auto& list : sessions_) {
    for (auto& s : list) {
      for (size_t i = 0; i < fresh.size(); ++i)
        fresh[i]->load(next, accumulators_[i]->save(s.slot));
      s.slot = next++;
    }
  }
  accumulators_ = std::move(fresh);
  slots_ = next;
}

std::string SessionWindowState::serialize() const {
  nlohmann::json keys = nlohmann::json::array();
  for (uint32_t k = 0; k < sessions_.size(); ++k) {
    if (sessions_[k].empty()) continue;
    nlohmann::json list = nlohmann::json::array();
    for (const auto& s : sessions_[k]) {
      nlohmann::json buffers = nlohmann::json::array();
      for (const auto& a : accumulators_)
        buffers.push_back(a->save(s.slot));
      list.push_back({s.start, s.end, buffers});
    }
    std::string_view key = table_.encodedKey(k);
    keys.push_back({nlohmann::json::binary({key.begin(), key.end()}), list});
  }
  auto bytes = nlohmann::json::to_cbor(keys);
  return std::string(bytes.begin(), bytes.end());
}

void SessionWindowState::deserialize(const std::string& bytes) {
  auto keys = nlohmann::json::from_cbor(bytes);
  for (const auto& entry : keys) {
    const auto& key = entry[0].get_binary();
    uint32_t k = table_.insertEncoded(
        std::string_view(reinterpret_cast<const char*>(key.data()), key.size()));
    sessions_.resize(table_.size());
    for (const auto& s : entry[1]) {
      uint32_t slot = newSlot();
      for (size_t i = 0; i < accumulators_.size(); ++i)
        accumulators_[i]->load(slot, s[2][i]);
      sessions_[k].push_back(Session{s[0].get<int64_t>(), s[1].get<int64_t>(), slot});
      ++live_;
    }
  }
}

}  // namespace runnel::exec
