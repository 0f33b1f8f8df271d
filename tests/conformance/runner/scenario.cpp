// The `.stream` line parser (FORMAT.md "Directives"): one directive per line, blocks closed by
// `end`,
// `#` comments outside blocks; every error names its 1-based line.
#include "runner/scenario.h"

#include <fmt/format.h>

#include <cctype>
#include <fstream>
#include <sstream>

#include "runnel/error.h"

namespace runnel::conformance {
namespace {

[[noreturn]] void fail(int line, const std::string& message) {
  throw Error(ErrorClass::ParseException, message, SourcePosition{line, 0});
}

std::string_view trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

// Splits off the first whitespace-separated word.
std::string_view nextWord(std::string_view& rest) {
  rest = trim(rest);
  size_t sp = rest.find_first_of(" \t");
  std::string_view word = rest.substr(0, sp);
  rest = sp == std::string_view::npos ? std::string_view{} : trim(rest.substr(sp));
  return word;
}

int64_t parseCount(std::string_view text, std::string_view directive, int line) {
  text = trim(text);
  int64_t v = 0;
  bool ok = !text.empty() && text.size() <= 18;
  for (char c : text) {
    if (c < '0' || c > '9')
      ok = false;
    else
      v = v * 10 + (c - '0');
  }
  if (!ok) fail(line, fmt::format("{} needs a non-negative integer, got '{}'", directive, text));
  return v;
}

bool isIdentifier(std::string_view s) {
  if (s.empty() || (s[0] >= '0' && s[0] <= '9')) return false;
  for (char c : s) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) return false;
  }
  return true;
}

class Parser {
 public:
  explicit Parser(std::string_view text) {
    std::string_view rest = text;
    while (!rest.empty()) {
      size_t nl = rest.find('\n');
      std::string_view l = rest.substr(0, nl);
      if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
      lines_.push_back(l);
      rest = nl == std::string_view::npos ? std::string_view{} : rest.substr(nl + 1);
    }
  }

  Scenario parse(std::string name);

 private:
  // The lines of a block after the directive on line `start`, up to its `end` line.
  std::vector<std::pair<int, std::string_view>> block(int start, bool keep_blank);
  ExpectedTable table(int start);
  std::vector<Row> rows(int start, const types::Schema& schema);
  void directive(Scenario& sc, int line, std::string_view text);

  std::vector<std::string_view> lines_;
  size_t next_ = 0;  // index of the next unread line
};

std::vector<std::pair<int, std::string_view>> Parser::block(int start, bool keep_blank) {
  std::vector<std::pair<int, std::string_view>> out;
  while (next_ < lines_.size()) {
    std::string_view l = lines_[next_++];
    int line = static_cast<int>(next_);
    if (trim(l) == "end") return out;
    if (!keep_blank && trim(l).empty()) continue;
    out.emplace_back(line, l);
  }
  fail(start, fmt::format("block opened by '{}' has no 'end'", trim(lines_[start - 1])));
}

ExpectedTable Parser::table(int start) {
  auto body = block(start, false);
  if (body.empty())
    fail(start, "a table needs a header line (a table with only a header has no rows)");
  ExpectedTable t;
  for (const auto& cell : splitCells(body[0].second, body[0].first)) {
    t.header.push_back(normaliseExpectedCell(cell));
  }
  for (size_t i = 1; i < body.size(); ++i) {
    auto cells = splitCells(body[i].second, body[i].first);
    if (cells.size() != t.header.size()) {
      fail(body[i].first,
           fmt::format("row has {} cells, the header has {}", cells.size(), t.header.size()));
    }
    std::vector<std::string> row;
    for (const auto& c : cells)
      row.push_back(normaliseExpectedCell(c));
    t.rows.push_back(std::move(row));
  }
  return t;
}

std::vector<Row> Parser::rows(int start, const types::Schema& schema) {
  std::vector<Row> out;
  for (const auto& [line, text] : block(start, false)) {
    auto cells = splitCells(text, line);
    if (cells.size() != schema.size()) {
      fail(line, fmt::format("row has {} cells, the input declares {} columns", cells.size(),
                             schema.size()));
    }
    Row row;
    for (size_t i = 0; i < cells.size(); ++i)
      row.push_back(parseCellValue(cells[i], schema[i].type, line));
    out.push_back(std::move(row));
  }
  return out;
}

void Parser::directive(Scenario& sc, int line, std::string_view text) {
  std::string_view rest = text;
  const std::string_view word = nextWord(rest);
  auto noArgs = [&] {
    if (!rest.empty()) fail(line, fmt::format("'{}' takes no arguments", word));
  };
  auto declName = [&]() {
    std::string_view n = nextWord(rest);
    if (!isIdentifier(n)) fail(line, fmt::format("'{}' needs a Python name, got '{}'", word, n));
    if (sc.findInput(n)) fail(line, fmt::format("'{}' is declared twice", n));
    for (const auto& s : sc.statics) {
      if (s.name == n) fail(line, fmt::format("'{}' is declared twice", n));
    }
    return std::string(n);
  };
  Step step;
  step.line = line;
  step.source = std::string(text);
  if (word == "input") {
    std::string name = declName();
    sc.inputs.push_back(InputDecl{name, parseColumnSpecs(rest, line), line});
    return;
  }
  if (word == "static") {
    std::string name = declName();
    StaticDecl s{name, parseColumnSpecs(rest, line), {}, line};
    s.rows = rows(line, s.schema);
    sc.statics.push_back(std::move(s));
    return;
  }
  if (word == "query") {
    if (!sc.query_code.empty() || sc.query_line != 0) fail(line, "a scenario has one 'query'");
    if (rest != "append" && rest != "complete" && rest != "update") {
      fail(line, fmt::format("query mode must be append, complete or update, got '{}'", rest));
    }
    sc.output_mode = std::string(rest);
    auto body = block(line, true);
    sc.query_line = line + 1;
    for (size_t i = 0; i < body.size(); ++i) {
      if (i > 0) sc.query_code += '\n';
      sc.query_code += body[i].second;
    }
    if (trim(sc.query_code).empty()) fail(line, "the query block is empty");
    return;
  }
  if (word == "trigger") {
    if (nextWord(rest) != "processingTime")
      fail(line, "only 'trigger processingTime MS' is supported");
    if (sc.query_line != 0) fail(line, "'trigger' must come before 'query'");
    sc.trigger_processing_time_ms = parseCount(rest, "trigger processingTime", line);
    return;
  }
  if (word == "add") {
    step.kind = StepKind::AddData;
    step.input = std::string(nextWord(rest));
    noArgs();
    const InputDecl* in = sc.findInput(step.input);
    if (!in) fail(line, fmt::format("'add {}' names no declared input", step.input));
    step.rows = rows(line, in->schema);
  } else if (word == "check_last_batch" || word == "check_answer" ||
             word == "check_last_batch_ordered" || word == "check_answer_ordered") {
    noArgs();
    step.kind =
        word.substr(0, 16) == "check_last_batch" ? StepKind::CheckLastBatch : StepKind::CheckAnswer;
    step.ordered = word.size() > 8 && word.substr(word.size() - 8) == "_ordered";
    step.table = table(line);
  } else if (word == "check_num_state_rows") {
    step.kind = StepKind::CheckNumStateRows;
    step.number = parseCount(rest, word, line);
  } else if (word == "advance_clock") {
    step.kind = StepKind::AdvanceClock;
    step.number = parseCount(rest, word, line);
  } else if (word == "process" || word == "stop" || word == "start") {
    noArgs();
    step.kind = word == "process" ? StepKind::Process
                : word == "stop"  ? StepKind::StopStream
                                  : StepKind::StartStream;
  } else if (word == "expect_error") {
    step.kind = StepKind::ExpectError;
    step.error_class = std::string(nextWord(rest));
    noArgs();
    if (!isIdentifier(step.error_class)) fail(line, "'expect_error' needs an error class");
    for (const auto& [l, t] : block(line, false))
      step.error_texts.emplace_back(trim(t));
  } else if (word == "end") {
    fail(line, "'end' closes no block");
  } else {
    fail(line, fmt::format("unknown directive '{}'", word));
  }
  if (sc.query_line == 0 && step.kind != StepKind::AddData) {
    fail(line, fmt::format("'{}' must come after 'query'", word));
  }
  sc.steps.push_back(std::move(step));
}

Scenario Parser::parse(std::string name) {
  Scenario sc;
  sc.name = std::move(name);
  bool leading = true;
  while (next_ < lines_.size()) {
    std::string_view text = trim(lines_[next_++]);
    const int line = static_cast<int>(next_);
    if (text.empty()) continue;
    if (text[0] == '#') {
      if (leading) sc.description.emplace_back(trim(text.substr(1)));
      continue;
    }
    leading = false;
    directive(sc, line, text);
  }
  if (sc.query_line == 0) fail(static_cast<int>(lines_.size()), "the scenario has no 'query'");
  return sc;
}

}  // namespace

const InputDecl* Scenario::findInput(std::string_view n) const {
  for (const auto& in : inputs) {
    if (in.name == n) return &in;
  }
  return nullptr;
}

Scenario parseScenario(std::string_view text, std::string name) {
  return Parser(text).parse(std::move(name));
}

Scenario loadScenarioFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw Error(ErrorClass::IllegalArgumentException,
                fmt::format("cannot read scenario file {}", path));
  std::stringstream ss;
  ss << in.rdbuf();
  std::string name = path.substr(path.find_last_of('/') + 1);
  constexpr std::string_view kExt = ".stream";
  if (name.size() > kExt.size() &&
      name.compare(name.size() - kExt.size(), kExt.size(), kExt) == 0) {
    name.resize(name.size() - kExt.size());
  }
  return parseScenario(ss.str(), name);
}

}  // namespace runnel::conformance
