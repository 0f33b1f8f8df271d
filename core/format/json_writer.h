// JsonWriter: rows as Spark's JSON data source writes them (JacksonGenerator): one object per
// record followed by lineSep, fields in schema order, null fields left out unless ignoreNullFields
// is false, timestamps in timestampFormat (yyyy-MM-dd'T'HH:mm:ss.SSSXXX by default), structs as
// objects, arrays as arrays.
#pragma once

#include <string>

#include "format/json_write_options.h"
#include "types/batch.h"

namespace runnel::format {

void appendJsonRows(std::string& out, const types::Batch& batch, const JsonWriteOptions& options);

}  // namespace runnel::format
