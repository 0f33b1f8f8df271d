// Datetime functions (Spark's datetimeExpressions.scala: CurrentBatchTimestamp, ParseToTimestamp,
// DateFormatClass, UnixTimestamp, Hour/Minute/Second/Year/Month/DayOfMonth) in the session time
// zone.
#include <fmt/format.h>

#include "expr/evaluator.h"
#include "expr/functions/simple_function.h"
#include "expr/functions/sub_families.h"
#include "expr/type_coercion.h"
#include "types/timestamp.h"

namespace runnel::expr {

using types::Column;
using types::ColumnPtr;
using types::DataTypePtr;
using types::TypeId;

namespace {

constexpr const char* kDefaultFormat = "yyyy-MM-dd HH:mm:ss";

Error cannotParse(std::string_view text, bool to_timestamp) {
  return Error(ErrorClass::DateTimeException,
               fmt::format("[CANNOT_PARSE_TIMESTAMP] Text '{}' could not be parsed at index 0. Use "
                           "`{}` to tolerate invalid input string and return NULL instead. "
                           "SQLSTATE: 22007",
                           text, to_timestamp ? "try_to_timestamp" : "try_to_timestamp"));
}

ColumnPtr currentTimestamp(const Expr&, const std::vector<ColumnPtr>&, size_t rows,
                           const EvalContext& ctx) {
  auto out = makeFixed(types::timestampType(), rows, {});
  std::fill(out->ints.begin(), out->ints.end(), ctx.batch_timestamp_micros);
  return out;
}

// Parses strings with a Spark datetime pattern; `seconds` gives unix_timestamp's bigint seconds.
ColumnPtr parseWithFormat(const Expr& call, const Column& s, const Column* fmt_col, size_t rows,
                          const EvalContext& ctx, bool seconds) {
  types::TimeZone zone = types::parseTimeZone(ctx.time_zone);
  std::vector<uint8_t> nulls = fmt_col ? unionNulls({&s, fmt_col}, rows) : unionNulls({&s}, rows);
  auto out = makeFixed(seconds ? types::bigintType() : types::timestampType(), rows, nulls);
  OnFailure policy = onFailure(call, ctx);
  std::string checked;
  for (size_t r = 0; r < rows; ++r) {
    if (isNullIn(out->nulls, r)) continue;
    std::string_view fmt = fmt_col ? fmt_col->stringAt(r) : std::string_view(kDefaultFormat);
    if (fmt != checked) {
      types::validatePattern(fmt);
      checked = std::string(fmt);
    }
    std::optional<int64_t> v;
    if (s.type->id == TypeId::Timestamp)
      v = s.ints[r];
    else
      v = types::parseWithPattern(s.stringAt(r), fmt, zone);
    if (!v) {
      if (policy == OnFailure::Throw) throw cannotParse(s.stringAt(r), true);
      setNull(*out, r);
      continue;
    }
    out->ints[r] = seconds ? types::floorDiv(*v, types::kMicrosPerSecond) : *v;
  }
  return out;
}

ColumnPtr toTimestamp(const Expr& call, const std::vector<ColumnPtr>& args, size_t rows,
                      const EvalContext& ctx) {
  // Without a format ParseToTimestamp is a Cast (CAST_INVALID_INPUT under ANSI).
  if (args.size() == 1)
    return castColumn(args[0], types::timestampType(), ctx,
                      call.try_mode || call.name == "try_to_timestamp");
  return parseWithFormat(call, *args[0], args[1].get(), rows, ctx, false);
}

ColumnPtr unixTimestamp(const Expr& call, const std::vector<ColumnPtr>& args, size_t rows,
                        const EvalContext& ctx) {
  if (args.empty()) {
    auto out = makeFixed(types::bigintType(), rows, {});
    int64_t secs = types::floorDiv(ctx.batch_timestamp_micros, types::kMicrosPerSecond);
    std::fill(out->ints.begin(), out->ints.end(), secs);
    return out;
  }
  return parseWithFormat(call, *args[0], args.size() > 1 ? args[1].get() : nullptr, rows, ctx,
                         true);
}

ColumnPtr dateFormat(const Expr&, const std::vector<ColumnPtr>& args, size_t rows,
                     const EvalContext& ctx) {
  types::TimeZone zone = types::parseTimeZone(ctx.time_zone);
  const Column& ts = *args[0];
  const Column& fmt = *args[1];
  std::vector<uint8_t> nulls = unionNulls({&ts, &fmt}, rows);
  auto out = Column::make(types::stringType());
  out->reserve(rows);
  std::string checked;
  for (size_t r = 0; r < rows; ++r) {
    if (isNullIn(nulls, r)) {
      out->appendNull();
      continue;
    }
    std::string_view f = fmt.stringAt(r);
    if (f != checked) {
      types::validatePattern(f);
      checked = std::string(f);
    }
    out->appendString(types::formatWithPattern(ts.ints[r], f, zone));
  }
  return out;
}

enum class Field { Year, Month, Day, Hour, Minute, Second };

ScalarKernel fieldKernel(Field field) {
  return [field](const Expr&, const std::vector<ColumnPtr>& args, size_t rows,
                 const EvalContext& ctx) -> ColumnPtr {
    types::TimeZone zone = types::parseTimeZone(ctx.time_zone);
    const Column& ts = *args[0];
    auto out = makeFixed(types::intType(), rows, unionNulls({&ts}, rows));
    for (size_t r = 0; r < rows; ++r) {
      if (isNullIn(out->nulls, r)) continue;
      int64_t local = ts.ints[r] + int64_t{zone.offset_seconds} * types::kMicrosPerSecond;
      int64_t days = types::floorDiv(local, types::kMicrosPerDay);
      int64_t secs = types::floorMod(local, types::kMicrosPerDay) / types::kMicrosPerSecond;
      types::CivilDate d = types::civilFromDays(days);
      switch (field) {
        case Field::Year:
          out->ints[r] = d.year;
          break;
        case Field::Month:
          out->ints[r] = d.month;
          break;
        case Field::Day:
          out->ints[r] = d.day;
          break;
        case Field::Hour:
          out->ints[r] = secs / 3600;
          break;
        case Field::Minute:
          out->ints[r] = secs / 60 % 60;
          break;
        case Field::Second:
          out->ints[r] = secs % 60;
          break;
      }
    }
    return out;
  };
}

void add(FunctionRegistry& r, std::string name, std::vector<std::string> aliases, int min_args,
         int max_args, TypeRule rule, ScalarKernel eval, bool nullable_result,
         NameRule pretty = nullptr) {
  FunctionDef d;
  d.name = std::move(name);
  d.aliases = std::move(aliases);
  d.min_args = min_args;
  d.max_args = max_args;
  d.result_type = std::move(rule);
  d.eval = std::move(eval);
  d.nullable_result = nullable_result;
  d.pretty_name = std::move(pretty);
  r.add(std::move(d));
}

TypeRule expecting(std::vector<InputType> expected, DataTypePtr result) {
  return [expected, result](const Expr& call, std::vector<DataTypePtr>& t) {
    expectInputTypes(call, t, expected);
    return result;
  };
}

// A timestamp argument stays a timestamp; anything else is read as a string.
TypeRule parseRule(DataTypePtr result) {
  return [result](const Expr& call, std::vector<DataTypePtr>& t) {
    std::vector<InputType> want = {
        t.empty() || t[0]->id != TypeId::Timestamp ? InputType::String : InputType::Timestamp,
        InputType::String};
    expectInputTypes(call, t, want);
    return result;
  };
}

}  // namespace

void registerDatetimeFunctions(FunctionRegistry& r) {
  using I = InputType;
  auto ts = types::timestampType();
  registerTimeAddFunctions(r);
  add(r, "current_timestamp", {"now"}, 0, 0, expecting({}, ts), currentTimestamp, false);
  add(r, "to_timestamp", {}, 1, 2, parseRule(ts), toTimestamp, true);
  add(r, "try_to_timestamp", {}, 1, 2, parseRule(ts), toTimestamp, true);
  add(r, "unix_timestamp", {}, 0, 2, parseRule(types::bigintType()), unixTimestamp, true,
      [](const Expr&, const std::vector<std::string>& a) {
        std::string value = a.empty() ? "current_timestamp()" : a[0];
        return "unix_timestamp(" + value + ", " + (a.size() > 1 ? a[1] : kDefaultFormat) + ")";
      });
  add(r, "date_format", {}, 2, 2, expecting({I::Timestamp, I::String}, types::stringType()),
      dateFormat, false);
  const std::pair<const char*, Field> fields[] = {
      {"year", Field::Year}, {"month", Field::Month},   {"dayofmonth", Field::Day},
      {"hour", Field::Hour}, {"minute", Field::Minute}, {"second", Field::Second}};
  for (const auto& [name, field] : fields) {
    std::vector<std::string> aliases;
    if (field == Field::Day) aliases = {"day"};
    add(r, name, aliases, 1, 1, expecting({I::Timestamp}, types::intType()), fieldKernel(field),
        false);
  }
}

}  // namespace runnel::expr
