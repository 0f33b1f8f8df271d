// WatermarkSupport (Spark's statefulOperators.scala): the predicate stateful operators apply with
// the batch's watermark. A value is at or below the watermark when its event time <= watermark; for
// a window struct the event time is the window's end (WatermarkSupport.watermarkExpression).
#pragma once

#include <cstdint>
#include <vector>

#include "types/column.h"

namespace runnel::exec {

// Event time of row `row` of an event-time column in microseconds: a timestamp, or a window's end.
inline int64_t eventTimeMicros(const types::Column& c, size_t row) {
  if (c.type->id == types::TypeId::Struct) return c.children[1]->ints[row];
  return c.ints[row];
}

// Whether row `row` is at or below the watermark. A null compares as null, which is not true.
inline bool atOrBelowWatermark(const types::Column& c, size_t row, int64_t watermark_ms) {
  if (c.isNull(row)) return false;
  if (c.type->id == types::TypeId::Struct && c.children[1]->isNull(row)) return false;
  return eventTimeMicros(c, row) <= watermark_ms * 1000;
}

// The rows of `c` (first `rows`) that are above the watermark, in order.
inline std::vector<uint32_t> rowsAboveWatermark(const types::Column& c, size_t rows,
                                                int64_t watermark_ms) {
  std::vector<uint32_t> keep;
  keep.reserve(rows);
  for (size_t r = 0; r < rows; ++r) {
    if (!atOrBelowWatermark(c, r, watermark_ms)) keep.push_back(static_cast<uint32_t>(r));
  }
  return keep;
}

}  // namespace runnel::exec
