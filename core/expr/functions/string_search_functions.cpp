// Substring search (Spark's StringInstr, StartsWith, EndsWith, Contains) and SQL LIKE (Like in
// regexpExpressions.scala: `%`, `_`, escape `\`), matched per character without regex or
// allocation.
#include "expr/functions/simple_function.h"
#include "expr/functions/sub_families.h"
#include "expr/type_coercion.h"

namespace runnel::expr {

using types::Column;
using types::ColumnPtr;
using types::DataTypePtr;

namespace {

enum class Search { StartsWith, EndsWith, Contains };

ScalarKernel searchKernel(Search kind) {
  return [kind](const Expr&, const std::vector<ColumnPtr>& args, size_t rows,
                const EvalContext&) -> ColumnPtr {
    const Column& a = *args[0];
    const Column& b = *args[1];
    auto out = makeFixed(types::booleanType(), rows, unionNulls({&a, &b}, rows));
    for (size_t r = 0; r < rows; ++r) {
      if (isNullIn(out->nulls, r)) continue;
      std::string_view s = a.stringAt(r), p = b.stringAt(r);
      bool hit = false;
      if (kind == Search::Contains)
        hit = s.find(p) != std::string_view::npos;
      else if (p.size() <= s.size())
        hit = kind == Search::StartsWith ? s.substr(0, p.size()) == p
                                         : s.substr(s.size() - p.size()) == p;
      out->ints[r] = hit;
    }
    return out;
  };
}

// instr(str, substr): 1-based character position of the first match, 0 when absent.
ColumnPtr instrKernel(const Expr&, const std::vector<ColumnPtr>& args, size_t rows,
                      const EvalContext&) {
  const Column& a = *args[0];
  const Column& b = *args[1];
  auto out = makeFixed(types::intType(), rows, unionNulls({&a, &b}, rows));
  for (size_t r = 0; r < rows; ++r) {
    if (isNullIn(out->nulls, r)) continue;
    std::string_view s = a.stringAt(r);
    size_t at = s.find(b.stringAt(r));
    out->ints[r] =
        at == std::string_view::npos ? 0 : static_cast<int64_t>(numChars(s.substr(0, at))) + 1;
  }
  return out;
}

// One element of a LIKE pattern: a literal character (bytes of `pattern`), `_` or `%`.
struct LikeToken {
  enum Kind : uint8_t { Char, One, Any } kind;
  uint32_t offset;
  uint32_t length;
};

void compileLike(std::string_view p, std::vector<LikeToken>& out) {
  out.clear();
  for (size_t i = 0; i < p.size();) {
    unsigned char c = static_cast<unsigned char>(p[i]);
    if (c == '%' || c == '_') {
      out.push_back({c == '%' ? LikeToken::Any : LikeToken::One, 0, 0});
      ++i;
      continue;
    }
    if (c == '\\' && i + 1 < p.size()) ++i;  // the escaped character is literal
    size_t w = utf8Width(static_cast<unsigned char>(p[i]));
    out.push_back({LikeToken::Char, static_cast<uint32_t>(i), static_cast<uint32_t>(w)});
    i += w;
  }
}

// Greedy wildcard matching with one backtrack point (the last `%`).
bool likeMatch(std::string_view s, std::string_view p, const std::vector<LikeToken>& t) {
  size_t si = 0, ti = 0, star = SIZE_MAX, star_s = 0;
  while (si < s.size()) {
    if (ti < t.size() && t[ti].kind == LikeToken::Any) {
      star = ti++;
      star_s = si;
    } else if (ti < t.size() && t[ti].kind == LikeToken::One) {
      si += utf8Width(static_cast<unsigned char>(s[si]));
      ++ti;
    } else if (ti < t.size() &&
               s.substr(si, t[ti].length) == p.substr(t[ti].offset, t[ti].length)) {
      si += t[ti].length;
      ++ti;
    } else if (star != SIZE_MAX) {
      ti = star + 1;
      star_s += utf8Width(static_cast<unsigned char>(s[star_s]));
      si = star_s;
    } else {
      return false;
    }
  }
  while (ti < t.size() && t[ti].kind == LikeToken::Any)
    ++ti;
  return ti == t.size();
}

ColumnPtr likeKernel(const Expr& call, const std::vector<ColumnPtr>& args, size_t rows,
                     const EvalContext&) {
  const Column& a = *args[0];
  const Column& b = *args[1];
  auto out = makeFixed(types::booleanType(), rows, unionNulls({&a, &b}, rows));
  std::vector<LikeToken> tokens;
  const types::Value* lit = literalArg(call, 1);
  if (lit && !lit->is_null) compileLike(lit->s, tokens);
  for (size_t r = 0; r < rows; ++r) {
    if (isNullIn(out->nulls, r)) continue;
    std::string_view p = b.stringAt(r);
    if (!lit) compileLike(p, tokens);
    out->ints[r] = likeMatch(a.stringAt(r), p, tokens);
  }
  return out;
}

void add(FunctionRegistry& r, std::string name, ScalarKernel eval, DataTypePtr result,
         NameRule pretty = nullptr) {
  FunctionDef d;
  d.name = std::move(name);
  d.min_args = d.max_args = 2;
  d.result_type = [result](const Expr& call, std::vector<DataTypePtr>& t) {
    expectInputTypes(call, t, {InputType::String});
    return result;
  };
  d.eval = std::move(eval);
  d.nullable_result = false;
  d.pretty_name = std::move(pretty);
  r.add(std::move(d));
}

}  // namespace

void registerStringSearchFunctions(FunctionRegistry& r) {
  auto boolean = types::booleanType();
  add(r, "startswith", searchKernel(Search::StartsWith), boolean);
  add(r, "endswith", searchKernel(Search::EndsWith), boolean);
  add(r, "contains", searchKernel(Search::Contains), boolean);
  add(r, "instr", instrKernel, types::intType());
  add(r, "like", likeKernel, boolean,
      [](const Expr&, const std::vector<std::string>& a) { return a[0] + " LIKE " + a[1]; });
}

}  // namespace runnel::expr
