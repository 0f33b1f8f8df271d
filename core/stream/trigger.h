// Trigger: when micro-batches run (Spark's Trigger + ProcessingTimeExecutor), driven by the
// injected clock: the host calls tick(now) and the trigger says whether a batch attempt is due.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace runnel::stream {

enum class TriggerKind { Default, ProcessingTime, Once, AvailableNow, Continuous };

struct Trigger {
  TriggerKind kind = TriggerKind::Default;
  int64_t interval_ms = 0;

  // Parses a processingTime / continuous interval with Spark's rules and messages.
  static Trigger processingTime(const std::string& interval);
  static Trigger continuous(const std::string& interval);
};

class TriggerExecutor {
 public:
  explicit TriggerExecutor(Trigger trigger) : trigger_(trigger) {}
  // Is an attempt due at `now`? The first one is due at start.
  bool due(int64_t now_ms) const;
  // Called after an attempt that started at `start_ms`: schedules the next one (epoch-aligned:
  // start / interval * interval + interval, as ProcessingTimeExecutor.nextBatchTime).
  void attempted(int64_t start_ms);
  std::optional<int64_t> nextDueMs() const { return next_ms_; }
  bool started() const { return started_; }
  const Trigger& trigger() const { return trigger_; }

 private:
  Trigger trigger_;
  std::optional<int64_t> next_ms_;
  bool started_ = false;
};

}  // namespace runnel::stream
