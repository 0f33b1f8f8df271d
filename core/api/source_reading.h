// What spark.read and spark.readStream share when they read files: the options as the formats take
// them (with the session time zone) and Spark's asNullable for user schemas.
#pragma once

#include "format/read_options.h"
#include "runnel/data_stream_reader.h"
#include "types/schema.h"

namespace runnel {

format::ReadOptions readOptions(const SparkSession& session, const SourceOptions& options);
types::Schema nullableSchema(const types::Schema& schema);

}  // namespace runnel
