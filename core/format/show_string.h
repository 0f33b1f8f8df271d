// Dataset.showString (Spark 3.5/4.0) byte for byte, and the console sink's batch header
// (ConsoleWrite).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "types/batch.h"

namespace runnel::format {

// The text df.show(num_rows, truncate, vertical) prints before println's newline. `truncate` is a
// width (PySpark maps True to 20, False to 0). `time_zone` is spark.sql.session.timeZone; an
// unknown zone throws runnel::Error. Rows past num_rows only decide the `only showing top N rows`
// footer.
std::string showString(const types::Batch& batch, int num_rows, int truncate, bool vertical,
                       const std::string& time_zone);

// "-------------------------------------------\nBatch:
// N\n-------------------------------------------\n"
std::string consoleBatchHeader(int64_t batch_id);

// Java String.length of UTF-8 text (UTF-16 code units) and Utils.stringHalfWidth (full-width count
// 2).
size_t utf16Length(std::string_view s);
size_t stringHalfWidth(std::string_view s);

}  // namespace runnel::format
