// CsvWriter: rows as Spark's CSV data source writes them (UnivocityGenerator with the default
// options): ',' between fields, '\n' after each row, no header, null as an empty field, an empty
// string as "", surrounding whitespace trimmed (ignoreLeading/TrailingWhiteSpace are true for
// writing), and a field quoted when it holds the separator, a quote or a line break.
#pragma once

#include <string>

#include "types/batch.h"
#include "types/timestamp.h"

namespace runnel::format {

// Throws AnalysisException [UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE] for an array or struct column,
// which CSV cannot hold (checked when a query starts, as Spark's DataSource.verifySchema).
void verifyCsvSchema(const types::Schema& schema);

// Appends every row of `batch` (timestamps as yyyy-MM-dd'T'HH:mm:ss.SSSXXX in `zone`).
void appendCsvRows(std::string& out, const types::Batch& batch, const types::TimeZone& zone);

}  // namespace runnel::format
