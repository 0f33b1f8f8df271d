// SocketSource and SocketHub.
#include "stream/socket_source.h"

#include <algorithm>

#include "stream/socket_hub.h"

namespace runnel::stream {

void SocketHub::push(const std::string& target, const std::vector<std::string>& lines,
                     int64_t now_ms) {
  Target& t = targets_[target];
  if (t.sources.empty()) {
    for (const auto& l : lines) {
      if (t.pending.size() >= kMaxPendingLines) break;
      t.pending.push_back(l);
      t.pending_times.push_back(now_ms);
    }
    return;
  }
  for (auto* s : t.sources) {
    for (const auto& l : lines)
      s->receive(l, now_ms);
  }
}

void SocketHub::fail(const std::string& target, const std::string& reason) {
  Target& t = targets_[target];
  t.failure = reason;
  for (auto* s : t.sources)
    s->fail(reason);
}

void SocketHub::attach(const std::string& target, SocketSource* source) {
  Target& t = targets_[target];
  t.sources.push_back(source);
  for (size_t i = 0; i < t.pending.size(); ++i)
    source->receive(t.pending[i], t.pending_times[i]);
  t.pending.clear();
  t.pending_times.clear();
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
  return first_offset_ + static_cast<int64_t>(lines_.size()) - 1;
}

types::Batch SocketSource::getBatch(std::optional<int64_t> start, int64_t end) {
  // Spark opens the connection lazily while planning the first batch, which therefore reads
  // nothing.
  if (!connected_) {
    connected_ = true;
    attached_ = true;
    if (auto hub = hub_.lock()) hub->attach(target(), this);
  }
  auto value = types::Column::make(types::stringType());
  auto time = types::Column::make(types::timestampType());
  int64_t from = std::max<int64_t>(start.value_or(-1) + 1, first_offset_);
  size_t rows = 0;
  for (int64_t o = from; o <= end; ++o) {
    size_t i = static_cast<size_t>(o - first_offset_);
    if (i >= lines_.size()) break;
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
  int64_t drop = std::min<int64_t>(end - first_offset_ + 1, static_cast<int64_t>(lines_.size()));
  if (drop <= 0) return;
  lines_.erase(lines_.begin(), lines_.begin() + drop);
  times_.erase(times_.begin(), times_.begin() + drop);
  first_offset_ += drop;
}

void SocketSource::stop() {
  if (auto hub = hub_.lock(); hub && attached_) hub->detach(target(), this);
  attached_ = false;
}

void SocketSource::receive(const std::string& line, int64_t time_ms) {
  lines_.push_back(line);
  times_.push_back(time_ms);
}

}  // namespace runnel::stream
