// SourceHarness: the session wiring shared by the rate and file source tests.
#include "support/source_harness.h"

#include "support/batch_rows.h"

namespace runnel::testing {

std::vector<std::string> orderedRows(const types::Batch& b) {
  std::vector<std::string> rows;
  for (size_t r = 0; r < b.num_rows; ++r) {
    std::string line;
    for (size_t c = 0; c < b.columns.size(); ++c) {
      if (c > 0) line += " | ";
      line += cellText(b.columns[c]->valueAt(r));
    }
    rows.push_back(line);
  }
  return rows;
}

SourceHarness::SourceHarness() {
  SessionOptions o;
  o.clock = clock;
  o.file_system = fs;
  o.listener.on_output = [this](const std::string& text) { output += text; };
  o.listener.on_batch = [this](const StreamingQuery&, int64_t id, const types::Batch& rows,
                               const std::string&) { batches.emplace_back(id, rows); };
  spark = SparkSession::create(o);
}

StreamingQuery SourceHarness::start(const DataFrame& df, const std::string& checkpoint) {
  DataStreamWriter w = df.writeStream().format("console");
  if (!checkpoint.empty()) w.option("checkpointLocation", checkpoint);
  return w.start();
}

std::vector<std::string> SourceHarness::lastBatch() const {
  return batches.empty() ? std::vector<std::string>{} : orderedRows(batches.back().second);
}

}  // namespace runnel::testing
