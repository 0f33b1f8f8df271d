// MetadataLog and the offset/commit file formats of Spark's OffsetSeqLog and CommitLog.
#include "stream/metadata_log.h"

#include <nlohmann/json.hpp>

#include "runnel/error.h"

namespace runnel::stream {

bool MetadataLog::add(int64_t id, const std::string& content) {
  if (fs_.exists(path(id))) return false;
  fs_.writeAtomic(path(id), content);
  return true;
}

std::optional<std::string> MetadataLog::get(int64_t id) const {
  return fs_.read(path(id));
}

std::optional<int64_t> MetadataLog::latestId() const {
  std::optional<int64_t> latest;
  for (const auto& name : fs_.list(dir_)) {
    if (name.empty() || name.find_first_not_of("0123456789") != std::string::npos) continue;
    int64_t id = std::stoll(name);
    if (!latest || id > *latest) latest = id;
  }
  return latest;
}

void MetadataLog::purgeBefore(int64_t id) {
  for (const auto& name : fs_.list(dir_)) {
    if (name.empty() || name.find_first_not_of("0123456789") != std::string::npos) continue;
    if (std::stoll(name) < id) fs_.remove(dir_ + "/" + name);
  }
}

std::string serializeOffsetSeq(const OffsetSeq& seq) {
  nlohmann::ordered_json meta;
  meta["batchWatermarkMs"] = seq.batch_watermark_ms;
  meta["batchTimestampMs"] = seq.batch_timestamp_ms;
  meta["conf"] = {{"spark.sql.streaming.stateStore.providerClass",
                   "org.apache.spark.sql.execution.streaming.state.HDFSBackedStateStoreProvider"},
                  {"spark.sql.streaming.multipleWatermarkPolicy", "min"},
                  {"spark.sql.shuffle.partitions", "200"}};
  std::string out = "v1\n" + meta.dump();
  for (const auto& o : seq.offsets)
    out += "\n" + (o ? std::to_string(*o) : std::string("-"));
  return out;
}

OffsetSeq parseOffsetSeq(const std::string& text) {
  OffsetSeq seq;
  size_t at = text.find('\n');
  if (text.compare(0, 2, "v1") != 0 || at == std::string::npos)
    throw Error(ErrorClass::IllegalArgumentException,
                "Log file was malformed: " + text.substr(0, 20));
  size_t end = text.find('\n', at + 1);
  auto meta = nlohmann::json::parse(
      text.substr(at + 1, end == std::string::npos ? std::string::npos : end - at - 1));
  seq.batch_watermark_ms = meta.value("batchWatermarkMs", int64_t{0});
  seq.batch_timestamp_ms = meta.value("batchTimestampMs", int64_t{0});
  while (end != std::string::npos) {
    size_t next = text.find('\n', end + 1);
    std::string line =
        text.substr(end + 1, next == std::string::npos ? std::string::npos : next - end - 1);
    if (line == "-")
      seq.offsets.push_back(std::nullopt);
    else
      seq.offsets.push_back(std::stoll(line));
    end = next;
  }
  return seq;
}

std::string serializeCommit(int64_t next_batch_watermark_ms,
                            const std::vector<int64_t>& operator_watermarks_ms) {
  std::string out = "v1\n{\"nextBatchWatermarkMs\":" + std::to_string(next_batch_watermark_ms);
  // With several watermarks (a stream-stream join), each operator's own watermark is kept too, so a
  // restart takes the minimum over the same values as an uninterrupted run.
  if (operator_watermarks_ms.size() > 1) {
    out += ",\"operatorWatermarksMs\":[";
    for (size_t i = 0; i < operator_watermarks_ms.size(); ++i)
      out += (i ? "," : "") + std::to_string(operator_watermarks_ms[i]);
    out += "]";
  }
  return out + "}";
}

std::vector<int64_t> parseCommitOperatorWatermarks(const std::string& text) {
  size_t at = text.find('\n');
  if (at == std::string::npos) return {};
  auto j = nlohmann::json::parse(text.substr(at + 1));
  return j.value("operatorWatermarksMs", std::vector<int64_t>{});
}

int64_t parseCommitWatermark(const std::string& text) {
  size_t at = text.find('\n');
  if (at == std::string::npos) return 0;
  auto j = nlohmann::json::parse(text.substr(at + 1));
  return j.value("nextBatchWatermarkMs", int64_t{0});
}

}  // namespace runnel::stream
