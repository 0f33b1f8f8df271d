// ParseException texts: the one place that formats Spark's "(line L, pos P)" and "== SQL =="
// excerpt.
#include "sql/parse_error.h"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

namespace runnel::sql {

namespace {

// Java's String.split("\n"): trailing empty strings are dropped, but "" splits into [""].
std::vector<std::string_view> splitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (true) {
    const size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) {
      lines.push_back(text.substr(start));
      break;
    }
    lines.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  if (text.empty()) return lines;
  while (!lines.empty() && lines.back().empty())
    lines.pop_back();
  return lines;
}

// Java's String.trim(): strips every character up to and including ' '.
bool isBlank(std::string_view text) {
  for (char c : text) {
    if (static_cast<unsigned char>(c) > ' ') return false;
  }
  return true;
}

}  // namespace

std::string parseExceptionMessage(std::string_view command, std::string_view message, int line,
                                  int pos) {
  std::string out = fmt::format("{} (line {}, pos {})\n\n== SQL ==\n", message, line, pos);
  const auto lines = splitLines(command);
  const size_t above = std::min(lines.size(), static_cast<size_t>(std::max(line, 0)));
  for (size_t i = 0; i < above; ++i)
    out.append(lines[i]).push_back('\n');
  out.append(static_cast<size_t>(std::max(pos, 0)), '-');
  out += "^^^\n";
  for (size_t i = above; i < lines.size(); ++i)
    out.append(lines[i]).push_back('\n');
  return out;
}

Error parseException(std::string_view command, std::string_view error_class, std::string_view text,
                     std::string_view sqlstate, int line, int pos) {
  const std::string message = fmt::format("[{}] {} SQLSTATE: {}", error_class, text, sqlstate);
  return Error(ErrorClass::ParseException, parseExceptionMessage(command, message, line, pos),
               SourcePosition{line, pos + 1});
}

std::string tokenDisplay(const Token& token) {
  if (token.kind == TokenKind::End) return "end of input";
  std::string out = "'";
  for (char c : token.text) {
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else {
      out += c;
    }
  }
  return out + "'";
}

Error syntaxError(std::string_view command, const Token& at, std::string_view hint) {
  if (isBlank(command)) {
    return parseException(command, "PARSE_EMPTY_STATEMENT",
                          "Syntax error, unexpected empty statement.", "42617", at.line, at.pos);
  }
  return parseException(command, "PARSE_SYNTAX_ERROR",
                        fmt::format("Syntax error at or near {}{}.", tokenDisplay(at), hint),
                        "42601", at.line, at.pos);
}

Error unclosedCommentError(std::string_view command, const Token& comment) {
  return parseException(command, "UNCLOSED_BRACKETED_COMMENT",
                        "Found an unclosed bracketed comment. Please, append */ at the end of the "
                        "comment.",
                        "42601", comment.line, comment.pos);
}

}  // namespace runnel::sql
