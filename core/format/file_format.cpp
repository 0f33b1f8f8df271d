// FileFormat: dispatch to the CSV and JSON readers; the text format (Spark's TextFileFormat) is
// small enough to live here: one row per line, or one per file with `wholetext`.
#include "format/file_format.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "format/csv_reader.h"
#include "format/json_reader.h"
#include "format/json_schema_inference.h"
#include "runnel/error.h"

namespace runnel::format {

namespace {

// Text lines end at \n, \r\n or \r; a final line break does not start an empty row.
void appendTextLines(types::Column& col, std::string_view text) {
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find_first_of("\r\n", start);
    if (end == std::string_view::npos) end = text.size();
    col.appendString(text.substr(start, end - start));
    if (end == text.size()) break;
    start = end + 1;
    if (text[end] == '\r' && start < text.size() && text[start] == '\n') ++start;
  }
}

}  // namespace

std::optional<FileFormatKind> fileFormatKind(const std::string& name) {
  std::string l = name;
  std::transform(l.begin(), l.end(), l.begin(), [](unsigned char c) { return std::tolower(c); });
  if (l == "csv") return FileFormatKind::Csv;
  if (l == "json") return FileFormatKind::Json;
  if (l == "text") return FileFormatKind::Text;
  return std::nullopt;
}

types::Schema textSchema() {
  types::Schema s;
  s.fields.push_back({"value", types::stringType(), true});
  return s;
}

types::Schema inferFileSchema(FileFormatKind kind, const ReadOptions& options,
                              const std::vector<std::string_view>& files) {
  switch (kind) {
    case FileFormatKind::Csv:
      return csvSchema(files, CsvOptions::from(options));
    case FileFormatKind::Json:
      return inferJsonSchema(files, JsonOptions::from(options));
    case FileFormatKind::Text:
      return textSchema();
  }
  return textSchema();
}

void checkUserSchema(FileFormatKind kind, const types::Schema& schema) {
  if (kind == FileFormatKind::Csv) checkCsvSchema(schema);
  if (kind != FileFormatKind::Text) return;
  if (schema.size() != 1) {
    throw Error(ErrorClass::AnalysisException,
                fmt::format("Text data source supports only a single column, and you have {} "
                            "columns.",
                            schema.size()));
  }
  if (schema[0].type->id != types::TypeId::String) {
    throw Error(ErrorClass::AnalysisException,
                fmt::format("[UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE] The Text datasource doesn't "
                            "support the column `{}` of the type \"{}\". SQLSTATE: 0A000",
                            schema[0].name, schema[0].type->sql()));
  }
}

types::Batch readFiles(FileFormatKind kind, const ReadOptions& options, const types::Schema& schema,
                       const std::vector<std::string_view>& files) {
  switch (kind) {
    case FileFormatKind::Csv:
      return readCsv(files, schema, CsvOptions::from(options));
    case FileFormatKind::Json:
      return readJson(files, schema, JsonOptions::from(options));
    case FileFormatKind::Text:
      break;
  }
  checkUserSchema(kind, schema);
  bool whole = options.getBool("wholetext", false);
  auto col = types::Column::make(types::stringType());
  for (auto f : files) {
    if (whole) {
      col->appendString(f);
    } else {
      appendTextLines(*col, f);
    }
  }
  types::Batch batch;
  batch.schema = schema;
  batch.num_rows = col->size;
  batch.columns.push_back(col);
  return batch;
}

}  // namespace runnel::format
