// JsonWriter: rows as Spark's JSON data source writes them (JacksonGenerator with the default
// options): one object per line, fields in schema order, null fields left out (ignoreNullFields),
// timestamps as yyyy-MM-dd'T'HH:mm:ss.SSSXXX strings, structs as objects, arrays as arrays.
#pragma once

#include <string>

#include "types/batch.h"
#include "types/timestamp.h"

namespace runnel::format {

void appendJsonRows(std::string& out, const types::Batch& batch, const types::TimeZone& zone);

}  // namespace runnel::format
