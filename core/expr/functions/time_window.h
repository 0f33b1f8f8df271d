// Event-time windows (Spark's TimeWindow and SessionWindow expressions). The durations are literal
// arguments, so the Analyzer (TimeWindowing) and the kernels share one parsed specification.
#pragma once

#include <cstdint>

#include "expr/expression.h"
#include "expr/function_registry.h"
#include "types/data_type.h"

namespace runnel::expr {

struct TimeWindowSpec {
  int64_t window_micros = 0;
  int64_t slide_micros = 0;
  int64_t start_micros = 0;

  bool tumbling() const { return window_micros == slide_micros; }
  // TimeWindowing's Expand width: ceil(window / slide) candidate windows per row.
  int64_t candidates() const { return (window_micros + slide_micros - 1) / slide_micros; }
  // The start of the latest window that contains `ts` (TimeWindowing.getWindow(0)): windows are
  // aligned to the epoch plus startTime, so the remainder is taken modulo the slide, kept positive.
  int64_t lastStart(int64_t ts) const {
    int64_t remainder = (ts - start_micros) % slide_micros;
    return ts - (remainder < 0 ? remainder + slide_micros : remainder);
  }
};

// The spec of a `window(time, windowDuration[, slideDuration[, startTime]])` call whose duration
// arguments are literals (interval strings, or bigint microseconds). Throws AnalysisException with
// TimeWindow's messages when a duration is out of range.
TimeWindowSpec timeWindowSpec(const Expr& call);

// The gap of a `session_window(time, gapDuration)` call, in microseconds.
int64_t sessionGapMicros(const Expr& call);

// struct<start: timestamp, end: timestamp>, the type of every time and session window.
types::DataTypePtr windowStructType();

// Name of the internal function TimeWindowing expands a window into: every candidate window of the
// row that contains it, as an array (Spark's Expand + Filter, evaluated as one kernel).
inline constexpr const char* kWindowCandidates = "window_candidates";

// Adds window, session_window and window_candidates (core/expr/functions/window_functions.cpp).
void registerWindowFunctions(FunctionRegistry& r);

}  // namespace runnel::expr
