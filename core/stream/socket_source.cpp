// SocketSource and SocketHub.
#include "stream/socket_source.h"

#include <algorithm>

#include "stream/socket_hub.h"

namespace runnel::stream {

void SocketHub::push(const std::string& target, const std::vector<std::string>& lines,
                     int64_t now_ms, std::optional<int64_t> first_offset) {
  Target& t = targets_[target];
  for (size_t i = 0; i < lines.size(); ++i) {
    SocketLine line{lines[i], now_ms, std::nullopt};
    if (first_offset) line.offset = *first_offset + static_cast<int64_t>(i);
    if (t.sources.empty()) {
      if (t.pending.size() >= kMaxPendingLines) break;
      t.pending.push_back(std::move(line));
      continue;
    }
    for (auto* s : t.sources)
      s->receive(line);
  }
}

void SocketHub::replayLog(const std::string& target, int64_t first_offset,
                          const std::vector<std::string>& lines, int64_t now_ms) {
  Target& t = targets_[target];
  t.replay_log.clear();
  for (size_t i = 0; i < lines.size(); ++i)
    t.replay_log.push_back({lines[i], now_ms, first_offset + static_cast<int64_t>(i)});
}

void SocketHub::fail(const std::string& target, const std::string& reason) {
  Target& t = targets_[target];
  t.failure = reason;
  for (auto* s : t.sources)
    s->fail(reason);
}

void SocketHub::attach(const std::string& target, SocketSource* source, bool resumed) {
  Target& t = targets_[target];
  t.sources.push_back(source);
  if (resumed) {
    for (const auto& line : t.replay_log)
      source->receive(line);
  }
  for (const auto& line : t.pending)
    source->receive(line);
  t.pending.clear();
  if (t.failure) source->fail(*t.failure);
}

void SocketHub::detach(const std::string& target, SocketSource* source) {
  auto it = targets_.find(target);
  if (it == targets_.end()) return;
  auto& v = it->second.sources;
  v.erase(std::remove(v.begin(), v.end(), source), v.end());
  if (v.empty()) it->second.failure.reset();
}

std::vector<std::string> SocketHub::targets() const {
  std::vector<std::string> out;
  for (const auto& [name, t] : targets_) {
    if (!t.sources.empty()) out.push_back(name);
  }
  return out;
}

types::Schema SocketSource::schemaFor(bool include_timestamp) {
  types::Schema s;
  s.fields.push_back({"value", types::stringType(), true});
  if (include_timestamp) s.fields.push_back({"timestamp", types::timestampType(), true});
  return s;
}

SocketSource::SocketSource(std::weak_ptr<SocketHub> hub, std::string host, int port,
                           bool include_timestamp)
    : hub_(std::move(hub)),
      host_(std::move(host)),
      port_(port),
      include_timestamp_(include_timestamp),
      schema_(schemaFor(include_timestamp)) {}

SocketSource::~SocketSource() {
  stop();
}

std::string SocketSource::description() const {
  return "TextSocketV2[host: " + host_ + ", port: " + std::to_string(port_) + "]";
}

std::optional<int64_t> SocketSource::latestOffset(int64_t) {
  if (!connected_) return -1;
  return latest_offset_;
}

void SocketSource::connect(bool resumed) {
  connected_ = true;
  attached_ = true;
  if (auto hub = hub_.lock()) hub->attach(target(), this, resumed);
}

types::Batch SocketSource::getBatch(std::optional<int64_t> start, int64_t end) {
  // Spark opens the connection lazily while planning the first batch, which therefore reads
  // nothing.
  if (!connected_) connect(false);
  // A re-run batch whose lines the host could not replay: new lines are numbered after it.
  latest_offset_ = std::max(latest_offset_, end);
  auto value = types::Column::make(types::stringType());
  auto time = types::Column::make(types::timestampType());
  int64_t after = start.value_or(-1);
  auto first = std::upper_bound(offsets_.begin(), offsets_.end(), after);
  size_t rows = 0;
  for (size_t i = static_cast<size_t>(first - offsets_.begin());
       i < offsets_.size() && offsets_[i] <= end; ++i) {
    value->appendString(lines_[i]);
    if (include_timestamp_) time->appendInt(times_[i] * 1000);
    ++rows;
  }
  types::Batch b;
  b.schema = schema_;
  b.num_rows = rows;
  b.columns.push_back(value);
  if (include_timestamp_) b.columns.push_back(time);
  return b;
}

void SocketSource::commit(int64_t end) {
  auto drop = std::upper_bound(offsets_.begin(), offsets_.end(), end) - offsets_.begin();
  if (drop <= 0) return;
  lines_.erase(lines_.begin(), lines_.begin() + drop);
  times_.erase(times_.begin(), times_.begin() + drop);
  offsets_.erase(offsets_.begin(), offsets_.begin() + drop);
}

// The checkpoint's batches already connected (batch 0 did), so the source is connected now and
// numbers what it reads after the committed offset.
void SocketSource::resumeFrom(std::optional<int64_t> committed) {
  latest_offset_ = committed.value_or(-1);
  if (!connected_) connect(true);
}

void SocketSource::stop() {
  if (auto hub = hub_.lock(); hub && attached_) hub->detach(target(), this);
  attached_ = false;
}

void SocketSource::receive(const SocketLine& line) {
  int64_t offset = line.offset.value_or(latest_offset_ + 1);
  if (offset <= latest_offset_) return;
  latest_offset_ = offset;
  lines_.push_back(line.text);
  times_.push_back(line.time_ms);
  offsets_.push_back(offset);
}

}  // namespace runnel::stream
