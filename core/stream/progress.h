// StreamingQueryProgress: what a trigger reports (Spark's progress.scala), rendered as Spark's
// pretty JSON (json4s style: `"k" : v`, two-space indent, `[ {` ... `} ]`, empty maps and NaN
// omitted).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace runnel::stream {

struct SourceProgress {
  std::string description;
  std::optional<int64_t> start_offset;  // null when absent
  std::optional<int64_t> end_offset;
  std::optional<int64_t> latest_offset;
  int64_t num_input_rows = 0;
  double input_rows_per_second = 0;
  double processed_rows_per_second = 0;
};

struct StateOperatorProgress {
  std::string operator_name;
  int64_t num_rows_total = 0;
  int64_t num_rows_updated = 0;
  int64_t num_rows_removed = 0;
  int64_t memory_used_bytes = 0;
  int64_t num_rows_dropped_by_watermark = 0;
  int64_t commit_time_ms = 0;
};

struct StreamingQueryProgress {
  std::string id;
  std::string run_id;
  std::optional<std::string> name;
  int64_t timestamp_ms = 0;
  int64_t batch_id = 0;
  int64_t num_input_rows = 0;
  double input_rows_per_second = 0;
  double processed_rows_per_second = 0;
  std::map<std::string, int64_t> duration_ms;  // sorted keys, as Spark prints them
  std::map<std::string, std::string> event_time;
  std::vector<StateOperatorProgress> state_operators;
  std::vector<SourceProgress> sources;
  std::string sink_description;
  int64_t sink_output_rows = -1;

  nlohmann::ordered_json toJson() const;
  std::string prettyJson() const;
};

// Spark/json4s pretty printing of any JSON value.
std::string sparkPrettyJson(const nlohmann::ordered_json& value);

}  // namespace runnel::stream
