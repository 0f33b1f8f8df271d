// FileStreamSink: the csv and json streaming sinks (Spark's FileStreamSink with
// ManifestFileCommitProtocol). Each batch's rows go to one new part file under the output path and
// the batch is then recorded in `<path>/_spark_metadata`; a batch already recorded there (re-run
// after a restart) is skipped, so a restart writes no file twice. Append mode only.
#pragma once

#include <functional>
#include <string>

#include "format/csv_options.h"
#include "format/json_write_options.h"
#include "runnel/file_system.h"
#include "stream/sink.h"

namespace runnel::stream {

enum class FileSinkFormat { Csv, Json };

class FileStreamSink final : public Sink {
 public:
  // `new_uuid` names part files (the write job's UUID, as Spark's FileFormatWriter); `options`
  // are the writer's, of which the sink's format reads its own.
  FileStreamSink(FileSystem& fs, std::string path, FileSinkFormat format,
                 const format::ReadOptions& options, std::function<std::string()> new_uuid)
      : fs_(fs), path_(std::move(path)), format_(format), new_uuid_(std::move(new_uuid)) {
    if (format == FileSinkFormat::Csv)
      csv_ = format::CsvOptions::from(options);
    else
      json_ = format::JsonWriteOptions::from(options);
  }
  std::string description() const override { return "FileSink[" + path_ + "]"; }
  void addBatch(int64_t batch_id, const types::Batch& data, exec::OutputMode mode) override;

 private:
  FileSystem& fs_;
  std::string path_;
  FileSinkFormat format_;
  format::CsvOptions csv_;
  format::JsonWriteOptions json_;
  std::function<std::string()> new_uuid_;
};

}  // namespace runnel::stream
