// Python's printf-style formatting (CPython's PyUnicode_Format): each %[(name)][flags][width]
// [.precision]type takes the next value (or the dict's `name`) and fmt pads it. Its errors are
// Python's, word for word.
#include "pyspark/percent_format.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <optional>
#include <vector>

#include "pyspark/literals.h"

namespace runnel::pyspark {
namespace {

struct Spec {
  bool left = false, plus = false, space = false, zero = false, alt = false;
  std::optional<int64_t> width, precision;
};

// The values the specs take in turn: a tuple's items, or the one value (a dict too, for %s).
class Args {
 public:
  explicit Args(const Value& args) : mapping_(args.type() == ValueType::Dict ? &args : nullptr) {
    if (args.type() == ValueType::Tuple) {
      items_ = args.items();
    } else {
      items_.push_back(args);
    }
  }
  const Value& next(SourcePosition pos) {
    if (next_ >= items_.size()) {
      throw Error(ErrorClass::TypeError, "not enough arguments for format string", pos);
    }
    return items_[next_++];
  }
  const Value& named(const std::string& key, SourcePosition pos) const {
    if (!mapping_) throw Error(ErrorClass::TypeError, "format requires a mapping", pos);
    const Value* v = mapping_->asDict().find(Value::str(key));
    if (!v) throw Error(ErrorClass::KeyError, quoteString(key), pos);
    return *v;
  }
  // A dict is the mapping: what its specs do not name is no error.
  bool allUsed() const { return mapping_ || next_ >= items_.size(); }

 private:
  std::vector<Value> items_;
  size_t next_ = 0;
  const Value* mapping_;
};

// fmt's spec for a number's flags, width and precision: zeros pad only when not left-aligned.
std::string numberSpec(const Spec& s, bool with_precision, char type) {
  std::string spec = s.left ? "<" : "";
  if (s.plus) {
    spec += '+';
  } else if (s.space) {
    spec += ' ';
  }
  if (s.alt && type != 'd') spec += '#';
  if (s.zero && !s.left) spec += '0';
  if (s.width) spec += std::to_string(*s.width);
  if (with_precision && s.precision) spec += "." + std::to_string(*s.precision);
  spec += type;
  return spec;
}

// Code points before byte `at` (Python reports a spec's index in characters).
size_t charIndex(const std::string& s, size_t at) {
  size_t n = 0;
  for (size_t i = 0; i < at && i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++n;
  }
  return n;
}

// A string's precision and width count code points, as Python's do (fmt's count display columns).
std::string pad(const Spec& s, std::string text, bool with_precision) {
  if (with_precision && s.precision) {
    size_t chars = 0, keep = 0;
    for (; keep < text.size(); ++keep) {
      bool starts_char = (static_cast<unsigned char>(text[keep]) & 0xC0) != 0x80;
      if (starts_char && chars++ == static_cast<size_t>(*s.precision)) break;
    }
    text.resize(keep);
  }
  size_t chars = charIndex(text, text.size());
  if (!s.width || chars >= static_cast<size_t>(*s.width)) return text;
  std::string fill(static_cast<size_t>(*s.width) - chars, ' ');
  return s.left ? text + fill : fill + text;
}

std::string convert(const Spec& s, char type, const Value& v, SourcePosition pos) {
  switch (type) {
    case 's':
    case 'r':
    case 'a':
      return pad(s, type == 's' ? strOf(v) : reprOf(v), true);
    case 'd':
    case 'i':
    case 'u': {
      if (!v.isNumber()) {
        throw Error(
            ErrorClass::TypeError,
            fmt::format("%{} format: a real number is required, not {}", type, typeNameOf(v)), pos);
      }
      int64_t n = v.asInt();
      if (v.type() == ValueType::Float) {
        double d = v.asFloat();
        if (!std::isfinite(d)) {
          throw Error(ErrorClass::ValueError,
                      std::isnan(d) ? "cannot convert float NaN to integer"
                                    : "cannot convert float infinity to integer",
                      pos);
        }
        n = static_cast<int64_t>(std::trunc(d));
      }
      return fmt::format(fmt::runtime("{:" + numberSpec(s, false, 'd') + "}"), n);
    }
    case 'x':
    case 'X':
    case 'o':
      if (!v.isNumber() || v.type() == ValueType::Float) {
        throw Error(ErrorClass::TypeError,
                    fmt::format("%{} format: an integer is required, not {}", type, typeNameOf(v)),
                    pos);
      }
      return fmt::format(fmt::runtime("{:" + numberSpec(s, false, type) + "}"), v.asInt());
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
      if (!v.isNumber()) {
        throw Error(ErrorClass::TypeError,
                    fmt::format("must be real number, not {}", typeNameOf(v)), pos);
      }
      return fmt::format(fmt::runtime("{:" + numberSpec(s, true, type) + "}"), v.asFloat());
    case 'c':
      if (v.isStr() && charIndex(v.asStr(), v.asStr().size()) == 1) {
        return pad(s, v.asStr(), false);
      }
      if (v.isNumber() && v.type() != ValueType::Float && v.asInt() >= 0 && v.asInt() <= 0x10FFFF) {
        std::string utf8;
        appendUtf8(utf8, static_cast<uint32_t>(v.asInt()));
        return pad(s, utf8, false);
      }
      throw Error(ErrorClass::TypeError, "%c requires int or char", pos);
    default:
      return "";  // the caller rejected any other type
  }
}

int64_t starArgument(Args& args, SourcePosition pos) {
  const Value& v = args.next(pos);
  if (!v.isNumber() || v.type() == ValueType::Float) {
    throw Error(ErrorClass::TypeError, "* wants int", pos);
  }
  return v.asInt();
}

int64_t digits(const std::string& f, size_t& i) {
  int64_t n = 0;
  while (i < f.size() && f[i] >= '0' && f[i] <= '9' && n < 1'000'000)
    n = n * 10 + (f[i++] - '0');
  return n;
}

}  // namespace

std::string percentFormat(const std::string& f, const Value& values, SourcePosition pos) {
  Args args(values);
  std::string out;
  size_t i = 0;
  while (i < f.size()) {
    if (f[i] != '%') {
      out += f[i++];
      continue;
    }
    ++i;
    const Value* named = nullptr;
    if (i < f.size() && f[i] == '(') {
      size_t depth = 1, start = ++i;
      while (i < f.size() && depth > 0) {
        if (f[i] == '(') ++depth;
        if (f[i] == ')') --depth;
        ++i;
      }
      if (depth > 0) throw Error(ErrorClass::ValueError, "incomplete format key", pos);
      named = &args.named(f.substr(start, i - 1 - start), pos);
    }
    Spec s;
    for (; i < f.size(); ++i) {
      char c = f[i];
      if (c == '-') {
        s.left = true;
      } else if (c == '+') {
        s.plus = true;
      } else if (c == ' ') {
        s.space = true;
      } else if (c == '#') {
        s.alt = true;
      } else if (c == '0') {
        s.zero = true;
      } else {
        break;
      }
    }
    if (i < f.size() && f[i] == '*') {
      ++i;
      s.width = starArgument(args, pos);
      if (*s.width < 0) s.left = true, s.width = -*s.width;
    } else if (i < f.size() && f[i] >= '0' && f[i] <= '9') {
      s.width = digits(f, i);
    }
    if (i < f.size() && f[i] == '.') {
      ++i;
      if (i < f.size() && f[i] == '*') {
        ++i;
        s.precision = std::max<int64_t>(0, starArgument(args, pos));
      } else {
        s.precision = digits(f, i);
      }
    }
    while (i < f.size() && (f[i] == 'h' || f[i] == 'l' || f[i] == 'L'))
      ++i;  // C's length modifiers, which Python skips
    if (i >= f.size()) throw Error(ErrorClass::ValueError, "incomplete format", pos);
    char type = f[i++];
    if (type == '%') {
      out += '%';
      continue;
    }
    if (!std::strchr("srauidxXoeEfFgGc", type)) {
      auto code = static_cast<unsigned char>(type);
      throw Error(
          ErrorClass::ValueError,
          code < 0x80
              ? fmt::format("unsupported format character '{}' (0x{:x}) at index {}", type, code,
                            charIndex(f, i - 1))
              : fmt::format("unsupported format character at index {}", charIndex(f, i - 1)),
          pos);
    }
    out += convert(s, type, named ? *named : args.next(pos), pos);
  }
  if (!args.allUsed()) {
    throw Error(ErrorClass::TypeError, "not all arguments converted during string formatting", pos);
  }
  return out;
}

}  // namespace runnel::pyspark
