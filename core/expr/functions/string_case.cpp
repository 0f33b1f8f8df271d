// Case mapping for lower()/upper(): an ASCII fast path, then two-byte alphabets decoded and
// re-encoded in place (every mapping here keeps the UTF-8 width, so offsets never move).
#include "expr/functions/string_case.h"

#include <cstdint>

namespace runnel::expr {

namespace {

// Latin Extended-A pairs: +1 for an upper-case letter (lower is c + 1), -1 for a lower-case one.
int latinExtendedA(uint32_t c) {
  if (c < 0x100 || c > 0x17E || c == 0x130 || c == 0x131 || c == 0x138 || c == 0x149 || c == 0x178)
    return 0;
  bool even_is_upper = c < 0x138 || (c >= 0x14A && c < 0x178);
  return ((c & 1) == 0) == even_is_upper ? 1 : -1;
}

// Greek letters with tonos: lower <-> upper pairs outside the contiguous alphabet.
constexpr uint32_t kGreekTonos[][2] = {{0x3AC, 0x386}, {0x3AD, 0x388}, {0x3AE, 0x389},
                                       {0x3AF, 0x38A}, {0x3CC, 0x38C}, {0x3CD, 0x38E},
                                       {0x3CE, 0x38F}, {0x3C2, 0x3A3}};

uint32_t mapCodePoint(uint32_t c, bool upper) {
  for (const auto& pair : kGreekTonos) {
    if (upper && c == pair[0]) return pair[1];
    if (!upper && c == pair[1] && c != 0x3A3) return pair[0];
  }
  if (upper) {
    if ((c >= 0xE0 && c <= 0xFE && c != 0xF7) || (c >= 0x3B1 && c <= 0x3C9 && c != 0x3C2) ||
        (c >= 0x430 && c <= 0x44F))
      return c - 0x20;
    if (c >= 0x450 && c <= 0x45F) return c - 0x50;
    if (c == 0xFF) return 0x178;
    return latinExtendedA(c) < 0 ? c - 1 : c;
  }
  if ((c >= 0xC0 && c <= 0xDE && c != 0xD7) || (c >= 0x391 && c <= 0x3A9 && c != 0x3A2) ||
      (c >= 0x410 && c <= 0x42F))
    return c + 0x20;
  if (c >= 0x400 && c <= 0x40F) return c + 0x50;
  if (c == 0x178) return 0xFF;
  return latinExtendedA(c) > 0 ? c + 1 : c;
}

}  // namespace

void mapCaseInPlace(std::string& text, bool upper) {
  size_t n = text.size();
  for (size_t i = 0; i < n;) {
    unsigned char b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      if (upper && b >= 'a' && b <= 'z') text[i] = static_cast<char>(b - 32);
      if (!upper && b >= 'A' && b <= 'Z') text[i] = static_cast<char>(b + 32);
      ++i;
      continue;
    }
    if ((b & 0xE0) == 0xC0 && i + 1 < n) {
      uint32_t c = ((b & 0x1Fu) << 6) | (static_cast<unsigned char>(text[i + 1]) & 0x3Fu);
      uint32_t m = mapCodePoint(c, upper);
      if (m != c && m >= 0x80 && m < 0x800) {
        text[i] = static_cast<char>(0xC0 | (m >> 6));
        text[i + 1] = static_cast<char>(0x80 | (m & 0x3F));
      }
      i += 2;
      continue;
    }
    i += b >= 0xF0 ? 4 : (b >= 0xE0 ? 3 : 1);
  }
}

}  // namespace runnel::expr
