// Trigger and TriggerExecutor.
#include "stream/trigger.h"

#include "types/calendar_interval.h"

namespace runnel::stream {

Trigger Trigger::processingTime(const std::string& interval) {
  Trigger t;
  t.kind = TriggerKind::ProcessingTime;
  t.interval_ms = types::triggerIntervalMs(interval);
  if (t.interval_ms == 0) t.kind = TriggerKind::Default;
  return t;
}

Trigger Trigger::continuous(const std::string& interval) {
  Trigger t;
  t.kind = TriggerKind::Continuous;
  t.interval_ms = types::triggerIntervalMs(interval);
  return t;
}

bool TriggerExecutor::due(int64_t now_ms) const {
  if (!started_) return true;
  if (trigger_.kind != TriggerKind::ProcessingTime) return true;
  return next_ms_ && now_ms >= *next_ms_;
}

void TriggerExecutor::attempted(int64_t start_ms) {
  started_ = true;
  if (trigger_.kind == TriggerKind::ProcessingTime && trigger_.interval_ms > 0) {
    next_ms_ = start_ms / trigger_.interval_ms * trigger_.interval_ms + trigger_.interval_ms;
  }
}

}  // namespace runnel::stream
