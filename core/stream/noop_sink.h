// NoopSink: Spark's "noop" format (NoopTable): every batch runs in full and its rows go nowhere.
// Used to time a query (its progress still counts the rows) without a sink's cost; it takes every
// output mode.
#pragma once

#include <string>

#include "stream/sink.h"

namespace runnel::stream {

class NoopSink final : public Sink {
 public:
  std::string description() const override {
    return "org.apache.spark.sql.execution.datasources.noop.NoopTable$@5a7e5b2f";
  }
  void addBatch(int64_t, const types::Batch&, exec::OutputMode) override {}
};

}  // namespace runnel::stream
