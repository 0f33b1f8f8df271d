// Regex functions (Spark's regexpExpressions.scala: StringSplit, RegExpReplace, RegExpExtract,
// RLike). split with a literal delimiter (the word count's hot path) writes pieces straight into
// the result's child offsets/chars; real regexes go through JavaRegex with Java's
// split/replace/find semantics.
#include <cstring>
#include <memory>

#include <fmt/format.h>

#include "expr/functions/java_regex.h"
#include "expr/functions/simple_function.h"
#include "expr/functions/sub_families.h"
#include "expr/type_coercion.h"
#include "types/word_bytes.h"

namespace runnel::expr {

using types::Column;
using types::ColumnPtr;
using types::DataTypePtr;

namespace {

size_t charWidthAt(std::string_view s, size_t i) {
  return utf8Width(static_cast<unsigned char>(s[i]));
}

// UTF8String.split with an empty pattern (3.4+): one element per character, the last takes the
// rest.
void splitChars(std::string_view s, int64_t limit, Column& out) {
  int64_t n = static_cast<int64_t>(numChars(s));
  int64_t pieces = (limit > n || limit <= 0) ? n : limit;
  size_t i = 0;
  for (int64_t k = 0; k + 1 < pieces; ++k) {
    size_t w = charWidthAt(s, i);
    out.appendString(s.substr(i, w));
    i += w;
  }
  out.appendString(s.substr(i));
}

void splitLiteral(std::string_view s, std::string_view delim, int64_t limit, Column& out) {
  if (delim.empty()) {  // only reached for "" split by "": Java gives [""]
    out.appendString(s);
    return;
  }
  size_t pos = 0;
  int64_t count = 0;
  while (limit <= 0 || count < limit - 1) {
    size_t hit = delim.size() == 1 ? s.find(delim[0], pos) : s.find(delim, pos);
    if (hit == std::string_view::npos) break;
    out.appendString(s.substr(pos, hit - pos));
    pos = hit + delim.size();
    ++count;
  }
  out.appendString(s.substr(pos));
}

// split(str, "<one byte>") over a whole column, the word-count shape. The pieces of every row go
// into one buffer sized once for the column (they never outgrow their rows) and the piece offsets
// into an array sized once by counting the delimiters; each step copies eight bytes and moves to
// the next delimiter or eight bytes on, with no branch on where the delimiter is.
void splitColumnByte(const Column& str, const std::vector<uint8_t>& nulls, size_t rows, char d,
                     Column& out) {
  Column& words = *out.children[0];
  const char* const src = str.chars.data();
  const char* const src_end = src + str.chars.size();
  const size_t first = rows == 0 ? 0 : str.offsets[0];
  const size_t last = rows == 0 ? 0 : str.offsets[rows];
  // At most one piece per delimiter and one per row (null rows hold no bytes).
  const size_t most_pieces = types::countByte(src + first, src + last, d) + rows;
  const size_t base_chars = words.chars.size();
  words.chars.resize(base_chars + (last - first) + 8);  // 8 bytes of slack for word stores
  const size_t base_offsets = words.offsets.size();
  words.offsets.resize(base_offsets + most_pieces);
  char* const dst = words.chars.data();
  uint32_t* const offsets = words.offsets.data();
  size_t w = base_chars, n = base_offsets;
  RUNNEL_ASSERT(base_chars + (last - first) <= UINT32_MAX, "a string column holds at most 4 GiB");
  for (size_t r = 0; r < rows; ++r) {
    if (isNullIn(nulls, r)) {
      words.size = n - 1;
      out.appendNull();
      continue;
    }
    const char* p = src + str.offsets[r];
    const char* const end = src + str.offsets[r + 1];
    while (p < end) {
      const size_t left = static_cast<size_t>(end - p);
      const size_t c = left < 8 ? left : 8;
      uint64_t v;
      if (src_end - p >= 8)
        std::memcpy(&v, p, 8);
      else
        v = types::loadShort(p, c);
      std::memcpy(dst + w, &v, 8);
      const uint64_t m = types::matchByte(v, d) & types::lowBytesMask(c);
      const size_t found = m != 0 ? 1 : 0;
      const size_t k = found != 0 ? static_cast<size_t>(__builtin_ctzll(m)) >> 3 : c;
      w += k;
      p += k + found;
      offsets[n] = static_cast<uint32_t>(w);
      n += found;
    }
    offsets[n++] = static_cast<uint32_t>(w);
    words.size = n - 1;
    out.closeArrayRow();
  }
  words.chars.resize(w);
  words.offsets.resize(n);
  if (!words.nulls.empty()) words.nulls.resize(words.size, 0);
}

// java.lang.String.split(regex, limit) with limit 0 mapped to -1 (trailing empties kept).
void splitRegex(std::string_view s, const JavaRegex& re, int64_t limit, Column& out,
                std::cmatch& m) {
  size_t index = 0, from = 0;
  int64_t count = 0;
  while (from <= s.size() && re.find(s, from, m)) {
    if (limit > 0 && count >= limit - 1) break;
    size_t start = static_cast<size_t>(m[0].first - s.data());
    size_t end = static_cast<size_t>(m[0].second - s.data());
    if (end == 0) {  // a zero-width match at the beginning yields no leading empty string
      from = s.empty() ? 1 : charWidthAt(s, 0);
      continue;
    }
    out.appendString(s.substr(index, start - index));
    ++count;
    index = end;
    from = end == start ? end + (end < s.size() ? charWidthAt(s, end) : 1) : end;
  }
  out.appendString(s.substr(index));
}

ColumnPtr splitKernel(const Expr& call, const std::vector<ColumnPtr>& args, size_t rows,
                      const EvalContext&) {
  const Column& str = *args[0];
  const Column& pat = *args[1];
  const Column* lim = args.size() > 2 ? args[2].get() : nullptr;
  std::vector<uint8_t> nulls =
      lim ? unionNulls({&str, &pat, lim}, rows) : unionNulls({&str, &pat}, rows);
  auto out = Column::make(call.type);
  out->reserve(rows);
  Column& words = *out->children[0];
  words.chars.reserve(str.chars.size());
  words.offsets.reserve(rows * 4 + 1);
  // A literal pattern is prepared once per batch; a pattern column is re-read when it changes.
  const types::Value* lit = literalArg(call, 1);
  std::optional<std::string> literal;
  std::unique_ptr<JavaRegex> regex;
  std::string current;
  bool prepared = false;
  std::cmatch m;
  if (lit != nullptr && !lim && !lit->is_null) {
    literal = literalPattern(lit->s);
    if (literal && literal->size() == 1) {
      splitColumnByte(str, nulls, rows, (*literal)[0], *out);
      return out;
    }
  }
  for (size_t r = 0; r < rows; ++r) {
    if (isNullIn(nulls, r)) {
      out->appendNull();
      continue;
    }
    std::string_view s = str.stringAt(r);
    std::string_view p = pat.stringAt(r);
    int64_t limit = lim ? lim->ints[r] : -1;
    if (!prepared || (!lit && p != current)) {
      current = std::string(p);
      literal = literalPattern(p);
      regex.reset();
      if (!literal) regex = std::make_unique<JavaRegex>(p, "split");
      prepared = true;
    }
    if (p.empty() && !s.empty())
      splitChars(s, limit, words);
    else if (literal)
      splitLiteral(s, *literal, limit, words);
    else
      splitRegex(s, *regex, limit, words, m);
    out->closeArrayRow();
  }
  return out;
}

// Appends Java's Matcher.appendReplacement expansion of `rep`: `$n` groups, `\x` a literal x.
void appendReplacement(std::string& out, std::string_view rep, const std::cmatch& m) {
  for (size_t i = 0; i < rep.size(); ++i) {
    char c = rep[i];
    if (c == '\\' && i + 1 < rep.size()) {
      out += rep[++i];
    } else if (c == '$' && i + 1 < rep.size() &&
               std::isdigit(static_cast<unsigned char>(rep[i + 1]))) {
      size_t g = static_cast<size_t>(rep[++i] - '0');
      // Java takes further digits while they still name an existing group.
      while (i + 1 < rep.size() && std::isdigit(static_cast<unsigned char>(rep[i + 1])) &&
             g * 10 + static_cast<size_t>(rep[i + 1] - '0') < m.size()) {
        g = g * 10 + static_cast<size_t>(rep[++i] - '0');
      }
      if (g < m.size() && m[g].matched) out.append(m[g].first, m[g].second);
    } else {
      out += c;
    }
  }
}

ColumnPtr replaceKernel(const Expr&, const std::vector<ColumnPtr>& args, size_t rows,
                        const EvalContext&) {
  const Column& str = *args[0];
  const Column& pat = *args[1];
  const Column& rep = *args[2];
  const Column* pos = args.size() > 3 ? args[3].get() : nullptr;
  std::vector<uint8_t> nulls =
      pos ? unionNulls({&str, &pat, &rep, pos}, rows) : unionNulls({&str, &pat, &rep}, rows);
  auto out = Column::make(types::stringType());
  out->reserve(rows);
  out->chars.reserve(str.chars.size());
  std::unique_ptr<JavaRegex> regex;
  std::cmatch m;
  for (size_t r = 0; r < rows; ++r) {
    if (isNullIn(nulls, r)) {
      out->appendNull();
      continue;
    }
    std::string_view s = str.stringAt(r), p = pat.stringAt(r), rp = rep.stringAt(r);
    if (!regex || regex->pattern() != p) regex = std::make_unique<JavaRegex>(p, "regexp_replace");
    int64_t start_char = pos ? pos->ints[r] : 1;
    size_t begin = 0;
    for (int64_t k = 1; k < start_char && begin < s.size(); ++k)
      begin += charWidthAt(s, begin);
    std::string& o = out->chars;
    o.append(s.substr(0, begin));
    size_t last = begin, from = begin;
    while (from <= s.size() && regex->find(s, from, m)) {
      size_t ms = static_cast<size_t>(m[0].first - s.data());
      size_t me = static_cast<size_t>(m[0].second - s.data());
      o.append(s.substr(last, ms - last));
      appendReplacement(o, rp, m);
      last = me;
      if (me == ms) {  // after an empty match Java copies one character and moves on
        if (me >= s.size()) break;
        size_t w = charWidthAt(s, me);
        o.append(s.substr(me, w));
        last = from = me + w;
      } else {
        from = me;
      }
    }
    if (last < s.size()) o.append(s.substr(last));
    out->appendString({});
  }
  return out;
}

ColumnPtr extractKernel(const Expr&, const std::vector<ColumnPtr>& args, size_t rows,
                        const EvalContext&) {
  const Column& str = *args[0];
  const Column& pat = *args[1];
  const Column* idx = args.size() > 2 ? args[2].get() : nullptr;
  std::vector<uint8_t> nulls =
      idx ? unionNulls({&str, &pat, idx}, rows) : unionNulls({&str, &pat}, rows);
  auto out = Column::make(types::stringType());
  out->reserve(rows);
  std::unique_ptr<JavaRegex> regex;
  std::cmatch m;
  for (size_t r = 0; r < rows; ++r) {
    if (isNullIn(nulls, r)) {
      out->appendNull();
      continue;
    }
    std::string_view s = str.stringAt(r), p = pat.stringAt(r);
    if (!regex || regex->pattern() != p) regex = std::make_unique<JavaRegex>(p, "regexp_extract");
    int64_t group = idx ? idx->ints[r] : 1;
    if (group < 0 || static_cast<size_t>(group) > regex->groupCount()) {
      throw Error(
          ErrorClass::IllegalArgumentException,
          fmt::format("[INVALID_PARAMETER_VALUE.REGEX_GROUP_INDEX] The value of parameter(s) "
                      "`idx` in `regexp_extract` is invalid: Expects group index between 0 "
                      "and {}, but got {}. SQLSTATE: 22023",
                      regex->groupCount(), group));
    }
    if (regex->find(s, 0, m) && m[group].matched)
      out->appendString(std::string_view(m[group].first, m[group].length()));
    else
      out->appendString({});
  }
  return out;
}

ColumnPtr rlikeKernel(const Expr&, const std::vector<ColumnPtr>& args, size_t rows,
                      const EvalContext&) {
  const Column& str = *args[0];
  const Column& pat = *args[1];
  auto out = makeFixed(types::booleanType(), rows, unionNulls({&str, &pat}, rows));
  std::unique_ptr<JavaRegex> regex;
  std::cmatch m;
  for (size_t r = 0; r < rows; ++r) {
    if (isNullIn(out->nulls, r)) continue;
    std::string_view p = pat.stringAt(r);
    if (!regex || regex->pattern() != p) regex = std::make_unique<JavaRegex>(p, "rlike");
    out->ints[r] = regex->find(str.stringAt(r), 0, m);
  }
  return out;
}

// Spark adds the optional argument's default to the name: split(value,  , -1).
NameRule withDefault(std::string fn, size_t full_arity, std::string default_text) {
  return [fn, full_arity, default_text](const Expr&, const std::vector<std::string>& a) {
    std::string out = fn + "(";
    for (size_t i = 0; i < a.size(); ++i)
      out += (i > 0 ? ", " : "") + a[i];
    if (a.size() + 1 == full_arity) out += ", " + default_text;
    return out + ")";
  };
}

void add(FunctionRegistry& r, std::string name, int min_args, int max_args,
         std::vector<InputType> expected, DataTypePtr result, ScalarKernel eval, NameRule pretty,
         bool nullable_result) {
  FunctionDef d;
  d.name = std::move(name);
  d.min_args = min_args;
  d.max_args = max_args;
  d.result_type = [expected, result](const Expr& call, std::vector<DataTypePtr>& t) {
    expectInputTypes(call, t, expected);
    return result;
  };
  d.eval = std::move(eval);
  d.pretty_name = std::move(pretty);
  d.nullable_result = nullable_result;
  r.add(std::move(d));
}

}  // namespace

void registerRegexpFunctions(FunctionRegistry& r) {
  using I = InputType;
  auto str = types::stringType();
  add(r, "split", 2, 3, {I::String, I::String, I::Int}, types::arrayType(str, false), splitKernel,
      withDefault("split", 3, "-1"), false);
  add(r, "regexp_replace", 3, 4, {I::String, I::String, I::String, I::Int}, str, replaceKernel,
      withDefault("regexp_replace", 4, "1"), false);
  add(r, "regexp_extract", 2, 3, {I::String, I::String, I::Int}, str, extractKernel,
      withDefault("regexp_extract", 3, "1"), false);
  add(
      r, "rlike", 2, 2, {I::String, I::String}, types::booleanType(), rlikeKernel,
      [](const Expr&, const std::vector<std::string>& a) {
        return "RLIKE(" + a[0] + ", " + a[1] + ")";
      },
      false);
}

}  // namespace runnel::expr
