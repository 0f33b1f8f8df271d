// round(x, scale) with HALF_UP (Spark's Round / RoundBase): doubles round their shortest decimal
// form, as Scala's BigDecimal(double) does, so round(1.005, 2) is 1.01.
#include <cmath>
#include <cstdlib>
#include <limits>

#include <fmt/format.h>

#include "expr/functions/simple_function.h"
#include "expr/functions/sub_families.h"
#include "expr/type_coercion.h"

namespace runnel::expr {

using types::ColumnPtr;
using types::DataTypePtr;
using types::TypeId;

namespace {

double roundDouble(double x, int scale) {
  if (!std::isfinite(x)) return x;
  // Shortest decimal digits D and exponent E with x = 0.D * 10^E.
  std::string text = fmt::format("{}", x);
  bool negative = text[0] == '-';
  std::string digits;
  int exponent = 0;
  size_t e_pos = text.find_first_of("eE");
  std::string mantissa =
      text.substr(negative ? 1 : 0,
                  e_pos == std::string::npos ? std::string::npos : e_pos - (negative ? 1 : 0));
  int point = -1;
  for (char c : mantissa) {
    if (c == '.')
      point = static_cast<int>(digits.size());
    else
      digits += c;
  }
  exponent = point < 0 ? static_cast<int>(digits.size()) : point;
  if (e_pos != std::string::npos) exponent += std::atoi(text.c_str() + e_pos + 1);
  size_t lead = digits.find_first_not_of('0');
  if (lead == std::string::npos) return x;
  digits = digits.substr(lead);
  exponent -= static_cast<int>(lead);
  int keep = exponent + scale;  // digits kept before rounding
  if (keep >= static_cast<int>(digits.size())) return x;
  if (keep < 0) return 0.0;  // BigDecimal has no negative zero
  bool up = digits[keep] >= '5';
  std::string kept = digits.substr(0, keep);
  if (up) {
    int i = keep - 1;
    while (i >= 0 && kept[i] == '9')
      kept[i--] = '0';
    if (i >= 0)
      kept[i]++;
    else {
      kept.insert(kept.begin(), '1');
      ++exponent;
    }
  }
  if (kept.empty()) return 0.0;
  std::string rebuilt = fmt::format("{}0.{}e{}", negative ? "-" : "", kept, exponent);
  return std::strtod(rebuilt.c_str(), nullptr);
}

int64_t roundIntegral(int64_t v, int scale) {
  if (scale >= 0) return v;
  if (scale < -18) return 0;
  int64_t p = 1;
  for (int i = 0; i < -scale; ++i)
    p *= 10;
  int64_t q = v / p;
  int64_t rem = v % p;
  if ((rem < 0 ? -rem : rem) >= p - p / 2) q += v < 0 ? -1 : 1;
  return q * p;
}

ColumnPtr roundKernel(const Expr& call, const std::vector<ColumnPtr>& args, size_t rows,
                      const EvalContext&) {
  const auto& a = *args[0];
  int scale = 0;
  if (args.size() > 1) {
    if (args[1]->isNull(0)) return allNulls(call.type, rows);
    scale = static_cast<int>(args[1]->ints.empty() ? 0 : args[1]->ints[0]);
  }
  auto out = makeFixed(call.type, rows, unionNulls({&a}, rows));
  for (size_t r = 0; r < rows; ++r) {
    if (isNullIn(out->nulls, r)) continue;
    if (call.type->id == TypeId::Double)
      out->doubles[r] = roundDouble(a.doubles[r], scale);
    else
      out->ints[r] = roundIntegral(a.ints[r], scale);
  }
  return out;
}

}  // namespace

void registerRoundFunctions(FunctionRegistry& r) {
  FunctionDef d;
  d.name = "round";
  d.min_args = 1;
  d.max_args = 2;
  d.result_type = [](const Expr& call, std::vector<DataTypePtr>& t) {
    expectInputTypes(call, t, {InputType::Numeric, InputType::Int});
    return t[0];
  };
  d.eval = roundKernel;
  d.pretty_name = [](const Expr&, const std::vector<std::string>& a) {
    return "round(" + a[0] + ", " + (a.size() > 1 ? a[1] : "0") + ")";
  };
  d.nullable_result = false;
  d.doc = "round(x, scale=0): HALF_UP rounding";
  r.add(std::move(d));
}

}  // namespace runnel::expr
