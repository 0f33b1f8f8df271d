// CsvTokenizer: a small state machine per line. A quote opens a quoted value only at the start of
// a field (as univocity does); inside it, a doubled quote or escape + quote is a literal quote, and
// an unclosed quote runs to the end of the line instead of failing.
#include "format/csv_tokenizer.h"

namespace runnel::format {

std::vector<std::string> splitCsvLine(std::string_view line, const CsvOptions& o) {
  std::vector<std::string> fields;
  std::string cur;
  size_t i = 0;
  const size_t n = line.size();
  bool at_field_start = true;
  bool quoted = false;
  // univocity's nullValue: an unquoted empty field reads as the nullValue text, a quoted one as "".
  auto finish = [&] {
    fields.push_back(cur.empty() && !quoted ? o.null_value : std::move(cur));
    cur.clear();
    quoted = false;
  };
  while (i <= n) {
    if (i == n) {
      finish();
      break;
    }
    if (at_field_start && o.quote != '\0' && line[i] == o.quote) {
      // Quoted value: read to the closing quote, then anything up to the delimiter is kept as-is.
      quoted = true;
      ++i;
      while (i < n) {
        char c = line[i];
        if (c == o.escape && o.escape != o.quote && i + 1 < n && line[i + 1] == o.quote) {
          cur += o.quote;
          i += 2;
        } else if (c == o.quote && i + 1 < n && line[i + 1] == o.quote) {
          cur += o.quote;
          i += 2;
        } else if (c == o.quote) {
          ++i;
          break;
        } else {
          cur += c;
          ++i;
        }
      }
      at_field_start = false;
      continue;
    }
    if (line.compare(i, o.sep.size(), o.sep) == 0) {
      finish();
      i += o.sep.size();
      at_field_start = true;
      continue;
    }
    cur += line[i];
    ++i;
    at_field_start = false;
  }
  return fields;
}

std::vector<CsvRecord> tokenizeCsv(std::string_view text, const CsvOptions& o) {
  std::vector<CsvRecord> records;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find_first_of("\r\n", start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end;
    if (start < text.size() && text[start] == '\r') ++start;
    if (start < text.size() && text[start] == '\n') ++start;
    if (line.empty()) continue;  // univocity's skipEmptyLines
    records.push_back({std::string(line), splitCsvLine(line, o)});
  }
  return records;
}

}  // namespace runnel::format
