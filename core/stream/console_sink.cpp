// ConsoleSink: header + showString + the newline println adds.
#include "stream/console_sink.h"

#include "format/show_string.h"

namespace runnel::stream {

std::string ConsoleSink::render(int64_t batch_id, const types::Batch& data) const {
  return format::consoleBatchHeader(batch_id) +
         format::showString(data, num_rows_, truncate_ ? 20 : 0, false, time_zone_) + "\n";
}

void ConsoleSink::addBatch(int64_t batch_id, const types::Batch& data, exec::OutputMode) {
  out_(batch_id, data, render(batch_id, data));
}

}  // namespace runnel::stream
