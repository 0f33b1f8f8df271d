// FileStreamSinkLog: batch files are "v1\n" plus one JSON line per file, no trailing newline,
// written atomically. A compact file is named "<id>.compact"; deltas after it are plain "<id>".
#include "stream/file_stream_sink_log.h"

#include <nlohmann/json.hpp>

#include "runnel/error.h"

namespace runnel::stream {

namespace {

constexpr const char* kCompactSuffix = ".compact";

// The batch id a log file name stands for, or nullopt for other names (temp files).
std::optional<int64_t> batchIdOf(const std::string& name) {
  std::string digits = name;
  std::string suffix = kCompactSuffix;
  if (digits.size() > suffix.size() &&
      digits.compare(digits.size() - suffix.size(), suffix.size(), suffix) == 0)
    digits.resize(digits.size() - suffix.size());
  if (digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;
  return std::stoll(digits);
}

bool isCompactBatch(int64_t id) {
  return (id + 1) % FileStreamSinkLog::kCompactInterval == 0;
}

std::string trimSlashes(std::string p) {
  while (p.size() > 1 && p.back() == '/')
    p.pop_back();
  return p;
}

}  // namespace

FileStreamSinkLog::FileStreamSinkLog(FileSystem& fs, const std::string& output_path)
    : fs_(fs), dir_(trimSlashes(output_path) + "/" + kMetadataDir) {}

bool FileStreamSinkLog::hasMetadata(const FileSystem& fs, const std::string& output_path) {
  return !fs.list(trimSlashes(output_path) + "/" + kMetadataDir).empty();
}

std::string FileStreamSinkLog::batchPath(int64_t id) const {
  return dir_ + "/" + std::to_string(id) + (isCompactBatch(id) ? kCompactSuffix : "");
}

std::string FileStreamSinkLog::localPath(const std::string& logged) {
  const std::string scheme = "file://";
  return logged.compare(0, scheme.size(), scheme) == 0 ? logged.substr(scheme.size()) : logged;
}

std::optional<int64_t> FileStreamSinkLog::latestBatchId() const {
  std::optional<int64_t> latest;
  for (const auto& name : fs_.list(dir_)) {
    auto id = batchIdOf(name);
    if (id && (!latest || *id > *latest)) latest = id;
  }
  return latest;
}

std::vector<SinkFileStatus> FileStreamSinkLog::read(int64_t id) const {
  auto text = fs_.read(batchPath(id));
  if (!text) {
    throw Error(ErrorClass::SparkException,
                "batch " + std::to_string(id) + " doesn't exist in " + dir_);
  }
  std::vector<SinkFileStatus> files;
  size_t pos = text->find('\n');  // past the "v1" line
  while (pos != std::string::npos && pos + 1 < text->size()) {
    size_t next = text->find('\n', pos + 1);
    auto j = nlohmann::json::parse(text->substr(pos + 1, next - pos - 1));
    if (j.value("action", "add") == "add") {
      files.push_back({j.at("path").get<std::string>(), j.value("size", int64_t{0}),
                       j.value("modificationTime", int64_t{0})});
    }
    pos = next;
  }
  return files;
}

bool FileStreamSinkLog::add(int64_t id, const std::vector<SinkFileStatus>& files) {
  if (fs_.exists(batchPath(id))) return false;
  std::vector<SinkFileStatus> all;
  if (isCompactBatch(id)) {
    // The compact file replaces reading every earlier batch: it holds them all.
    all = allFiles();
  }
  all.insert(all.end(), files.begin(), files.end());
  std::string text = "v1";
  for (const auto& f : all) {
    nlohmann::ordered_json j = {
        {"path", f.path},        {"size", f.size},
        {"isDir", false},        {"modificationTime", f.modification_time_ms},
        {"blockReplication", 1}, {"blockSize", 33554432},
        {"action", "add"}};
    text += "\n" + j.dump();
  }
  fs_.writeAtomic(batchPath(id), text);
  return true;
}

std::vector<SinkFileStatus> FileStreamSinkLog::allFiles() const {
  auto latest = latestBatchId();
  if (!latest) return {};
  // Start from the newest compact file at or before the latest batch, then add the deltas.
  int64_t first = 0;
  for (int64_t id = *latest; id >= 0; --id) {
    if (isCompactBatch(id)) {
      first = id;
      break;
    }
  }
  std::vector<SinkFileStatus> files;
  for (int64_t id = first; id <= *latest; ++id) {
    auto batch = read(id);
    files.insert(files.end(), batch.begin(), batch.end());
  }
  return files;
}

std::vector<io::DataFile> sinkAwareDataFiles(FileSystem& fs, const std::string& path) {
  if (!FileStreamSinkLog::hasMetadata(fs, path)) return io::listDataFiles(fs, path);
  std::vector<io::DataFile> files;
  for (const auto& f : FileStreamSinkLog(fs, path).allFiles())
    files.push_back({FileStreamSinkLog::localPath(f.path), f.modification_time_ms});
  return files;
}

}  // namespace runnel::stream
