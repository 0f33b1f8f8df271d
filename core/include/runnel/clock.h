// Clock: time is injected. The engine never reads the wall clock; hosts pass `now` to tick() and
// tests use a ManualClock.
#pragma once

#include <cstdint>

namespace runnel {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual int64_t nowMs() const = 0;  // milliseconds since the Unix epoch
};

class ManualClock final : public Clock {
 public:
  explicit ManualClock(int64_t start_ms = 0) : now_ms_(start_ms) {}
  int64_t nowMs() const override { return now_ms_; }
  void advance(int64_t ms) { now_ms_ += ms; }
  void set(int64_t ms) { now_ms_ = ms; }

 private:
  int64_t now_ms_;
};

}  // namespace runnel
