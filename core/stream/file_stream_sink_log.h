// FileStreamSinkLog: the `_spark_metadata` folder a file sink keeps under its output path (Spark's
// FileStreamSinkLog on CompactibleFileStreamLog). One file per batch id lists the files that batch
// added, one SinkFileStatus JSON object a line after a `v1` line; every 10th batch is written as
// `<id>.compact` holding every file so far, so readers need not read every batch.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "io/file_index.h"
#include "runnel/file_system.h"

namespace runnel::stream {

// SinkFileStatus: one file a batch added.
struct SinkFileStatus {
  std::string path;  // "file:///out/part-00000-<uuid>.csv" for an absolute path
  int64_t size = 0;
  int64_t modification_time_ms = 0;
};

class FileStreamSinkLog {
 public:
  static constexpr const char* kMetadataDir = "_spark_metadata";
  // spark.sql.streaming.fileSink.log.compactInterval
  static constexpr int64_t kCompactInterval = 10;

  FileStreamSinkLog(FileSystem& fs, const std::string& output_path);
  // Whether `output_path` holds a sink log (FileStreamSink.hasMetadata): readers then list its
  // files instead of the folder's.
  static bool hasMetadata(const FileSystem& fs, const std::string& output_path);

  std::optional<int64_t> latestBatchId() const;
  // False when batch `id` is already logged: the first writer wins, as HDFSMetadataLog.add.
  bool add(int64_t id, const std::vector<SinkFileStatus>& files);
  // Every file logged up to the latest batch (MetadataLogFileIndex), in the order they were added.
  std::vector<SinkFileStatus> allFiles() const;
  // The output-path file a logged path names ("file://" dropped).
  static std::string localPath(const std::string& logged);

 private:
  std::string batchPath(int64_t id) const;
  std::vector<SinkFileStatus> read(int64_t id) const;

  FileSystem& fs_;
  std::string dir_;
};

// The data files a batch read or a file source of `path` sees: the files the sink log committed
// when `path` is a file sink's output (FileStreamSink.hasMetadata, then MetadataLogFileIndex), else
// the folder's visible files. A part file of a crashed batch is thus never read.
std::vector<io::DataFile> sinkAwareDataFiles(FileSystem& fs, const std::string& path);

}  // namespace runnel::stream
