// The cell syntax of `.stream` tables (FORMAT.md "Tables"): splitting rows, typing `add` cells, and
// the one text rendering actual and expected cells are compared in.
#include <fmt/format.h>

#include <cerrno>
#include <cstdlib>

#include "format/double_format.h"
#include "runnel/error.h"
#include "runner/scenario.h"
#include "types/timestamp.h"

namespace runnel::conformance {
namespace {

using types::TypeId;

[[noreturn]] void fail(int line, const std::string& message) {
  throw Error(ErrorClass::ParseException, message, SourcePosition{line, 0});
}

std::string_view trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

bool isQuoted(std::string_view cell) {
  return cell.size() >= 2 && cell.front() == '\'' && cell.back() == '\'';
}

std::string unquote(std::string_view cell) {
  std::string out;
  for (size_t i = 1; i + 1 < cell.size(); ++i) {
    out += cell[i];
    if (cell[i] == '\'') ++i;  // '' is one quote
  }
  return out;
}

// Splits `a, [b, c], 'd, e'` at top-level ", " separators (arrays as the tables write them).
std::vector<std::string> splitElements(std::string_view body, int line) {
  std::vector<std::string> out;
  if (trim(body).empty()) return out;
  int depth = 0;
  bool quoted = false;
  size_t start = 0;
  for (size_t i = 0; i <= body.size(); ++i) {
    if (i == body.size() || (!quoted && depth == 0 && body[i] == ',')) {
      out.emplace_back(trim(body.substr(start, i - start)));
      start = i + 1;
      continue;
    }
    char c = body[i];
    if (c == '\'' && (quoted || trim(body.substr(start, i - start)).empty()))
      quoted = !quoted;
    else if (!quoted && (c == '[' || c == '{'))
      ++depth;
    else if (!quoted && (c == ']' || c == '}'))
      --depth;
  }
  if (quoted || depth != 0) fail(line, fmt::format("unbalanced array cell '{}'", body));
  return out;
}

int64_t parseInteger(std::string_view text, int64_t min, int64_t max, int line) {
  std::string s(text);
  char* end = nullptr;
  errno = 0;
  long long v = std::strtoll(s.c_str(), &end, 10);
  if (s.empty() || *end != '\0' || errno == ERANGE || v < min || v > max) {
    fail(line, fmt::format("'{}' is not a valid integer cell", text));
  }
  return v;
}

void appendCell(std::string& out, const types::Value& v, bool top) {
  if (v.is_null || v.type->id == TypeId::Null) {
    out += "NULL";
    return;
  }
  switch (v.type->id) {
    case TypeId::Boolean:
      out += v.i ? "true" : "false";
      break;
    case TypeId::Int:
    case TypeId::BigInt:
      out += std::to_string(v.i);
      break;
    case TypeId::Double:
      out += format::pythonFloatRepr(v.d);
      break;
    case TypeId::String:
      out += top && v.s == "NULL" ? "'NULL'" : v.s;
      break;
    case TypeId::Timestamp:
      out += types::formatTimestamp(v.i);
      break;
    case TypeId::Array:
    case TypeId::Struct: {
      const bool array = v.type->id == TypeId::Array;
      out += array ? '[' : '{';
      for (size_t k = 0; k < v.children.size(); ++k) {
        if (k > 0) out += ", ";
        appendCell(out, v.children[k], false);
      }
      out += array ? ']' : '}';
      break;
    }
    case TypeId::Null:
      break;
  }
}

}  // namespace

std::vector<std::string> splitCells(std::string_view line, int line_no) {
  std::vector<std::string> cells;
  size_t i = 0;
  while (true) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t'))
      ++i;
    size_t start = i;
    if (i < line.size() && line[i] == '\'') {
      // A quote opens a quoted cell only as the cell's first character; '' inside is a quote.
      ++i;
      while (true) {
        if (i >= line.size()) fail(line_no, fmt::format("unterminated quoted cell in '{}'", line));
        if (line[i] == '\'') {
          if (i + 1 < line.size() && line[i + 1] == '\'') {
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        ++i;
      }
      std::string_view rest = line.substr(i);
      size_t bar = rest.find('|');
      if (!trim(rest.substr(0, bar)).empty()) {
        fail(line_no, fmt::format("text after a quoted cell in '{}'", line));
      }
      cells.emplace_back(line.substr(start, i - start));
      if (bar == std::string_view::npos) break;
      i += bar + 1;
    } else {
      size_t bar = line.find('|', i);
      cells.emplace_back(
          trim(line.substr(start, bar == std::string_view::npos ? bar : bar - start)));
      if (bar == std::string_view::npos) break;
      i = bar + 1;
    }
  }
  return cells;
}

types::Value parseCellValue(std::string_view raw, const types::DataTypePtr& type, int line) {
  std::string_view cell = trim(raw);
  if (cell == "NULL") return types::Value::null(type);
  const bool quoted = isQuoted(cell);
  switch (type->id) {
    case TypeId::String:
      return types::Value::string(quoted ? unquote(cell) : std::string(cell));
    case TypeId::Int:
      return types::Value::int32(
          static_cast<int32_t>(parseInteger(cell, INT32_MIN, INT32_MAX, line)));
    case TypeId::BigInt:
      return types::Value::int64(parseInteger(cell, INT64_MIN, INT64_MAX, line));
    case TypeId::Double: {
      std::string s(cell);
      char* end = nullptr;
      double d = std::strtod(s.c_str(), &end);
      if (s.empty() || *end != '\0')
        fail(line, fmt::format("'{}' is not a valid double cell", cell));
      return types::Value::float64(d);
    }
    case TypeId::Boolean:
      if (cell == "true") return types::Value::boolean(true);
      if (cell == "false") return types::Value::boolean(false);
      fail(line, fmt::format("'{}' is not a valid boolean cell (true or false)", cell));
    case TypeId::Timestamp: {
      auto micros = types::parseTimestamp(quoted ? unquote(cell) : std::string(cell));
      if (!micros) fail(line, fmt::format("'{}' is not a valid timestamp cell", cell));
      return types::Value::timestampMicros(*micros);
    }
    case TypeId::Array: {
      if (cell.size() < 2 || cell.front() != '[' || cell.back() != ']') {
        fail(line, fmt::format("'{}' is not a valid array cell ([a, b])", cell));
      }
      std::vector<types::Value> elements;
      for (const auto& e : splitElements(cell.substr(1, cell.size() - 2), line)) {
        elements.push_back(parseCellValue(e, type->element, line));
      }
      return types::Value::array(type->element, std::move(elements));
    }
    default:
      fail(line, fmt::format("cells of type {} are not supported", type->simpleString()));
  }
}

std::string conformanceCell(const types::Value& v) {
  std::string out;
  appendCell(out, v, true);
  return out;
}

std::string normaliseExpectedCell(std::string_view text) {
  std::string_view cell = trim(text);
  if (!isQuoted(cell)) return std::string(cell);
  std::string inner = unquote(cell);
  return inner == "NULL" ? "'NULL'" : inner;
}

types::DataTypePtr parseColumnType(std::string_view text, int line) {
  std::string t;
  for (char c : trim(text))
    t += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (t == "int" || t == "integer") return types::intType();
  if (t == "bigint" || t == "long") return types::bigintType();
  if (t == "double") return types::doubleType();
  if (t == "string") return types::stringType();
  if (t == "boolean") return types::booleanType();
  if (t == "timestamp") return types::timestampType();
  if (t.size() > 7 && t.compare(0, 6, "array<") == 0 && t.back() == '>') {
    return types::arrayType(parseColumnType(std::string_view(t).substr(6, t.size() - 7), line));
  }
  fail(line,
       fmt::format("unknown column type '{}' (int, bigint, double, string, boolean, timestamp, "
                   "array<T>)",
                   trim(text)));
}

types::Schema parseColumnSpecs(std::string_view text, int line) {
  types::Schema schema;
  int depth = 0;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] == '<') ++depth;
    if (i < text.size() && text[i] == '>') --depth;
    if (i < text.size() && (text[i] != ',' || depth > 0)) continue;
    std::string_view spec = trim(text.substr(start, i - start));
    start = i + 1;
    size_t colon = spec.find(':');
    if (colon == std::string_view::npos || trim(spec.substr(0, colon)).empty()) {
      fail(line, fmt::format("column spec '{}' is not COL:TYPE", spec));
    }
    std::string name(trim(spec.substr(0, colon)));
    if (schema.indexOf(name)) fail(line, fmt::format("duplicate column '{}'", name));
    schema.fields.push_back(
        types::Field{name, parseColumnType(spec.substr(colon + 1), line), true});
  }
  return schema;
}

}  // namespace runnel::conformance
