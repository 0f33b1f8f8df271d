// showString: escape, truncate (in UTF-16 units), measure half-widths, pad and draw the +/| grid,
// or the vertical -RECORD layout; then the footer. Mirrors Dataset.getRows and Dataset.showString.
#include "format/show_string.h"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "format/value_format.h"
#include "types/timestamp.h"

namespace runnel::format {
namespace {

constexpr size_t kMinimumColWidth = 3;
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD, as Java decodes bad UTF-8

// Decodes one code point at `i`; a malformed byte decodes to U+FFFD and advances one byte.
char32_t decode(std::string_view s, size_t& i) {
  auto b = static_cast<unsigned char>(s[i]);
  int len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
  if (len == 0 || i + len > s.size()) {
    ++i;
    return 0xFFFD;
  }
  char32_t cp = len == 1 ? b : b & (0xFF >> (len + 1));
  for (int k = 1; k < len; ++k) {
    auto c = static_cast<unsigned char>(s[i + k]);
    if ((c & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (c & 0x3F);
  }
  i += len;
  return cp;
}

bool isFullWidth(char32_t c) {
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) ||
         (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFE10 && c <= 0xFE19) || (c >= 0xFE30 && c <= 0xFE6F) ||
         (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6);
}

// SchemaUtils.escapeMetaCharacters.
std::string escapeMetaCharacters(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\v':
        out += "\\v";
        break;
      case '\a':
        out += "\\a";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// str.substring(0, units) in UTF-16 units. Cutting a surrogate pair leaves a lone surrogate, which
// Java's UTF-8 encoder prints as '?'.
std::string utf16Prefix(std::string_view s, size_t units) {
  std::string out;
  size_t used = 0;
  for (size_t i = 0; i < s.size() && used < units;) {
    size_t start = i;
    char32_t cp = decode(s, i);
    size_t w = cp > 0xFFFF ? 2 : 1;
    if (used + w > units) {
      out += '?';
      break;
    }
    if (cp == 0xFFFD && i - start == 1)
      out += kReplacement;
    else
      out.append(s, start, i - start);
    used += w;
  }
  return out;
}

struct Cell {
  std::string text;
  size_t half_width = 0;
};

Cell makeCell(std::string text) {
  Cell c{std::move(text), 0};
  c.half_width = stringHalfWidth(c.text);
  return c;
}

Cell dataCell(std::string raw, int truncate) {
  std::string str = escapeMetaCharacters(raw);
  if (truncate > 0 && utf16Length(str) > static_cast<size_t>(truncate)) {
    if (truncate < 4)
      str = utf16Prefix(str, static_cast<size_t>(truncate));
    else
      str = utf16Prefix(str, static_cast<size_t>(truncate - 3)) + "...";
  }
  return makeCell(std::move(str));
}

void pad(std::string& out, const Cell& cell, size_t width, bool left) {
  size_t spaces = width > cell.half_width ? width - cell.half_width : 0;
  if (left) out.append(spaces, ' ');
  out += cell.text;
  if (!left) out.append(spaces, ' ');
}

}  // namespace

size_t utf16Length(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size();)
    n += decode(s, i) > 0xFFFF ? 2 : 1;
  return n;
}

size_t stringHalfWidth(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size();) {
    char32_t cp = decode(s, i);
    n += cp > 0xFFFF ? 2 : isFullWidth(cp) ? 2 : 1;
  }
  return n;
}

std::string showString(const types::Batch& batch, int num_rows, int truncate, bool vertical,
                       const std::string& time_zone) {
  const types::TimeZone zone = types::parseTimeZone(time_zone);
  const size_t limit = static_cast<size_t>(std::max(num_rows, 0));
  const size_t shown = std::min(limit, batch.num_rows);
  const bool has_more = batch.num_rows > limit;
  const size_t ncols = batch.schema.size();

  std::vector<Cell> header;
  for (const auto& f : batch.schema.fields)
    header.push_back(makeCell(escapeMetaCharacters(f.name)));
  std::vector<std::vector<Cell>> rows(shown);
  for (size_t r = 0; r < shown; ++r) {
    for (size_t c = 0; c < ncols; ++c)
      rows[r].push_back(dataCell(prettyCell(batch.column(c), r, zone), truncate));
  }

  std::string sb;
  if (!vertical) {
    std::vector<size_t> widths(ncols, kMinimumColWidth);
    for (size_t c = 0; c < ncols; ++c) {
      widths[c] = std::max(widths[c], header[c].half_width);
      for (const auto& row : rows)
        widths[c] = std::max(widths[c], row[c].half_width);
    }
    std::string sep = "+";
    for (size_t w : widths)
      sep.append(w, '-').append("+");
    sep += '\n';
    auto line = [&](const std::vector<Cell>& cells) {
      sb += '|';
      for (size_t c = 0; c < ncols; ++c) {
        pad(sb, cells[c], widths[c], truncate > 0);
        sb += '|';
      }
      sb += '\n';
    };
    sb += sep;
    line(header);
    sb += sep;
    for (const auto& row : rows)
      line(row);
    sb += sep;
  } else {
    size_t name_width = kMinimumColWidth;
    for (const auto& h : header)
      name_width = std::max(name_width, h.half_width);
    size_t data_width = kMinimumColWidth;
    for (const auto& row : rows) {
      for (const auto& cell : row)
        data_width = std::max(data_width, cell.half_width);
    }
    for (size_t r = 0; r < rows.size(); ++r) {
      std::string record = fmt::format("-RECORD {}", r);
      if (record.size() < name_width + data_width + 5)
        record.resize(name_width + data_width + 5, '-');
      sb += record;
      sb += '\n';
      for (size_t c = 0; c < ncols; ++c) {
        sb += ' ';
        pad(sb, header[c], name_width, false);
        sb += " | ";
        pad(sb, rows[r][c], data_width, false);
        sb += " \n";
      }
    }
    if (rows.empty()) sb += "(0 rows)\n";
  }
  if (has_more) sb += fmt::format("only showing top {} {}\n", limit, limit == 1 ? "row" : "rows");
  return sb;
}

std::string consoleBatchHeader(int64_t batch_id) {
  const std::string dashes(43, '-');
  return fmt::format("{0}\nBatch: {1}\n{0}\n", dashes, batch_id);
}

}  // namespace runnel::format
