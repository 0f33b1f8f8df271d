// CsvSchemaInference: Spark's CSVInferSchema. Each column starts as NullType and widens per field
// (int -> bigint -> double -> timestamp -> boolean -> string); all-null columns end as string.
// Column names come from the header (CSVUtils.makeSafeHeader) or are _c0, _c1...
#pragma once

#include <vector>

#include "format/csv_options.h"
#include "format/csv_tokenizer.h"
#include "types/schema.h"

namespace runnel::format {

// The names: from `header` when given (options.header), else _c<i> for `width` columns.
std::vector<std::string> csvColumnNames(const std::vector<std::string>* header, size_t width,
                                        const CsvOptions& options);
// Every column string (no inferSchema) or inferred over `rows` (header lines already removed).
types::Schema inferCsvSchema(const std::vector<std::string>& names,
                             const std::vector<const CsvRecord*>& rows, const CsvOptions& options);

}  // namespace runnel::format
