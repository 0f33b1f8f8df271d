// Both renderings start from the shortest round-trip decimal (fmt's Dragonbox, closest among the
// shortest, as Java and Python pick) and differ only in layout; Java also insists on two digits.
#include "format/double_format.h"

#include <fmt/format.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace runnel::format {
namespace {

// A positive finite value as digits d1 d2 ... (no leading or trailing zeros) times 10^(exponent - n
// + 1), i.e. d1.d2d3... x 10^exponent.
struct Decimal {
  std::string digits;
  int exponent = 0;
};

Decimal parseDecimal(std::string_view text) {
  size_t e = text.find_first_of("eE");
  std::string_view mantissa = text.substr(0, e);
  int exp = e == std::string_view::npos ? 0 : std::atoi(std::string(text.substr(e + 1)).c_str());
  size_t point = mantissa.find('.');
  int int_len = static_cast<int>(point == std::string_view::npos ? mantissa.size() : point);
  std::string all;
  for (char c : mantissa) {
    if (c != '.') all += c;
  }
  size_t zeros = all.find_first_not_of('0');
  Decimal d;
  if (zeros == std::string::npos) return Decimal{"0", 0};
  d.digits = all.substr(zeros);
  while (d.digits.size() > 1 && d.digits.back() == '0')
    d.digits.pop_back();
  d.exponent = int_len - 1 - static_cast<int>(zeros) + exp;
  return d;
}

Decimal shortest(double v) {
  return parseDecimal(fmt::format("{}", v));
}

}  // namespace

void appendJavaDouble(std::string& out, double v) {
  if (std::isnan(v)) {
    out += "NaN";
    return;
  }
  if (std::signbit(v)) out += '-';
  v = std::fabs(v);
  if (std::isinf(v)) {
    out += "Infinity";
    return;
  }
  if (v == 0) {
    out += "0.0";
    return;
  }
  Decimal d = shortest(v);
  if (d.digits.size() == 1) {
    // Java prints at least two digits and takes the two-digit decimal closest to v when it still
    // round-trips (Double.MIN_VALUE is 4.9E-324, not 5.0E-324).
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1e", v);
    if (std::strtod(buf, nullptr) == v) d = parseDecimal(buf);
  }
  const std::string& g = d.digits;
  if (v >= 1e-3 && v < 1e7) {
    if (d.exponent >= 0) {
      size_t int_len = static_cast<size_t>(d.exponent) + 1;
      if (g.size() <= int_len) {
        out += g;
        out.append(int_len - g.size(), '0');
        out += ".0";
      } else {
        out.append(g, 0, int_len);
        out += '.';
        out.append(g, int_len, std::string::npos);
      }
    } else {
      out += "0.";
      out.append(static_cast<size_t>(-d.exponent - 1), '0');
      out += g;
    }
    return;
  }
  out += g[0];
  out += '.';
  if (g.size() > 1)
    out.append(g, 1, std::string::npos);
  else
    out += '0';
  out += 'E';
  out += std::to_string(d.exponent);
}

std::string javaDoubleToString(double v) {
  std::string out;
  appendJavaDouble(out, v);
  return out;
}

std::string pythonFloatRepr(double v) {
  if (std::isnan(v)) return "nan";
  std::string out = std::signbit(v) ? "-" : "";
  v = std::fabs(v);
  if (std::isinf(v)) return out + "inf";
  if (v == 0) return out + "0.0";
  Decimal d = shortest(v);
  const std::string& g = d.digits;
  const int decpt = d.exponent + 1;  // digits before the decimal point
  if (decpt > -4 && decpt <= 16) {
    if (decpt <= 0) {
      out += "0.";
      out.append(static_cast<size_t>(-decpt), '0');
      out += g;
    } else if (static_cast<size_t>(decpt) >= g.size()) {
      out += g;
      out.append(static_cast<size_t>(decpt) - g.size(), '0');
      out += ".0";
    } else {
      out.append(g, 0, static_cast<size_t>(decpt));
      out += '.';
      out.append(g, static_cast<size_t>(decpt), std::string::npos);
    }
    return out;
  }
  out += g[0];
  if (g.size() > 1) {
    out += '.';
    out.append(g, 1, std::string::npos);
  }
  out += fmt::format("e{}{:02d}", d.exponent < 0 ? '-' : '+', std::abs(d.exponent));
  return out;
}

}  // namespace runnel::format
