// FileStreamSource: the seen-files log is one MetadataLog entry per discovery that found files
// ("v1" then one {"path","timestamp","batchId"} line per file, Spark's FileStreamSourceLog format);
// it is read back in full when the query restarts.
#include "stream/file_stream_source.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "stream/file_stream_sink_log.h"
#include "stream/metadata_log.h"

namespace runnel::stream {

FileStreamOptions FileStreamOptions::parse(const format::ReadOptions& o) {
  FileStreamOptions f;
  if (const std::string* v = o.find("maxFilesPerTrigger")) {
    bool digits = !v->empty() && v->size() <= 10 &&
                  std::all_of(v->begin(), v->end(), [](char c) { return c >= '0' && c <= '9'; });
    int64_t n = digits ? std::stoll(*v) : 0;
    if (n <= 0 || n > INT32_MAX) {
      throw Error(
          ErrorClass::IllegalArgumentException,
          "Invalid value '" + *v + "' for option 'maxFilesPerTrigger', must be a positive integer");
    }
    f.max_files_per_trigger = n;
  }
  if (const std::string* v = o.find("latestFirst")) {
    std::string l = *v;
    std::transform(l.begin(), l.end(), l.begin(), [](unsigned char c) { return std::tolower(c); });
    if (l != "true" && l != "false") {
      throw Error(ErrorClass::IllegalArgumentException,
                  "Invalid value '" + *v + "' for option 'latestFirst', must be true or false");
    }
    f.latest_first = l == "true";
  }
  return f;
}

FileStreamSource::FileStreamSource(FileSystem& fs, std::string path, format::FileFormatKind kind,
                                   format::ReadOptions options, types::Schema schema,
                                   std::string metadata_dir)
    : fs_(fs),
      path_(std::move(path)),
      kind_(kind),
      options_(std::move(options)),
      stream_options_(FileStreamOptions::parse(options_)),
      schema_(std::move(schema)),
      metadata_dir_(std::move(metadata_dir)) {
  MetadataLog log(fs_, metadata_dir_);
  auto latest = log.latestId();
  for (int64_t id = 0; latest && id <= *latest; ++id) {
    std::vector<std::string> files;
    std::string text = log.get(id).value_or("");
    size_t pos = text.find('\n');
    while (pos != std::string::npos) {
      size_t next = text.find('\n', pos + 1);
      std::string line = text.substr(pos + 1, next == std::string::npos ? next : next - pos - 1);
      pos = next;
      auto j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_object() && j.contains("path") && j["path"].is_string()) {
        files.push_back(j["path"].get<std::string>());
      }
    }
    for (const auto& f : files)
      seen_.insert(f);
    entries_.push_back(std::move(files));
  }
}

std::vector<io::DataFile> FileStreamSource::newFiles() const {
  std::vector<io::DataFile> files;
  for (auto& f : sinkAwareDataFiles(fs_, path_)) {
    if (!seen_.count(f.path)) files.push_back(std::move(f));
  }
  bool latest_first = stream_options_.latest_first;
  std::stable_sort(files.begin(), files.end(), [&](const io::DataFile& a, const io::DataFile& b) {
    if (a.modification_ms != b.modification_ms) {
      return latest_first ? a.modification_ms > b.modification_ms
                          : a.modification_ms < b.modification_ms;
    }
    return a.path < b.path;
  });
  if (stream_options_.max_files_per_trigger &&
      files.size() > static_cast<size_t>(*stream_options_.max_files_per_trigger)) {
    files.resize(static_cast<size_t>(*stream_options_.max_files_per_trigger));
  }
  return files;
}

std::optional<int64_t> FileStreamSource::latestOffset(int64_t /*now_ms*/) {
  // The folder may vanish while the query runs; Spark then sees no new files.
  std::vector<io::DataFile> files = fs_.exists(path_) ? newFiles() : std::vector<io::DataFile>{};
  if (!files.empty()) {
    auto id = static_cast<int64_t>(entries_.size());
    std::string content = "v1";
    std::vector<std::string> paths;
    for (const auto& f : files) {
      nlohmann::ordered_json j;
      j["path"] = f.path;
      j["timestamp"] = f.modification_ms;
      j["batchId"] = id;
      content += "\n" + j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      paths.push_back(f.path);
      seen_.insert(f.path);
    }
    MetadataLog(fs_, metadata_dir_).add(id, content);
    entries_.push_back(std::move(paths));
  }
  if (entries_.empty()) return std::nullopt;
  return static_cast<int64_t>(entries_.size()) - 1;
}

types::Batch FileStreamSource::getBatch(std::optional<int64_t> start, int64_t end) {
  RUNNEL_ASSERT(end < static_cast<int64_t>(entries_.size()),
                "offsets come from the seen-files log");
  std::vector<std::string> contents;
  for (int64_t id = start ? *start + 1 : 0; id <= end; ++id) {
    for (const auto& path : entries_[static_cast<size_t>(id)]) {
      // A file deleted after it was seen reads as empty rather than failing the query.
      contents.push_back(fs_.read(path).value_or(""));
    }
  }
  std::vector<std::string_view> views(contents.begin(), contents.end());
  return format::readFiles(kind_, options_, schema_, views);
}

}  // namespace runnel::stream
