// JsonReader: Spark's JSON datasource over JSON Lines files (JsonFileFormat + JacksonParser). Each
// object is a row (a top-level array of objects is several rows); fields that do not convert are
// null.
#pragma once

#include <string_view>
#include <vector>

#include "format/json_record.h"
#include "types/batch.h"

namespace runnel::format {

types::Batch readJson(const std::vector<std::string_view>& files, const types::Schema& schema,
                      const JsonOptions& options);

}  // namespace runnel::format
