// JsonWriteOptions: the options of Spark's JSON writer (JSONOptions as JacksonGenerator reads
// them): ignoreNullFields, timestampFormat, lineSep and encoding, validated with Spark's messages.
#pragma once

#include <string>

#include "format/read_options.h"

namespace runnel::format {

struct JsonWriteOptions {
  bool ignore_null_fields = true;  // spark.sql.jsonGenerator.ignoreNullFields
  std::string timestamp_format;    // empty: Spark's default, yyyy-MM-dd'T'HH:mm:ss.SSSXXX
  std::string line_sep = "\n";
  types::TimeZone zone = types::TimeZone::utc();

  static JsonWriteOptions from(const ReadOptions& options);
};

}  // namespace runnel::format
