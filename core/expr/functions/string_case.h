// Locale-independent case mapping of UTF-8 text (Java's toLowerCase/toUpperCase(Locale.ROOT)) for
// ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic: the mappings that keep the UTF-8 width.
#pragma once

#include <string>

namespace runnel::expr {

// Maps every character of `text` in place.
void mapCaseInPlace(std::string& text, bool upper);

}  // namespace runnel::expr
