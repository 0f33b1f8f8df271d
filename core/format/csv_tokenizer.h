// CsvTokenizer: splits CSV text into records of fields the way Spark's univocity settings do with
// multiLine off: one record per line, blank lines skipped, quotes and escapes within a line.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "format/csv_options.h"

namespace runnel::format {

struct CsvRecord {
  std::string line;                 // the raw line, for FAILFAST messages
  std::vector<std::string> fields;  // unquoted, unescaped
};

std::vector<CsvRecord> tokenizeCsv(std::string_view text, const CsvOptions& options);
// One line (no line breaks) into its fields.
std::vector<std::string> splitCsvLine(std::string_view line, const CsvOptions& options);

}  // namespace runnel::format
