// Static files of the page (web/dist), served by `runnel serve` next to the /ws endpoint.
#include "static_files.h"

#include <algorithm>
#include <fstream>
#include <system_error>

namespace runnel::relay {

namespace {

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

StaticResponse notFound() {
  return {404, "text/plain; charset=utf-8", "not found\n"};
}

}  // namespace

StaticFiles::StaticFiles(const std::filesystem::path& root, size_t max_file_bytes)
    : root_(std::filesystem::canonical(root)), max_file_bytes_(max_file_bytes) {}

std::string_view StaticFiles::mimeType(std::string_view extension) {
  struct Entry {
    std::string_view extension, type;
  };
  static constexpr Entry kTypes[] = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".wasm", "application/wasm"},
      {".json", "application/json"},
      {".map", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"},
      {".txt", "text/plain; charset=utf-8"},
      {".py", "text/plain; charset=utf-8"},
      {".woff2", "font/woff2"},
      {".webmanifest", "application/manifest+json"},
  };
  for (const Entry& entry : kTypes) {
    if (entry.extension == extension) return entry.type;
  }
  return "application/octet-stream";
}

std::string StaticFiles::relativePath(std::string_view resource) {
  std::string_view path = resource.substr(0, resource.find_first_of("?#"));
  std::string decoded;
  for (size_t i = 0; i < path.size(); ++i) {
    if (path[i] != '%') {
      decoded.push_back(path[i]);
      continue;
    }
    if (i + 2 >= path.size() || hexValue(path[i + 1]) < 0 || hexValue(path[i + 2]) < 0) return {};
    decoded.push_back(static_cast<char>(hexValue(path[i + 1]) * 16 + hexValue(path[i + 2])));
    i += 2;
  }
  if (decoded.empty() || decoded.front() != '/') return {};
  if (decoded.back() == '/') decoded += "index.html";
  // Every segment must be a plain name: no "..", no hidden files, no empty segments or escapes.
  std::string relative = decoded.substr(1);
  size_t start = 0;
  while (start <= relative.size()) {
    size_t slash = relative.find('/', start);
    std::string_view segment = std::string_view(relative).substr(
        start, slash == std::string::npos ? slash : slash - start);
    if (segment.empty() || segment.front() == '.') return {};
    for (char c : segment) {
      if (c == '\\' || c == '\0' || static_cast<unsigned char>(c) < 0x20) return {};
    }
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return relative;
}

StaticResponse StaticFiles::get(std::string_view resource) const {
  std::string relative = relativePath(resource);
  if (relative.empty()) return notFound();
  std::error_code ec;
  std::filesystem::path file = std::filesystem::canonical(root_ / relative, ec);
  if (ec) return notFound();
  // A symlink may lead out of the root: serve only what really lies under it.
  auto [root_end, ignored] = std::mismatch(root_.begin(), root_.end(), file.begin(), file.end());
  (void)ignored;
  if (root_end != root_.end() || !std::filesystem::is_regular_file(file, ec)) return notFound();
  auto size = std::filesystem::file_size(file, ec);
  if (ec || size > max_file_bytes_) return notFound();
  std::ifstream in(file, std::ios::binary);
  if (!in) return notFound();
  StaticResponse response;
  response.content_type = std::string(mimeType(file.extension().string()));
  response.body.resize(size);
  in.read(response.body.data(), static_cast<std::streamsize>(size));
  response.body.resize(static_cast<size_t>(in.gcount()));
  return response;
}

}  // namespace runnel::relay
