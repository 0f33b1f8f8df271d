// The `.stream` scenario format (tests/conformance/spark/FORMAT.md): a parsed Scenario is plain
// data the runner replays, in the spirit of Spark's StreamTest actions (AddData, CheckAnswer,
// StopStream...).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "types/schema.h"
#include "types/value.h"

namespace runnel::conformance {

using Row = std::vector<types::Value>;

struct InputDecl {  // `input NAME COL:TYPE, ...` (a MemoryStream)
  std::string name;
  types::Schema schema;
  int line = 0;
};

struct StaticDecl {  // `static NAME COL:TYPE, ...` + rows + `end`
  std::string name;
  types::Schema schema;
  std::vector<Row> rows;
  int line = 0;
};

// An expected table: header names and cells already normalised by normaliseExpectedCell.
struct ExpectedTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

enum class StepKind {
  AddData,            // add NAME + rows
  Process,            // process
  CheckLastBatch,     // check_last_batch[_ordered]
  CheckAnswer,        // check_answer[_ordered]
  CheckNumStateRows,  // check_num_state_rows N
  AdvanceClock,       // advance_clock MS
  StopStream,         // stop
  StartStream,        // start
  ExpectError,        // expect_error CLASS + text lines
};

struct Step {
  StepKind kind = StepKind::Process;
  int line = 0;                          // 1-based line of the directive
  std::string source;                    // the directive line as written (for failure reports)
  std::string input;                     // AddData: the input name
  std::vector<Row> rows;                 // AddData: typed rows (may be empty: an empty offset)
  ExpectedTable table;                   // Check*
  bool ordered = false;                  // Check*: *_ordered
  int64_t number = 0;                    // CheckNumStateRows: N; AdvanceClock: milliseconds
  std::string error_class;               // ExpectError: `AnalysisException`, ...
  std::vector<std::string> error_texts;  // ExpectError: each a required substring (trimmed)
};

struct Scenario {
  std::string name;                      // the file name without `.stream`
  std::vector<std::string> description;  // leading `#` comment lines, without the `# `
  std::vector<InputDecl> inputs;
  std::vector<StaticDecl> statics;
  std::optional<int64_t> trigger_processing_time_ms;  // `trigger processingTime MS`
  std::string output_mode;                            // `append`, `complete` or `update`
  std::string query_code;                             // the query block, lines joined with "\n"
  int query_line = 0;                                 // line of the first code line
  std::vector<Step> steps;

  const InputDecl* findInput(std::string_view name) const;
};

// Throws runnel::Error (ParseException) with the 1-based line of the offending text.
Scenario parseScenario(std::string_view text, std::string name);
// Reads the file; the scenario's name is the file name without directory and `.stream`.
Scenario loadScenarioFile(const std::string& path);

// `int`, `bigint`, `double`, `string`, `boolean`, `timestamp`, `array<T>` (case-insensitive).
types::DataTypePtr parseColumnType(std::string_view text, int line);
// `COL:TYPE[, COL:TYPE...]`.
types::Schema parseColumnSpecs(std::string_view text, int line);

// Splits a table or row line at `|`, honouring single-quoted cells; cells keep their quotes.
std::vector<std::string> splitCells(std::string_view line, int line_no);
// A cell of an `add`/`static` row as a Value of `type`: `NULL`, quoted strings, numbers, booleans,
// UTC timestamps `YYYY-MM-DD HH:MM:SS[.f]`, arrays `[a, b]`.
types::Value parseCellValue(std::string_view cell, const types::DataTypePtr& type, int line);

// How the runner renders an actual value for comparison with an expected cell (FORMAT.md "Tables"):
// integers, doubles as Python's repr, `true`/`false`, UTC timestamps, `{a, b}`, `[a, b]`, `NULL`;
// strings as they are, except the string NULL, which is `'NULL'` so it differs from a null.
std::string conformanceCell(const types::Value& v);
// The expected cell in the same rendering: trimmed, quotes removed (`''` -> empty, `'it''s'` ->
// it's), except `'NULL'`, which stays quoted.
std::string normaliseExpectedCell(std::string_view text);

}  // namespace runnel::conformance
