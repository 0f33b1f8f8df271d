// Methods of str, list and dict, and format specs, with Python's results for the common cases.
#include "pyspark/builtin_methods.h"

#include <fmt/format.h>

#include <algorithm>

#include "pyspark/call_args.h"
#include "pyspark/interpreter.h"

namespace runnel::pyspark {
namespace {

bool isSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string strip(const std::string& s, const Value* chars, bool left, bool right) {
  auto drop = [&](char c) {
    return chars && chars->isStr() ? chars->asStr().find(c) != std::string::npos : isSpace(c);
  };
  size_t b = 0, e = s.size();
  while (left && b < e && drop(s[b]))
    ++b;
  while (right && e > b && drop(s[e - 1]))
    --e;
  return s.substr(b, e - b);
}

Value split(const std::string& s, const Value* sep, int64_t maxsplit, SourcePosition pos) {
  std::vector<Value> parts;
  if (!sep || sep->isNone()) {
    size_t i = 0;
    while (i < s.size()) {
      while (i < s.size() && isSpace(s[i]))
        ++i;
      if (i >= s.size()) break;
      if (maxsplit >= 0 && static_cast<int64_t>(parts.size()) == maxsplit) {
        parts.push_back(Value::str(strip(s.substr(i), nullptr, false, true)));
        break;
      }
      size_t j = i;
      while (j < s.size() && !isSpace(s[j]))
        ++j;
      parts.push_back(Value::str(s.substr(i, j - i)));
      i = j;
    }
    return Value::list(std::move(parts));
  }
  const std::string& d = requireStr(*sep, "sep", pos);
  if (d.empty()) throw Error(ErrorClass::ValueError, "empty separator", pos);
  size_t start = 0;
  for (size_t at; (at = s.find(d, start)) != std::string::npos;) {
    if (maxsplit >= 0 && static_cast<int64_t>(parts.size()) == maxsplit) break;
    parts.push_back(Value::str(s.substr(start, at - start)));
    start = at + d.size();
  }
  parts.push_back(Value::str(s.substr(start)));
  return Value::list(std::move(parts));
}

std::string replaceAll(std::string s, const std::string& from, const std::string& to) {
  if (from.empty()) return s;
  for (size_t at = 0; (at = s.find(from, at)) != std::string::npos; at += to.size())
    s.replace(at, from.size(), to);
  return s;
}

// str.format with {}, {0}, {name} and format specs.
std::string strFormat(const std::string& fmt_text, const CallArgs& args) {
  std::string out;
  size_t auto_index = 0;
  for (size_t i = 0; i < fmt_text.size(); ++i) {
    char c = fmt_text[i];
    if ((c == '{' || c == '}') && i + 1 < fmt_text.size() && fmt_text[i + 1] == c) {
      out.push_back(c);
      ++i;
      continue;
    }
    if (c != '{') {
      out.push_back(c);
      continue;
    }
    size_t close = fmt_text.find('}', i);
    if (close == std::string::npos)
      throw Error(ErrorClass::ValueError, "expected '}' before end of string", args.pos);
    std::string field = fmt_text.substr(i + 1, close - i - 1);
    std::string spec;
    if (size_t colon = field.find(':'); colon != std::string::npos) {
      spec = field.substr(colon + 1);
      field.resize(colon);
    }
    const Value* v = nullptr;
    if (field.empty() || std::all_of(field.begin(), field.end(), ::isdigit)) {
      size_t k = field.empty() ? auto_index++ : std::stoul(field.substr(0, 9));
      if (k >= args.positional.size()) {
        throw Error(ErrorClass::IndexError,
                    fmt::format("Replacement index {} out of range for positional args tuple", k),
                    args.pos);
      }
      v = &args.positional[k];
    } else {
      for (const auto& [key, val] : args.keywords) {
        if (key == field) v = &val;
      }
      if (!v) throw Error(ErrorClass::KeyError, quoteString(field), args.pos);
    }
    out += spec.empty() ? strOf(*v) : formatWithSpec(*v, spec, args.pos);
    i = close;
  }
  return out;
}

std::optional<Value> strMethod(const Value& self, const std::string& name) {
  const std::string s = self.asStr();
  auto method = [&](auto fn) { return std::optional<Value>(Value::builtin(name, fn)); };
  if (name == "upper" || name == "lower") {
    return method([s, up = name == "upper"](Interpreter&, CallArgs&) {
      std::string out = s;
      for (char& c : out)
        c = static_cast<char>(up ? std::toupper(static_cast<unsigned char>(c))
                                 : std::tolower(static_cast<unsigned char>(c)));
      return Value::str(out);
    });
  }
  if (name == "strip" || name == "lstrip" || name == "rstrip") {
    return method([s, name](Interpreter&, CallArgs& a) {
      Params p(a, "str." + name, {"chars"}, 0);
      return Value::str(strip(s, p.get(0), name != "rstrip", name != "lstrip"));
    });
  }
  if (name == "split") {
    return method([s](Interpreter&, CallArgs& a) {
      Params p(a, "str.split", {"sep", "maxsplit"}, 0);
      return split(s, p.get(0), p.has(1) ? requireInt(*p.get(1), "maxsplit", a.pos) : -1, a.pos);
    });
  }
  if (name == "join") {
    return method([s](Interpreter& in, CallArgs& a) {
      Params p(a, "str.join", {"iterable"}, 1);
      std::string out;
      bool first = true;
      for (const Value& item : in.iterate(*p.get(0), a.pos)) {
        if (!item.isStr()) {
          throw Error(
              ErrorClass::TypeError,
              fmt::format("sequence item: expected str instance, {} found", typeNameOf(item)),
              a.pos);
        }
        if (!first) out += s;
        first = false;
        out += item.asStr();
      }
      return Value::str(out);
    });
  }
  if (name == "replace") {
    return method([s](Interpreter&, CallArgs& a) {
      Params p(a, "str.replace", {"old", "new"}, 2);
      return Value::str(
          replaceAll(s, requireStr(*p.get(0), "old", a.pos), requireStr(*p.get(1), "new", a.pos)));
    });
  }
  if (name == "startswith" || name == "endswith") {
    return method([s, name](Interpreter&, CallArgs& a) {
      Params p(a, "str." + name, {"prefix"}, 1);
      const std::string& x = requireStr(*p.get(0), "prefix", a.pos);
      bool r = x.size() <= s.size() &&
               (name == "startswith" ? s.compare(0, x.size(), x) == 0
                                     : s.compare(s.size() - x.size(), x.size(), x) == 0);
      return Value::boolean(r);
    });
  }
  if (name == "format") {
    return method([s](Interpreter&, CallArgs& a) { return Value::str(strFormat(s, a)); });
  }
  if (name == "find" || name == "count") {
    return method([s, name](Interpreter&, CallArgs& a) {
      Params p(a, "str." + name, {"sub"}, 1);
      const std::string& x = requireStr(*p.get(0), "sub", a.pos);
      if (name == "find") {
        size_t at = s.find(x);
        return Value::integer(at == std::string::npos ? -1 : static_cast<int64_t>(at));
      }
      int64_t n = 0;
      for (size_t at = 0; (at = s.find(x, at)) != std::string::npos;
           at += std::max<size_t>(x.size(), 1))
        ++n;
      return Value::integer(n);
    });
  }
  if (name == "isdigit") {
    return method([s](Interpreter&, CallArgs&) {
      return Value::boolean(!s.empty() && std::all_of(s.begin(), s.end(), ::isdigit));
    });
  }
  return std::nullopt;
}

}  // namespace

std::optional<Value> listOrDictMethod(const Value& self, const std::string& name);

std::optional<Value> builtinMethod(const Value& self, const std::string& name) {
  if (self.isStr()) return strMethod(self, name);
  return listOrDictMethod(self, name);
}

std::string formatWithSpec(const Value& v, const std::string& spec, SourcePosition pos) {
  char type = spec.empty() ? 0 : spec.back();
  try {
    if (v.type() == ValueType::Float ||
        (v.isNumber() && type != 0 && std::strchr("eEfFgG%", type))) {
      double d = v.asFloat();
      if (type == '%') {
        return fmt::format(fmt::runtime("{:" + spec.substr(0, spec.size() - 1) + "f}"), d * 100) +
               "%";
      }
      return fmt::format(fmt::runtime("{:" + spec + "}"), d);
    }
    if (v.isNumber()) return fmt::format(fmt::runtime("{:" + spec + "}"), v.asInt());
    return fmt::format(fmt::runtime("{:" + spec + "}"), strOf(v));
  } catch (const fmt::format_error&) {
    throw Error(
        ErrorClass::ValueError,
        fmt::format("Invalid format specifier '{}' for object of type '{}'", spec, typeNameOf(v)),
        pos);
  }
}

}  // namespace runnel::pyspark
