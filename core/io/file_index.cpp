// FileIndex: a FileSystem has no "is a folder" call, so a path with entries under it is a folder;
// sub-folders are skipped (no partition discovery), as are files that cannot be read.
#include "io/file_index.h"

#include "runnel/error.h"

namespace runnel::io {

bool isHiddenFile(const std::string& name) {
  return name.empty() || name[0] == '_' || name[0] == '.';
}

bool isDirectory(const FileSystem& fs, const std::string& path) {
  return !fs.list(path).empty();
}

void throwPathNotFound(const std::string& path) {
  throw Error(ErrorClass::AnalysisException,
              "[PATH_NOT_FOUND] Path does not exist: " + path + ". SQLSTATE: 42K03");
}

std::vector<DataFile> listDataFiles(const FileSystem& fs, const std::string& path) {
  std::string dir = path;
  while (dir.size() > 1 && dir.back() == '/')
    dir.pop_back();
  std::vector<std::string> names = fs.list(dir);
  if (names.empty()) {
    if (!fs.exists(dir)) throwPathNotFound(path);
    if (!fs.read(dir)) return {};  // an empty folder
    return {{dir, fs.modificationTimeMs(dir)}};
  }
  std::vector<DataFile> files;
  for (const auto& name : names) {
    std::string p = dir + "/" + name;
    if (isHiddenFile(name) || isDirectory(fs, p) || !fs.exists(p)) continue;
    files.push_back({p, fs.modificationTimeMs(p)});
  }
  return files;
}

}  // namespace runnel::io
