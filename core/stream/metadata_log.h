// MetadataLog: one atomic file per batch id under a folder (Spark's HDFSMetadataLog): `add` never
// overwrites, the latest id is found by listing.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "runnel/file_system.h"

namespace runnel::stream {

class MetadataLog {
 public:
  MetadataLog(FileSystem& fs, std::string dir) : fs_(fs), dir_(std::move(dir)) {}
  // False when batch `id` already has a file (the existing one wins, as in Spark).
  bool add(int64_t id, const std::string& content);
  std::optional<std::string> get(int64_t id) const;
  std::optional<int64_t> latestId() const;
  void purgeBefore(int64_t id);

 private:
  std::string path(int64_t id) const { return dir_ + "/" + std::to_string(id); }
  FileSystem& fs_;
  std::string dir_;
};

// offsets/<id>: "v1", the OffsetSeqMetadata JSON, then one offset per source ("-" when none).
struct OffsetSeq {
  int64_t batch_watermark_ms = 0;
  int64_t batch_timestamp_ms = 0;
  std::vector<std::optional<int64_t>> offsets;
};
std::string serializeOffsetSeq(const OffsetSeq& seq);
OffsetSeq parseOffsetSeq(const std::string& text);

// commits/<id>: "v1" then {"nextBatchWatermarkMs":N}.
std::string serializeCommit(int64_t next_batch_watermark_ms,
                            const std::vector<int64_t>& operator_watermarks_ms = {});
// The per-watermark-operator values a commit holds when the query has several watermarks.
std::vector<int64_t> parseCommitOperatorWatermarks(const std::string& text);
int64_t parseCommitWatermark(const std::string& text);

}  // namespace runnel::stream
