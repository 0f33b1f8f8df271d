// JsonRecord: nlohmann parses without exceptions; a pre-scan bounds the nesting so that no later
// recursive walk over the value can exhaust the stack (Jackson's StreamReadConstraints: 1000).
#include "format/json_record.h"

namespace runnel::format {

namespace {

constexpr int kMaxNestingDepth = 1000;

bool nestingWithinLimit(std::string_view line) {
  int depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxNestingDepth) return false;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return true;
}

}  // namespace

JsonOptions JsonOptions::from(const ReadOptions& o) {
  JsonOptions j;
  j.mode = o.mode();
  if (const std::string* c = o.find("columnNameOfCorruptRecord")) j.corrupt_column = *c;
  j.zone = o.zone;
  return j;
}

std::vector<std::string_view> jsonLines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    lines.push_back(line);
  }
  return lines;
}

std::optional<nlohmann::json> parseJsonRecord(std::string_view line) {
  if (!nestingWithinLimit(line)) return std::nullopt;
  nlohmann::json j = nlohmann::json::parse(line.begin(), line.end(), nullptr, false);
  if (j.is_discarded()) return std::nullopt;
  return j;
}

}  // namespace runnel::format
