// SparkSession: conf, queries, socket routing, tables and views, and the host's tick().
#include "runnel/spark_session.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "api/session_state.h"
#include "plan/analyzer.h"
#include "stream/micro_batch_execution.h"

namespace runnel {

namespace {
std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}
}  // namespace

std::shared_ptr<SparkSession> SparkSession::create(SessionOptions options) {
  RUNNEL_ASSERT(options.clock != nullptr, "a SparkSession needs a clock");
  if (!options.file_system) options.file_system = makeMemoryFileSystem();
  return std::shared_ptr<SparkSession>(new SparkSession(std::move(options)));
}

SparkSession::SparkSession(SessionOptions options) : state_(std::make_unique<State>()) {
  state_->random.seed(static_cast<uint64_t>(options.clock->nowMs()) ^ 0x5DEECE66Dull);
  state_->options = std::move(options);
}

SparkSession::~SparkSession() = default;

DataStreamReader SparkSession::readStream() {
  return DataStreamReader(shared_from_this());
}
DataFrameReader SparkSession::read() {
  return DataFrameReader(shared_from_this());
}

void SparkSession::setConf(const std::string& key, const std::string& value) {
  state_->conf[lower(key)] = value;
}

std::optional<std::string> SparkSession::getConf(const std::string& key) const {
  auto it = state_->conf.find(lower(key));
  if (it == state_->conf.end()) return std::nullopt;
  return it->second;
}

bool SparkSession::ansiEnabled() const {
  auto v = getConf("spark.sql.ansi.enabled");
  return !v || lower(*v) != "false";
}

std::string SparkSession::timeZone() const {
  return getConf("spark.sql.session.timeZone").value_or("UTC");
}

std::pair<std::shared_ptr<stream::MemoryStream>, DataFrame> SparkSession::memoryStream(
    const types::Schema& schema) {
  int id = state_->next_memory_stream_id;
  state_->next_memory_stream_id += static_cast<int>(schema.size());
  auto ms = std::make_shared<stream::MemoryStream>(schema, id);
  auto spec = std::make_shared<plan::SourceSpec>();
  spec->format = "memory";
  spec->instance = ms;
  spec->description = ms->description();
  return {ms, DataFrame(shared_from_this(), plan::streamingRelation(spec, schema))};
}

std::vector<StreamingQuery> SparkSession::activeQueries() const {
  std::vector<StreamingQuery> out;
  for (const auto& q : state_->queries) {
    if (q.isActive()) out.push_back(q);
  }
  return out;
}

std::optional<StreamingQuery> SparkSession::queryById(const std::string& id) const {
  for (const auto& q : state_->queries) {
    if (q.id() == id) return q;
  }
  return std::nullopt;
}

void SparkSession::registerQuery(const StreamingQuery& query) {
  auto& qs = state_->queries;
  qs.erase(
      std::remove_if(qs.begin(), qs.end(), [](const StreamingQuery& q) { return !q.isActive(); }),
      qs.end());
  qs.push_back(query);
}

void SparkSession::stopAll() {
  for (auto& q : state_->queries)
    q.stop();
}

void SparkSession::pushSocketLines(const std::string& target, const std::vector<std::string>& lines,
                                   std::optional<int64_t> first_offset) {
  state_->hub->push(target, lines, clock().nowMs(), first_offset);
}

void SparkSession::replaySocketLog(const std::string& target, int64_t first_offset,
                                   const std::vector<std::string>& lines) {
  state_->hub->replayLog(target, first_offset, lines, clock().nowMs());
}

void SparkSession::failSocketTarget(const std::string& target, const std::string& reason) {
  state_->hub->fail(target, reason);
}

std::vector<std::string> SparkSession::socketTargets() const {
  return state_->hub->targets();
}

bool SparkSession::tick() {
  bool ran = false;
  // Copy: a query's callbacks may start or stop queries.
  auto queries = state_->queries;
  for (auto& q : queries) {
    if (q.isActive()) ran = q.execution()->tick() || ran;
  }
  return ran;
}

std::optional<int64_t> SparkSession::nextWakeMs() const {
  std::optional<int64_t> next;
  for (const auto& q : state_->queries) {
    if (auto t = q.execution()->nextWakeMs(); t && (!next || *t < *next)) next = t;
  }
  return next;
}

const Clock& SparkSession::clock() const {
  return *state_->options.clock;
}
FileSystem& SparkSession::fileSystem() {
  return *state_->options.file_system;
}
const SessionListener& SparkSession::listener() const {
  return state_->options.listener;
}
size_t SparkSession::chunkCapacity() const {
  return state_->options.chunk_capacity;
}
void SparkSession::setChunkCapacity(size_t rows) {
  state_->options.chunk_capacity = rows;
}
std::shared_ptr<stream::SocketHub> SparkSession::socketHub() {
  return state_->hub;
}

void SparkSession::output(const std::string& text) const {
  if (state_->options.listener.on_output) state_->options.listener.on_output(text);
}

void SparkSession::log(const std::string& level, const std::string& message) const {
  if (state_->options.listener.on_log) state_->options.listener.on_log(level, message);
}

void SparkSession::putTable(const std::string& name, const types::Batch& rows, bool append) {
  auto it = state_->tables.find(name);
  if (!append || it == state_->tables.end()) {
    state_->tables[name] = rows;
  } else {
    it->second = types::concatBatches(it->second.schema, {it->second, rows});
  }
}

std::optional<types::Batch> SparkSession::tableRows(const std::string& name) const {
  auto it = state_->tables.find(name);
  if (it == state_->tables.end()) return std::nullopt;
  return it->second;
}

std::string SparkSession::newUuid() {
  uint64_t a = state_->random(), b = state_->random();
  a = (a & 0xFFFFFFFFFFFF0FFFull) | 0x0000000000004000ull;  // version 4
  b = (b & 0x3FFFFFFFFFFFFFFFull) | 0x8000000000000000ull;  // variant 1
  return fmt::format("{:08x}-{:04x}-{:04x}-{:04x}-{:012x}", a >> 32, (a >> 16) & 0xFFFF, a & 0xFFFF,
                     b >> 48, b & 0xFFFFFFFFFFFFull);
}

}  // namespace runnel
