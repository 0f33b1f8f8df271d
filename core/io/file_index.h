// FileIndex: the data files a read path names (Spark's InMemoryFileIndex, without partition
// discovery): the file itself, or the visible files directly in a folder.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "runnel/file_system.h"

namespace runnel::io {

struct DataFile {
  std::string path;
  int64_t modification_ms = 0;
};

// Spark hides names starting with "_" or "." (_SUCCESS, .crc files, _spark_metadata).
bool isHiddenFile(const std::string& name);
bool isDirectory(const FileSystem& fs, const std::string& path);
// Throws AnalysisException [PATH_NOT_FOUND] when `path` does not exist.
std::vector<DataFile> listDataFiles(const FileSystem& fs, const std::string& path);
// Spark's message for a missing input path.
[[noreturn]] void throwPathNotFound(const std::string& path);

}  // namespace runnel::io
