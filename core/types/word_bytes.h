// Reading string bytes a machine word at a time (string kernels and the group key table): word
// loads that never read past a buffer, byte masks and byte search without branches on lengths.
// wasm has no SIMD here and calls out of line for variable-length memcpy/memcmp, so these matter.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace runnel::types {

// The low min(c, 8) bytes of a word as a mask, without a branch (c = 8 shifts by 32 twice).
inline uint64_t lowBytesMask(size_t c) {
  return ((uint64_t{1} << (4 * c)) << (4 * c)) - 1;
}

// The n < 8 bytes at p as a zero-padded little-endian word, reading no byte past p + n and
// calling no memcpy of variable length (a function call per key in wasm).
inline uint64_t loadShort(const char* p, size_t n) {
  if (n >= 4) {
    uint32_t lo, hi;
    std::memcpy(&lo, p, 4);
    std::memcpy(&hi, p + n - 4, 4);  // overlaps lo: the shared bytes are equal
    return uint64_t{lo} | (uint64_t{hi} << (8 * (n - 4)));
  }
  if (n == 0) return 0;
  const auto b = [p](size_t i) { return uint64_t{static_cast<unsigned char>(p[i])}; };
  return b(0) | (b(n / 2) << (8 * (n / 2))) | (b(n - 1) << (8 * (n - 1)));
}

// loadShort, but when the 8 bytes from p are readable (a key inside a column's buffer, not at its
// end) one load and a mask, without the branches on n that word lengths make unpredictable;
// n may be 8 there.
inline uint64_t loadTail(const char* p, size_t n, const char* readable_end) {
  if (readable_end - p < 8) return loadShort(p, n);
  uint64_t w;
  std::memcpy(&w, p, 8);
  return w & lowBytesMask(n);
}

// Bit 7 of each byte of the result is set where v's byte equals d. The lowest set bit is exact;
// false positives can appear only above a true match, which is all a search for the first needs.
inline uint64_t matchByte(uint64_t v, char d) {
  const uint64_t x = v ^ (0x0101010101010101ull * static_cast<unsigned char>(d));
  return (x - 0x0101010101010101ull) & ~x & 0x8080808080808080ull;
}

// matchByte with every bit exact, for counting.
inline uint64_t matchByteExact(uint64_t v, char d) {
  const uint64_t low7 = 0x7F7F7F7F7F7F7F7Full;
  const uint64_t x = v ^ (0x0101010101010101ull * static_cast<unsigned char>(d));
  return ~(((x & low7) + low7) | x | low7);
}

// How many of the bytes in [p, end) equal d.
inline size_t countByte(const char* p, const char* end, char d) {
  size_t n = 0;
  for (; end - p >= 8; p += 8) {
    uint64_t v;
    std::memcpy(&v, p, 8);
    n += static_cast<size_t>(__builtin_popcountll(matchByteExact(v, d)));
  }
  for (; p != end; ++p)
    n += *p == d ? 1 : 0;
  return n;
}

}  // namespace runnel::types
