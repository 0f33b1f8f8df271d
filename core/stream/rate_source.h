// RateSource: Spark's RateStreamMicroBatchStream. Offsets are whole seconds since the query's
// creation time (kept in <checkpoint>/sources/<i>/0 so a restart replays the same rows); second s
// ends at valueAtSecond(s), and a batch spreads its rows' timestamps evenly over its seconds.
#pragma once

#include <optional>
#include <string>

#include "format/read_options.h"
#include "runnel/file_system.h"
#include "stream/source.h"

namespace runnel::stream {

// RateStreamProvider's options, validated with its messages.
struct RateOptions {
  int64_t rows_per_second = 1;
  int64_t ramp_up_seconds = 0;
  std::optional<std::string> num_partitions;  // only shown in the description

  static RateOptions parse(const format::ReadOptions& options);
};

// RateStreamProvider.valueAtSecond: the value the source has emitted up to (excluding) second s.
int64_t valueAtSecond(int64_t seconds, int64_t rows_per_second, int64_t ramp_up_seconds);
// JavaUtils.timeStringAsSec: "5s", "1m", "100ms" (truncated), a bare number is seconds.
int64_t timeStringAsSec(const std::string& text);

class RateSource final : public Source {
 public:
  // `now_ms` is the creation time unless the checkpoint already holds one.
  RateSource(FileSystem& fs, const std::string& metadata_dir, RateOptions options, int64_t now_ms);
  std::string description() const override;
  const types::Schema& schema() const override { return schema_; }
  std::optional<int64_t> latestOffset(int64_t now_ms) override;
  std::optional<int64_t> nextOffsetMs() const override {
    return creation_ms_ + ((last_time_ms_ - creation_ms_) / 1000 + 1) * 1000;
  }
  types::Batch getBatch(std::optional<int64_t> start, int64_t end) override;

  static types::Schema rateSchema();
  int64_t creationTimeMs() const { return creation_ms_; }

 private:
  RateOptions options_;
  types::Schema schema_;
  int64_t max_seconds_;
  int64_t creation_ms_;
  int64_t last_time_ms_;
};

}  // namespace runnel::stream
