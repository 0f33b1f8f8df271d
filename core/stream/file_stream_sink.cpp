// FileStreamSink: part-00000-<uuid>.<ext> (one task, so split 0), written atomically, then the
// metadata log entry. A crash between the two leaves a part file no log names; readers that honour
// the log never see it, and the re-run writes a new one.
#include "stream/file_stream_sink.h"

#include "format/csv_writer.h"
#include "format/json_writer.h"
#include "stream/file_stream_sink_log.h"

namespace runnel::stream {

void FileStreamSink::addBatch(int64_t batch_id, const types::Batch& data, exec::OutputMode) {
  FileStreamSinkLog log(fs_, path_);
  auto latest = log.latestBatchId();
  if (latest && batch_id <= *latest) return;  // "Skipping already committed batch"
  std::vector<SinkFileStatus> files;
  if (data.num_rows > 0) {
    std::string text;
    if (format_ == FileSinkFormat::Csv) {
      if (csv_.header) format::appendCsvHeader(text, data.schema, csv_);  // per file
      format::appendCsvRows(text, data, csv_);
    } else {
      format::appendJsonRows(text, data, json_);
    }
    std::string dir = path_;
    while (dir.size() > 1 && dir.back() == '/')
      dir.pop_back();
    std::string file =
        dir + "/part-00000-" + new_uuid_() + (format_ == FileSinkFormat::Csv ? ".csv" : ".json");
    fs_.writeAtomic(file, text);
    std::string logged = file.front() == '/' ? "file://" + file : file;
    files.push_back({logged, static_cast<int64_t>(text.size()), fs_.modificationTimeMs(file)});
  }
  log.add(batch_id, files);
}

}  // namespace runnel::stream
