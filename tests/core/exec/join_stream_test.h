// A small StreamTest for join queries: memory streams in, each batch's rows captured through
// foreachBatch, a checkpoint kept across stop/start (Spark's StreamTest AddData / CheckNewAnswer /
// StopStream / StartStream).
#pragma once

#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "runnel/spark_session.h"
#include "stream/memory_stream.h"
#include "stream/micro_batch_execution.h"
#include "support/batch_rows.h"

namespace runnel::testing {

class JoinStreamTest {
 public:
  using Query = std::function<DataFrame(const std::vector<DataFrame>& inputs)>;

  JoinStreamTest(std::vector<types::Schema> inputs, Query query) : query_(std::move(query)) {
    SessionOptions opts;
    opts.clock = std::make_shared<ManualClock>(0);
    spark_ = SparkSession::create(opts);
    for (auto& schema : inputs) {
      auto [stream, df] = spark_->memoryStream(schema);
      streams_.push_back(stream);
      frames_.push_back(df);
    }
    startStream();
  }

  void startStream() {
    DataStreamWriter w = query_(frames_).writeStream().outputMode("append");
    w.option("checkpointLocation", "/checkpoints/join");
    w.foreachBatch([this](const DataFrame& batch, int64_t) {
      types::Batch rows = batch.collect();
      for (auto& r : sortedRows(rows))
        fresh_.push_back(r);
    });
    query_handle_ = w.start();
  }
  void stopStream() { query_handle_->stop(); }
  void addData(size_t input, const std::vector<std::vector<types::Value>>& rows) {
    streams_[input]->addData(rows);
  }
  // Runs every batch that is due and returns the rows written since the last call, sorted.
  std::vector<std::string> newAnswer() {
    query_handle_->processAllAvailable();
    if (auto e = query_handle_->exception()) ADD_FAILURE() << e->message();
    std::vector<std::string> out = std::move(fresh_);
    fresh_.clear();
    std::sort(out.begin(), out.end());
    return out;
  }
  int64_t numStateRows() const { return query_handle_->execution()->numStateRows(); }

 private:
  Query query_;
  std::shared_ptr<SparkSession> spark_;
  std::vector<std::shared_ptr<stream::MemoryStream>> streams_;
  std::vector<DataFrame> frames_;
  std::optional<StreamingQuery> query_handle_;
  std::vector<std::string> fresh_;
};

inline types::Schema intColumns(const std::vector<std::string>& names) {
  types::Schema s;
  for (const auto& n : names)
    s.fields.push_back({n, types::intType(), true});
  return s;
}

inline std::vector<types::Value> ints(std::initializer_list<int32_t> values) {
  std::vector<types::Value> row;
  for (int32_t v : values)
    row.push_back(types::Value::int32(v));
  return row;
}

}  // namespace runnel::testing
