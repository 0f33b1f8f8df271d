// Python's printf-style string formatting, `"%s: %d rows" % (name, n)`, as older PySpark examples
// write it (print("Batch %d" % batch_id) in a foreachBatch function).
#pragma once

#include <string>

#include "pyspark/value.h"

namespace runnel::pyspark {

// `format % args`: args is a tuple of values, a dict for %(name)s, or one value. Python's
// TypeErrors and ValueErrors for what does not fit.
std::string percentFormat(const std::string& format, const Value& args, SourcePosition pos);

}  // namespace runnel::pyspark
