// StreamingQueryProgress JSON, field order and formatting as Spark 3.5 prints it.
#include "stream/progress.h"

#include <cmath>

#include "types/timestamp.h"

namespace runnel::stream {

namespace {

void putRate(nlohmann::ordered_json& j, const char* key, double v) {
  if (std::isfinite(v)) j[key] = v;  // SafeJsonSerializer omits NaN and Infinity
}

nlohmann::ordered_json offsetJson(const std::optional<int64_t>& o) {
  return o ? nlohmann::ordered_json(*o) : nlohmann::ordered_json(nullptr);
}

void pretty(const nlohmann::ordered_json& v, int indent, std::string& out) {
  std::string pad(static_cast<size_t>(indent), ' ');
  if (v.is_object()) {
    if (v.empty()) {
      out += "{ }";
      return;
    }
    out += "{\n";
    bool first = true;
    for (auto it = v.begin(); it != v.end(); ++it) {
      if (!first) out += ",\n";
      first = false;
      out += pad + "  " + nlohmann::ordered_json(it.key()).dump() + " : ";
      pretty(it.value(), indent + 2, out);
    }
    out += "\n" + pad + "}";
  } else if (v.is_array()) {
    if (v.empty()) {
      out += "[ ]";
      return;
    }
    out += "[ ";
    bool first = true;
    for (const auto& e : v) {
      if (!first) out += ", ";
      first = false;
      pretty(e, indent, out);
    }
    out += " ]";
  } else {
    out += v.dump();
  }
}

}  // namespace

std::string sparkPrettyJson(const nlohmann::ordered_json& value) {
  std::string out;
  pretty(value, 0, out);
  return out;
}

nlohmann::ordered_json StreamingQueryProgress::toJson() const {
  nlohmann::ordered_json j;
  j["id"] = id;
  j["runId"] = run_id;
  j["name"] = name ? nlohmann::ordered_json(*name) : nlohmann::ordered_json(nullptr);
  j["timestamp"] = types::formatIsoMillisUtc(timestamp_ms * 1000);
  j["batchId"] = batch_id;
  j["numInputRows"] = num_input_rows;
  putRate(j, "inputRowsPerSecond", input_rows_per_second);
  putRate(j, "processedRowsPerSecond", processed_rows_per_second);
  if (!duration_ms.empty()) {
    nlohmann::ordered_json d;
    for (const auto& [k, v] : duration_ms)
      d[k] = v;
    j["durationMs"] = d;
  }
  if (!event_time.empty()) {
    nlohmann::ordered_json e;
    for (const auto& [k, v] : event_time)
      e[k] = v;
    j["eventTime"] = e;
  }
  j["stateOperators"] = nlohmann::ordered_json::array();
  for (const auto& s : state_operators) {
    nlohmann::ordered_json o;
    o["operatorName"] = s.operator_name;
    o["numRowsTotal"] = s.num_rows_total;
    o["numRowsUpdated"] = s.num_rows_updated;
    o["allUpdatesTimeMs"] = 0;
    o["numRowsRemoved"] = s.num_rows_removed;
    o["allRemovalsTimeMs"] = 0;
    o["commitTimeMs"] = s.commit_time_ms;
    o["memoryUsedBytes"] = s.memory_used_bytes;
    o["numRowsDroppedByWatermark"] = s.num_rows_dropped_by_watermark;
    o["numShufflePartitions"] = 1;
    o["numStateStoreInstances"] = 1;
    j["stateOperators"].push_back(o);
  }
  j["sources"] = nlohmann::ordered_json::array();
  for (const auto& s : sources) {
    nlohmann::ordered_json o;
    o["description"] = s.description;
    o["startOffset"] = offsetJson(s.start_offset);
    o["endOffset"] = offsetJson(s.end_offset);
    o["latestOffset"] = offsetJson(s.latest_offset);
    o["numInputRows"] = s.num_input_rows;
    putRate(o, "inputRowsPerSecond", s.input_rows_per_second);
    putRate(o, "processedRowsPerSecond", s.processed_rows_per_second);
    j["sources"].push_back(o);
  }
  nlohmann::ordered_json sink;
  sink["description"] = sink_description;
  sink["numOutputRows"] = sink_output_rows;
  j["sink"] = sink;
  return j;
}

std::string StreamingQueryProgress::prettyJson() const {
  return sparkPrettyJson(toJson());
}

}  // namespace runnel::stream
