// String functions (Spark's stringExpressions.scala: Lower, Upper, StringTrim*, Length, Concat,
// ConcatWs, Substring). Kernels copy offsets/chars wholesale and edit in place: no per-row
// allocation.
#include <fmt/format.h>

#include "expr/functions/simple_function.h"
#include "expr/functions/string_case.h"
#include "expr/functions/sub_families.h"
#include "expr/type_coercion.h"

namespace runnel::expr {

using types::Column;
using types::ColumnPtr;
using types::DataTypePtr;
using types::TypeId;

namespace {

// Lower / Upper: the same bytes with each character mapped (Locale.ROOT, same UTF-8 width).
ScalarKernel caseKernel(bool upper) {
  return [upper](const Expr&, const std::vector<ColumnPtr>& args, size_t rows,
                 const EvalContext&) -> ColumnPtr {
    const Column& a = *args[0];
    auto out = Column::make(types::stringType());
    out->offsets = a.offsets;
    out->chars = a.chars;
    out->nulls = a.nulls;
    out->size = rows;
    mapCaseInPlace(out->chars, upper);
    return out;
  };
}

// Whether the character starting at `s[i]` is in `set` (Spark's trim string), its width in `w`.
bool inTrimSet(std::string_view s, size_t i, std::string_view set, size_t& w) {
  w = utf8Width(static_cast<unsigned char>(s[i]));
  if (set.empty()) return s[i] == ' ';  // the default trims ASCII spaces only
  return set.find(s.substr(i, w)) != std::string_view::npos;
}

enum class Trim { Both, Leading, Trailing };

ScalarKernel trimKernel(Trim mode) {
  return [mode](const Expr&, const std::vector<ColumnPtr>& args, size_t rows,
                const EvalContext&) -> ColumnPtr {
    const Column& a = *args[0];
    const Column* set_col = args.size() > 1 ? args[1].get() : nullptr;
    std::vector<uint8_t> nulls = set_col ? unionNulls({&a, set_col}, rows) : unionNulls({&a}, rows);
    auto out = Column::make(types::stringType());
    out->reserve(rows);
    out->chars.reserve(a.chars.size());
    for (size_t r = 0; r < rows; ++r) {
      if (isNullIn(nulls, r)) {
        out->appendNull();
        continue;
      }
      std::string_view s = a.stringAt(r);
      std::string_view set = set_col ? set_col->stringAt(r) : std::string_view();
      size_t begin = 0, end = s.size(), w = 0;
      if (mode != Trim::Trailing) {
        while (begin < end && inTrimSet(s, begin, set, w))
          begin += w;
      }
      if (mode != Trim::Leading) {
        while (end > begin) {
          size_t start = end - 1;
          while (start > begin && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80)
            --start;
          if (!inTrimSet(s, start, set, w)) break;
          end = start;
        }
      }
      out->appendString(s.substr(begin, end - begin));
    }
    return out;
  };
}

ColumnPtr lengthKernel(const Expr&, const std::vector<ColumnPtr>& args, size_t rows,
                       const EvalContext&) {
  const Column& a = *args[0];
  auto out = makeFixed(types::intType(), rows, unionNulls({&a}, rows));
  for (size_t r = 0; r < rows; ++r) {
    if (!isNullIn(out->nulls, r)) out->ints[r] = static_cast<int64_t>(numChars(a.stringAt(r)));
  }
  return out;
}

ColumnPtr concatKernel(const Expr&, const std::vector<ColumnPtr>& args, size_t rows,
                       const EvalContext&) {
  auto out = Column::make(types::stringType());
  out->reserve(rows);
  std::vector<uint8_t> nulls;
  size_t bytes = 0;
  for (const auto& c : args) {
    std::vector<uint8_t> n = unionNulls({c.get()}, rows);
    if (!n.empty() && nulls.empty()) nulls.assign(rows, 0);
    for (size_t r = 0; r < n.size(); ++r)
      nulls[r] |= n[r];
    bytes += c->chars.size();
  }
  out->chars.reserve(bytes);
  for (size_t r = 0; r < rows; ++r) {
    if (isNullIn(nulls, r)) {
      out->appendNull();
      continue;
    }
    for (const auto& c : args)
      out->chars.append(c->stringAt(r));
    out->appendString({});
  }
  return out;
}

// concat_ws(sep, s1, s2 | array...): nulls are skipped; null only when `sep` is null.
ColumnPtr concatWsKernel(const Expr&, const std::vector<ColumnPtr>& args, size_t rows,
                         const EvalContext&) {
  const Column& sep = *args[0];
  auto out = Column::make(types::stringType());
  out->reserve(rows);
  for (size_t r = 0; r < rows; ++r) {
    if (sep.type->id == TypeId::Null || sep.isNull(r)) {
      out->appendNull();
      continue;
    }
    bool first = true;
    auto put = [&](std::string_view s) {
      if (!first) out->chars.append(sep.stringAt(r));
      out->chars.append(s);
      first = false;
    };
    for (size_t i = 1; i < args.size(); ++i) {
      const Column& c = *args[i];
      if (c.type->id == TypeId::Null || c.isNull(r)) continue;
      if (c.type->id == TypeId::Array) {
        const Column& el = *c.children[0];
        for (uint32_t k = c.offsets[r]; k < c.offsets[r + 1]; ++k) {
          if (!el.isNull(k)) put(el.stringAt(k));
        }
      } else {
        put(c.stringAt(r));
      }
    }
    out->appendString({});
  }
  return out;
}

// Byte offset of character `chars` in `s` (clamped to the end).
size_t byteOffsetOfChar(std::string_view s, int64_t chars) {
  size_t i = 0;
  for (int64_t k = 0; k < chars && i < s.size(); ++k)
    i += utf8Width(static_cast<unsigned char>(s[i]));
  return std::min(i, s.size());
}

// UTF8String.substringSQL(pos, len): 1-based, 0 means 1, negative counts from the end.
ColumnPtr substringKernel(const Expr&, const std::vector<ColumnPtr>& args, size_t rows,
                          const EvalContext&) {
  const Column& s = *args[0];
  const Column& pos = *args[1];
  const Column* len = args.size() > 2 ? args[2].get() : nullptr;
  std::vector<uint8_t> nulls =
      len ? unionNulls({&s, &pos, len}, rows) : unionNulls({&s, &pos}, rows);
  auto out = Column::make(types::stringType());
  out->reserve(rows);
  for (size_t r = 0; r < rows; ++r) {
    if (isNullIn(nulls, r)) {
      out->appendNull();
      continue;
    }
    std::string_view str = s.stringAt(r);
    int64_t p = pos.ints[r];
    int64_t l = len ? len->ints[r] : INT32_MAX;
    int64_t n = static_cast<int64_t>(numChars(str));
    int64_t start = p > 0 ? p - 1 : (p < 0 ? n + p : 0);
    int64_t end = start + l;
    start = std::max<int64_t>(start, 0);
    if (start >= end) {
      out->appendString({});
      continue;
    }
    size_t b0 = byteOffsetOfChar(str, start);
    size_t b1 = b0 + byteOffsetOfChar(str.substr(b0), end - start);
    out->appendString(str.substr(b0, b1 - b0));
  }
  return out;
}

TypeRule stringArgs(std::vector<InputType> expected, DataTypePtr result) {
  return [expected, result](const Expr& call, std::vector<DataTypePtr>& t) {
    expectInputTypes(call, t, expected);
    return result;
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

// StringTrim.sql with a trim string: TRIM(BOTH x FROM s).
NameRule trimName(std::string fn, std::string where) {
  return [fn, where](const Expr&, const std::vector<std::string>& a) {
    if (a.size() == 1) return fn + "(" + a[0] + ")";
    return "TRIM(" + where + " " + a[1] + " FROM " + a[0] + ")";
  };
}

}  // namespace

void registerStringFunctions(FunctionRegistry& r) {
  auto str = types::stringType();
  add(r, "lower", {"lcase"}, 1, 1, stringArgs({InputType::String}, str), caseKernel(false), false);
  add(r, "upper", {"ucase"}, 1, 1, stringArgs({InputType::String}, str), caseKernel(true), false);
  add(r, "trim", {}, 1, 2, stringArgs({InputType::String}, str), trimKernel(Trim::Both), false,
      trimName("trim", "BOTH"));
  add(r, "ltrim", {}, 1, 2, stringArgs({InputType::String}, str), trimKernel(Trim::Leading), false,
      trimName("ltrim", "LEADING"));
  add(r, "rtrim", {}, 1, 2, stringArgs({InputType::String}, str), trimKernel(Trim::Trailing), false,
      trimName("rtrim", "TRAILING"));
  add(r, "length", {"char_length", "character_length", "len"}, 1, 1,
      stringArgs({InputType::String}, types::intType()), lengthKernel, false);
  add(r, "concat", {}, 0, -1, stringArgs({InputType::String}, str), concatKernel, false);
  add(
      r, "concat_ws", {}, 1, -1,
      [](const Expr& call, std::vector<DataTypePtr>& t) {
        std::vector<InputType> expected;
        for (size_t i = 0; i < t.size(); ++i) {
          bool string_array = t[i]->id == TypeId::Array && t[i]->element->id == TypeId::String;
          expected.push_back(i > 0 && string_array ? InputType::Any : InputType::String);
        }
        expectInputTypes(call, t, expected);
        return types::stringType();
      },
      concatWsKernel, true);
  add(r, "substring", {"substr"}, 2, 3,
      stringArgs({InputType::String, InputType::Int, InputType::Int}, str), substringKernel, false,
      [](const Expr&, const std::vector<std::string>& a) {
        return "substring(" + a[0] + ", " + a[1] + ", " + (a.size() > 2 ? a[2] : "2147483647") +
               ")";
      });
  registerStringSearchFunctions(r);
  registerRegexpFunctions(r);
}

}  // namespace runnel::expr
