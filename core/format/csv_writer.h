// CsvWriter: rows as Spark's CSV data source writes them (UnivocityGenerator): `sep` between
// fields,
// '\n' after each row, a header line when asked, null as nullValue (an empty field by default), an
// empty string as "", surrounding whitespace trimmed (ignoreLeading/TrailingWhiteSpace are true
// for writing), and a field quoted when it holds the separator, the quote or a line break.
#pragma once

#include <string>

#include "format/csv_options.h"
#include "types/batch.h"

namespace runnel::format {

// The header line: the column names as fields.
void appendCsvHeader(std::string& out, const types::Schema& schema, const CsvOptions& options);
// Appends every row of `batch` (timestamps as yyyy-MM-dd'T'HH:mm:ss.SSSXXX in options.zone).
void appendCsvRows(std::string& out, const types::Batch& batch, const CsvOptions& options);

}  // namespace runnel::format
