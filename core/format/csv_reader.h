// CsvReader: Spark's CSV datasource over whole files (CSVFileFormat + UnivocityParser): the schema
// a read gets, and the rows, with PERMISSIVE / DROPMALFORMED / FAILFAST handling of malformed
// records.
#pragma once

#include <string_view>
#include <vector>

#include "format/csv_options.h"
#include "types/batch.h"

namespace runnel::format {

// The schema of `files` without a user schema: header names or _c<i>, strings or inferred types.
types::Schema csvSchema(const std::vector<std::string_view>& files, const CsvOptions& options);
// Spark refuses arrays and structs in CSV: [UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE].
void checkCsvSchema(const types::Schema& schema);
types::Batch readCsv(const std::vector<std::string_view>& files, const types::Schema& schema,
                     const CsvOptions& options);

}  // namespace runnel::format
