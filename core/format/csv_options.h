// CsvOptions: the CSV options Spark users reach for (Spark's CSVOptions): header, inferSchema,
// sep/delimiter, quote, escape, nullValue and mode, validated with Spark's messages.
#pragma once

#include <string>

#include "format/read_options.h"

namespace runnel::format {

struct CsvOptions {
  std::string sep = ",";  // Spark 3.0+ accepts a multi-character delimiter
  char quote = '"';       // '\0': quoting off (quote set to "")
  char escape = '\\';     // inside quotes, escape + quote is a literal quote
  bool header = false;
  bool infer_schema = false;
  std::string null_value;  // fields equal to it read as null ("" by default)
  ParseMode mode = ParseMode::Permissive;
  types::TimeZone zone = types::TimeZone::utc();

  static CsvOptions from(const ReadOptions& options);
};

}  // namespace runnel::format
