// castColumn: Spark's Cast between string, int, bigint, double, boolean and timestamp (Cast.scala),
// ANSI on (errors), off (null / Java wrapping) or try_cast (null).
#include <cmath>
#include <cstdlib>
#include <limits>

#include "expr/ansi_errors.h"
#include "expr/cast_to_string.h"
#include "expr/evaluator.h"
#include "expr/functions/simple_function.h"
#include "types/timestamp.h"

namespace runnel::expr {

using types::Column;
using types::ColumnPtr;
using types::DataType;
using types::TypeId;

namespace {

// UTF8String.trimAll: whitespace and ISO control characters at both ends.
std::string_view trimAll(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && static_cast<unsigned char>(s[b]) <= 0x20)
    ++b;
  while (e > b && static_cast<unsigned char>(s[e - 1]) <= 0x20)
    --e;
  return s.substr(b, e - b);
}

// UTF8String.toLong: [+-]digits, with an ignored ".digits" tail unless ANSI (toLongExact).
bool parseIntegral(std::string_view s, bool allow_decimal, int64_t& out) {
  s = trimAll(s);
  size_t i = 0;
  bool negative = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) negative = s[i++] == '-';
  size_t digits_start = i;
  // Magnitudes up to 2^63 (the negative minimum) fit in uint64.
  constexpr uint64_t kLimit = uint64_t{1} << 63;
  uint64_t v = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
    if (v > kLimit / 10 + 1) return false;
    v = v * 10 + static_cast<uint64_t>(s[i++] - '0');
    if (v > kLimit) return false;
  }
  if (i == digits_start) return false;
  if (i < s.size() && s[i] == '.' && allow_decimal) {
    ++i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9')
      ++i;
  }
  if (i != s.size()) return false;
  if (!negative && v == kLimit) return false;
  v = negative ? ~v + 1 : v;
  out = static_cast<int64_t>(v);
  return true;
}

bool equalsNoCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  }
  return true;
}

// Java's Double.parseDouble plus Spark's "inf"/"nan" spellings
// (Cast.processFloatingPointSpecialLiterals).
bool parseDouble(std::string_view s, double& out) {
  s = trimAll(s);
  std::string_view body = s;
  bool negative = !body.empty() && body[0] == '-';
  if (!body.empty() && (body[0] == '-' || body[0] == '+')) body.remove_prefix(1);
  if (equalsNoCase(body, "inf") || equalsNoCase(body, "infinity")) {
    out = negative ? -INFINITY : INFINITY;
    return true;
  }
  if (equalsNoCase(s, "nan")) {
    out = NAN;
    return true;
  }
  if (!s.empty() && std::string_view("dDfF").find(s.back()) != std::string_view::npos)
    s.remove_suffix(1);
  // Validate Java's decimal syntax before strtod (which also accepts hex and "inf").
  size_t i = (!s.empty() && (s[0] == '+' || s[0] == '-')) ? 1 : 0, digits = 0;
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])))
    ++i, ++digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])))
      ++i, ++digits;
  }
  if (digits == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    size_t exp_start = i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])))
      ++i;
    if (i == exp_start) return false;
  }
  if (i != s.size()) return false;
  std::string copy(s);
  out = std::strtod(copy.c_str(), nullptr);
  return true;
}

// Cast.stringToBoolean.
bool parseBoolean(std::string_view s, bool& out) {
  s = trimAll(s);
  for (const char* t : {"t", "true", "y", "yes", "1"}) {
    if (equalsNoCase(s, t)) return out = true, true;
  }
  for (const char* f : {"f", "false", "n", "no", "0"}) {
    if (equalsNoCase(s, f)) return out = false, true;
  }
  return false;
}

struct CastRun {
  const Column& in;
  Column& out;
  OnFailure policy;
  // Handles a failed row: throws `error` under ANSI, otherwise null (or keeps `legacy` when
  // wrapping).
  template <typename MakeError>
  void fail(size_t r, MakeError error, bool wraps = false) {
    if (policy == OnFailure::Throw) throw error();
    if (policy == OnFailure::Null || !wraps) setNull(out, r);
  }
};

void castFromString(CastRun& run, const types::TimeZone& zone) {
  const Column& in = run.in;
  const DataType& to = *run.out.type;
  for (size_t r = 0; r < in.size; ++r) {
    if (isNullIn(run.out.nulls, r)) continue;
    std::string_view s = in.stringAt(r);
    auto invalid = [&] { return castInvalidInput(sqlValue(s), *in.type, to); };
    bool ok = false;
    switch (to.id) {
      case TypeId::Int:
      case TypeId::BigInt: {
        int64_t v = 0;
        ok = parseIntegral(s, run.policy == OnFailure::Legacy, v);
        if (ok && to.id == TypeId::Int && (v < INT32_MIN || v > INT32_MAX)) ok = false;
        run.out.ints[r] = v;
        break;
      }
      case TypeId::Double:
        ok = parseDouble(s, run.out.doubles[r]);
        break;
      case TypeId::Boolean: {
        bool b = false;
        ok = parseBoolean(s, b);
        run.out.ints[r] = b;
        break;
      }
      case TypeId::Timestamp: {
        auto ts = types::parseTimestamp(s, zone);
        ok = ts.has_value();
        if (ok) run.out.ints[r] = *ts;
        break;
      }
      default:
        break;
    }
    if (!ok) run.fail(r, invalid);
  }
}

// Numeric, boolean and timestamp sources into int-stored or double targets.
void castFixed(CastRun& run) {
  const Column& in = run.in;
  const DataType& from = *in.type;
  const DataType& to = *run.out.type;
  for (size_t r = 0; r < in.size; ++r) {
    if (isNullIn(run.out.nulls, r)) continue;
    if (from.id == TypeId::Double) {
      double d = in.doubles[r];
      if (to.id == TypeId::Boolean) {
        run.out.ints[r] = d != 0;
      } else if (to.id == TypeId::Timestamp) {
        double micros = d * types::kMicrosPerSecond;
        if (!std::isfinite(d) || std::fabs(micros) >= 9.2e18) {
          run.fail(r, [&] { return castOverflow(sqlValue(d), from, to); });
        } else {
          run.out.ints[r] = static_cast<int64_t>(micros);
        }
      } else {
        double lo = to.id == TypeId::Int ? INT32_MIN : -9223372036854775808.0;
        double hi = to.id == TypeId::Int ? INT32_MAX : 9223372036854775807.0;
        bool fits = std::floor(d) <= hi && std::ceil(d) >= lo;
        // Java's (int)/(long) conversion saturates and maps NaN to 0.
        int64_t max = to.id == TypeId::Int ? INT32_MAX : std::numeric_limits<int64_t>::max();
        int64_t min = to.id == TypeId::Int ? INT32_MIN : std::numeric_limits<int64_t>::min();
        if (d != d)
          run.out.ints[r] = 0;
        else if (d >= hi)
          run.out.ints[r] = max;
        else if (d <= lo)
          run.out.ints[r] = min;
        else
          run.out.ints[r] = static_cast<int64_t>(d);
        if (!fits)
          run.fail(
              r, [&] { return castOverflow(sqlValue(d), from, to); }, true);
      }
      continue;
    }
    int64_t v = in.ints[r];
    if (from.id == TypeId::Timestamp && to.id != TypeId::Double)
      v = types::floorDiv(v, types::kMicrosPerSecond);
    switch (to.id) {
      case TypeId::Double:
        run.out.doubles[r] = from.id == TypeId::Timestamp
                                 ? static_cast<double>(v) / types::kMicrosPerSecond
                                 : static_cast<double>(v);
        break;
      case TypeId::Boolean:
        run.out.ints[r] = v != 0;
        break;
      case TypeId::Int:
        run.out.ints[r] = static_cast<int32_t>(static_cast<uint32_t>(v));
        if (v < INT32_MIN || v > INT32_MAX) {
          run.fail(
              r, [&] { return castOverflow(sqlValue(v, from), from, to); }, true);
        }
        break;
      case TypeId::Timestamp: {
        int64_t micros = 0;
        if (__builtin_mul_overflow(v, types::kMicrosPerSecond, &micros))
          micros =
              v < 0 ? std::numeric_limits<int64_t>::min() : std::numeric_limits<int64_t>::max();
        run.out.ints[r] = micros;
        break;
      }
      default:
        run.out.ints[r] = v;
        break;
    }
  }
}

ColumnPtr castArray(const ColumnPtr& in, const types::DataTypePtr& to, const EvalContext& ctx,
                    bool try_mode) {
  auto out = Column::make(to);
  out->offsets = in->offsets;
  out->nulls = in->nulls;
  out->size = in->size;
  ColumnPtr child = castColumn(in->children[0], to->element, ctx, try_mode);
  out->children[0] = std::const_pointer_cast<Column>(child);
  return out;
}

}  // namespace

ColumnPtr castColumn(const ColumnPtr& in, const types::DataTypePtr& to, const EvalContext& ctx,
                     bool try_mode) {
  const DataType& from = *in->type;
  if (from == *to) return in;
  if (from.id == TypeId::Null) return allNulls(to, in->size);
  types::TimeZone zone = types::parseTimeZone(ctx.time_zone);
  if (to->id == TypeId::String) return castToString(*in, zone);
  if (from.id == TypeId::Array && to->id == TypeId::Array) return castArray(in, to, ctx, try_mode);
  RUNNEL_ASSERT(to->isIntStorage() || to->id == TypeId::Double, "the Analyzer checked the cast");
  auto out = makeFixed(to, in->size, in->nulls);
  OnFailure policy = try_mode ? OnFailure::Null : (ctx.ansi ? OnFailure::Throw : OnFailure::Legacy);
  CastRun run{*in, *out, policy};
  if (from.id == TypeId::String)
    castFromString(run, zone);
  else
    castFixed(run);
  return out;
}

}  // namespace runnel::expr
