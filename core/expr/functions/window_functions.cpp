// Time-window functions: window and session_window (Spark's TimeWindow / SessionWindow), and the
// internal window_candidates that TimeWindowing (core/plan/time_windowing.cpp) expands a window
// into. Evaluated directly (a select without groupBy), window gives the row's latest window and
// session_window the row's own [t, t + gap) session, the values the rewrites start from.
#include <fmt/format.h>

#include "expr/functions/simple_function.h"
#include "expr/functions/time_window.h"
#include "expr/type_coercion.h"
#include "types/calendar_interval.h"

namespace runnel::expr {

using types::Column;
using types::ColumnPtr;
using types::DataTypePtr;
using types::TypeId;

namespace {

// A duration argument: an interval string ("10 seconds") or bigint microseconds, as TimeWindow's
// constructors accept.
int64_t durationArg(const Expr& call, size_t i) {
  const types::Value* v = literalArg(call, i);
  if (v == nullptr || v->is_null) {
    throwDataTypeMismatch(call, "NON_FOLDABLE_INPUT",
                          "the input " + ordinalNumber(i) +
                              " should be a foldable string "
                              "expression; however, got " +
                              toSQLExpr(*call.args[i]) + ".");
  }
  if (v->type->id == TypeId::String) return types::intervalDurationMicros(v->s);
  return v->i;
}

void requireTimestamp(const Expr& call, std::vector<DataTypePtr>& t) {
  if (t[0]->id == TypeId::Timestamp) return;
  throwDataTypeMismatch(call, "UNEXPECTED_INPUT_TYPE",
                        "The first parameter requires the \"TIMESTAMP\" type, however " +
                            toSQLExpr(*call.args[0]) + " has the type " + toSQLType(*t[0]) + ".");
}

types::MutableColumnPtr newStructColumn() {
  return Column::make(windowStructType());
}

void appendWindow(Column& out, int64_t start, int64_t end) {
  out.children[0]->appendInt(start);
  out.children[1]->appendInt(end);
  out.closeStructRow();
}

void appendNullWindow(Column& out) {
  out.appendNull();
}  // nulls its fields too

ColumnPtr windowKernel(const Expr& call, const std::vector<ColumnPtr>& args, size_t rows,
                       const EvalContext&) {
  TimeWindowSpec spec = timeWindowSpec(call);
  const Column& ts = *args[0];
  auto out = newStructColumn();
  for (size_t r = 0; r < rows; ++r) {
    if (ts.isNull(r)) {
      appendNullWindow(*out);
      continue;
    }
    int64_t start = spec.lastStart(ts.ints[r]);
    appendWindow(*out, start, start + spec.window_micros);
  }
  return out;
}

// Every window i (0 <= i < candidates) whose [start, end) holds the row, latest first, as Expand
// lists them; a null time gives a null array, so the row leaves the Generate (TimeWindowing's
// isnotnull filter).
ColumnPtr candidatesKernel(const Expr& call, const std::vector<ColumnPtr>& args, size_t rows,
                           const EvalContext&) {
  TimeWindowSpec spec = timeWindowSpec(call);
  const Column& ts = *args[0];
  auto out = Column::make(types::arrayType(windowStructType(), false));
  Column& elements = *out->children[0];
  int64_t n = spec.candidates();
  for (size_t r = 0; r < rows; ++r) {
    if (ts.isNull(r)) {
      out->appendNull();
      continue;
    }
    int64_t t = ts.ints[r];
    int64_t last = spec.lastStart(t);
    for (int64_t i = 0; i < n; ++i) {
      int64_t start = last - i * spec.slide_micros;
      int64_t end = start + spec.window_micros;
      if (t >= start && t < end) appendWindow(elements, start, end);
    }
    out->closeArrayRow();
  }
  return out;
}

ColumnPtr sessionKernel(const Expr& call, const std::vector<ColumnPtr>& args, size_t rows,
                        const EvalContext&) {
  int64_t gap = sessionGapMicros(call);
  const Column& ts = *args[0];
  auto out = newStructColumn();
  for (size_t r = 0; r < rows; ++r) {
    if (ts.isNull(r))
      appendNullWindow(*out);
    else
      appendWindow(*out, ts.ints[r], ts.ints[r] + gap);
  }
  return out;
}

}  // namespace

types::DataTypePtr windowStructType() {
  return types::structType(
      {{"start", types::timestampType(), true}, {"end", types::timestampType(), true}});
}

TimeWindowSpec timeWindowSpec(const Expr& call) {
  TimeWindowSpec s;
  s.window_micros = durationArg(call, 1);
  s.slide_micros = call.args.size() > 2 ? durationArg(call, 2) : s.window_micros;
  s.start_micros = call.args.size() > 3 ? durationArg(call, 3) : 0;
  // TimeWindow.checkInputDataTypes, in its order.
  auto fail = [&](const std::string& why) {
    throw Error(ErrorClass::AnalysisException, why, call.pos);
  };
  if (s.window_micros <= 0)
    fail(fmt::format("The window duration ({}) must be greater than 0.", s.window_micros));
  if (s.slide_micros <= 0)
    fail(fmt::format("The slide duration ({}) must be greater than 0.", s.slide_micros));
  if (s.slide_micros > s.window_micros) {
    fail(
        fmt::format("The slide duration ({}) must be less than or equal to the windowDuration "
                    "({}).",
                    s.slide_micros, s.window_micros));
  }
  if (s.start_micros < 0 ? -s.start_micros >= s.slide_micros : s.start_micros >= s.slide_micros) {
    fail(
        fmt::format("The absolute value of start time ({}) must be less than the slideDuration "
                    "({}).",
                    s.start_micros, s.slide_micros));
  }
  return s;
}

int64_t sessionGapMicros(const Expr& call) {
  int64_t gap = durationArg(call, 1);
  if (gap <= 0) {
    throw Error(ErrorClass::AnalysisException,
                fmt::format("The session gap duration ({}) must be greater than 0.", gap),
                call.pos);
  }
  return gap;
}

void registerWindowFunctions(FunctionRegistry& r) {
  auto structResult = [](const Expr& call, std::vector<DataTypePtr>& t) {
    requireTimestamp(call, t);
    return windowStructType();
  };
  {
    FunctionDef d;
    d.name = "window";
    d.min_args = 2;
    d.max_args = 4;
    d.doc =
        "window(time, windowDuration[, slideDuration[, startTime]]): the [start, end) time "
        "window(s) of each row, aligned to the epoch plus startTime";
    d.result_type = [structResult](const Expr& call, std::vector<DataTypePtr>& t) {
      DataTypePtr out = structResult(call, t);
      timeWindowSpec(call);  // duration errors surface at analysis, as in Spark
      return out;
    };
    d.eval = windowKernel;
    r.add(std::move(d));
  }
  {
    FunctionDef d;
    d.name = kWindowCandidates;
    d.min_args = 2;
    d.max_args = 4;
    d.doc = "internal: the windows of window(...) that contain each row (TimeWindowing's Expand)";
    d.result_type = [structResult](const Expr& call, std::vector<DataTypePtr>& t) {
      structResult(call, t);
      return types::arrayType(windowStructType(), false);
    };
    d.eval = candidatesKernel;
    r.add(std::move(d));
  }
  {
    FunctionDef d;
    d.name = "session_window";
    d.min_args = d.max_args = 2;
    d.doc =
        "session_window(time, gapDuration): sessions that close after gapDuration of "
        "inactivity (grouped and merged by the streaming aggregation)";
    d.result_type = [structResult](const Expr& call, std::vector<DataTypePtr>& t) {
      DataTypePtr out = structResult(call, t);
      sessionGapMicros(call);
      return out;
    };
    d.eval = sessionKernel;
    r.add(std::move(d));
  }
}

}  // namespace runnel::expr
