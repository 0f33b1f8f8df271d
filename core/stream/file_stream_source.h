// FileStreamSource: Spark's FileStreamSource for csv, json and text. Each trigger lists the folder;
// files not seen yet (sorted by modification time, then name; newest first with latestFirst) are
// capped by maxFilesPerTrigger and logged as one entry of <checkpoint>/sources/<i>/. The offset is
// the latest entry's id (Spark's logOffset), so a restart re-reads exactly the logged files.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "format/file_format.h"
#include "io/file_index.h"
#include "runnel/file_system.h"
#include "stream/source.h"

namespace runnel::stream {

// FileStreamOptions, validated with Spark's messages.
struct FileStreamOptions {
  std::optional<int64_t> max_files_per_trigger;
  bool latest_first = false;

  static FileStreamOptions parse(const format::ReadOptions& options);
};

class FileStreamSource final : public Source {
 public:
  FileStreamSource(FileSystem& fs, std::string path, format::FileFormatKind kind,
                   format::ReadOptions options, types::Schema schema, std::string metadata_dir);
  std::string description() const override { return "FileStreamSource[" + path_ + "]"; }
  const types::Schema& schema() const override { return schema_; }
  std::optional<int64_t> latestOffset(int64_t now_ms) override;
  types::Batch getBatch(std::optional<int64_t> start, int64_t end) override;

 private:
  std::vector<io::DataFile> newFiles() const;

  FileSystem& fs_;
  std::string path_;
  format::FileFormatKind kind_;
  format::ReadOptions options_;
  FileStreamOptions stream_options_;
  types::Schema schema_;
  std::string metadata_dir_;
  std::vector<std::vector<std::string>> entries_;  // entry id -> the files it added
  std::set<std::string> seen_;
};

}  // namespace runnel::stream
