// Building blocks of the function kernels (Velox's simple-function idea): null masks, result
// columns sized up front so loops write values in place, literal arguments, and the ANSI failure
// policy.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "expr/eval_context.h"
#include "expr/expression.h"
#include "expr/function_registry.h"
#include "types/column.h"

namespace runnel::expr {

// 1 where any of `cols` is null; empty when none of them has nulls.
inline std::vector<uint8_t> unionNulls(std::initializer_list<const types::Column*> cols,
                                       size_t rows) {
  std::vector<uint8_t> out;
  for (const types::Column* c : cols) {
    if (c->type->id == types::TypeId::Null) {
      out.assign(rows, 1);
      return out;
    }
    if (c->nulls.empty()) continue;
    if (out.empty()) out.assign(rows, 0);
    for (size_t r = 0; r < rows; ++r)
      out[r] |= c->nulls[r];
  }
  return out;
}

inline bool isNullIn(const std::vector<uint8_t>& nulls, size_t row) {
  return !nulls.empty() && nulls[row] != 0;
}

inline void setNull(types::Column& c, size_t row) {
  if (c.nulls.empty()) c.nulls.assign(c.size, 0);
  c.nulls[row] = 1;
}

// A column of `rows` zeroed values of an int- or double-stored type, with `nulls`.
inline types::MutableColumnPtr makeFixed(types::DataTypePtr t, size_t rows,
                                         std::vector<uint8_t> nulls) {
  auto out = types::Column::make(std::move(t));
  if (out->type->id == types::TypeId::Double)
    out->doubles.assign(rows, 0.0);
  else
    out->ints.assign(rows, 0);
  out->nulls = std::move(nulls);
  out->size = rows;
  return out;
}

// A column of `rows` nulls of type `t`.
inline types::ColumnPtr allNulls(const types::DataTypePtr& t, size_t rows) {
  return types::constantColumn(types::Value::null(t), rows);
}

// Appends row `r` of `in` (same type as `out`, or a void column) to `out`; fast for flat types.
inline void appendRow(types::Column& out, const types::Column& in, size_t r) {
  if (in.type->id == types::TypeId::Null || in.isNull(r)) {
    out.appendNull();
    return;
  }
  switch (out.type->id) {
    case types::TypeId::Double:
      out.appendDouble(in.doubles[r]);
      return;
    case types::TypeId::String:
      out.appendString(in.stringAt(r));
      return;
    case types::TypeId::Array:
    case types::TypeId::Struct:
      out.appendFrom(in, r);
      return;
    case types::TypeId::Null:
      out.appendNull();
      return;
    default:
      out.appendInt(in.ints[r]);
      return;
  }
}

// The value of argument `i` when it is a literal (so kernels can prepare it once per batch).
inline const types::Value* literalArg(const Expr& call, size_t i) {
  if (i >= call.args.size()) return nullptr;
  const Expr* a = call.args[i].get();
  if (a->kind == ExprKind::Alias) a = a->args[0].get();
  return a->kind == ExprKind::Literal ? &a->literal : nullptr;
}

// What an ANSI runtime failure becomes: try_* and try_cast give null; ANSI on throws; ANSI off
// wraps on overflow (Java semantics) and gives null on division by zero.
enum class OnFailure { Throw, Null, Legacy };

inline OnFailure onFailure(const Expr& call, const EvalContext& ctx) {
  if (call.try_mode || std::string_view(call.name).substr(0, 4) == "try_") return OnFailure::Null;
  return ctx.ansi ? OnFailure::Throw : OnFailure::Legacy;
}

// Number of UTF-8 code points (Spark's numChars: every byte that is not a continuation byte).
inline size_t numChars(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s)
    n += (c & 0xC0) != 0x80;
  return n;
}

// Byte length of the UTF-8 sequence starting with `lead` (1 for invalid bytes).
inline size_t utf8Width(unsigned char lead) {
  if (lead < 0xC0) return 1;
  if (lead < 0xE0) return 2;
  if (lead < 0xF0) return 3;
  return 4;
}

}  // namespace runnel::expr
