// Static serving for `runnel serve`: only regular files that exist under the page's root
// (web/dist), no path traversal, no hidden files, no directory listing (Asio's request_handler
// rules).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace runnel::relay {

struct StaticResponse {
  int status = 200;
  std::string content_type;
  std::string body;
};

class StaticFiles {
 public:
  // `root` must be an existing directory; it is canonicalised once.
  explicit StaticFiles(const std::filesystem::path& root, size_t max_file_bytes = size_t{64} << 20);

  StaticResponse get(std::string_view resource) const;
  const std::filesystem::path& root() const { return root_; }

  static std::string_view mimeType(std::string_view extension);
  // The file a request target names, relative to the root ("" when it may not be served).
  static std::string relativePath(std::string_view resource);

 private:
  std::filesystem::path root_;
  size_t max_file_bytes_;
};

}  // namespace runnel::relay
