// Batch: columns plus a row count, the unit every operator takes and returns (Spark's
// ColumnarBatch).
#pragma once

#include <string>
#include <vector>

#include "types/column.h"
#include "types/schema.h"

namespace runnel::types {

struct Batch {
  Schema schema;
  std::vector<ColumnPtr> columns;
  size_t num_rows = 0;

  static Batch empty(const Schema& schema);
  const Column& column(size_t i) const { return *columns[i]; }
  Batch gather(const std::vector<uint32_t>& rows) const;
  Batch slice(size_t offset, size_t length) const;
  std::vector<Value> row(size_t r) const;
};

// Concatenates batches of the same schema (edges: sinks and tests).
Batch concatBatches(const Schema& schema, const std::vector<Batch>& parts);

}  // namespace runnel::types
