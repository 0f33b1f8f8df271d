// JsonRecord: the JSON options (Spark's JSONOptions basics) and one JSON Lines record parsed. A
// line that is not JSON, or nests deeper than Jackson's default limit, is a malformed record.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "format/read_options.h"

namespace runnel::format {

struct JsonOptions {
  ParseMode mode = ParseMode::Permissive;
  std::string corrupt_column = "_corrupt_record";  // columnNameOfCorruptRecord
  types::TimeZone zone = types::TimeZone::utc();

  static JsonOptions from(const ReadOptions& options);
};

// The non-blank lines of a file (JSON Lines: one record per line, blank lines are no records).
std::vector<std::string_view> jsonLines(std::string_view text);
// nullopt when the line is malformed.
std::optional<nlohmann::json> parseJsonRecord(std::string_view line);

}  // namespace runnel::format
