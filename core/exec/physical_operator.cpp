// PhysicalOperator helpers and output mode names.
#include "exec/physical_operator.h"

namespace runnel::exec {

const char* outputModeName(OutputMode mode) {
  switch (mode) {
    case OutputMode::Append:
      return "Append";
    case OutputMode::Complete:
      return "Complete";
    case OutputMode::Update:
      return "Update";
  }
  return "Append";
}

void emitChunked(const types::Batch& batch, size_t capacity, const Emit& emit) {
  if (capacity == 0 || batch.num_rows <= capacity) {
    emit(batch);
    return;
  }
  for (size_t offset = 0; offset < batch.num_rows; offset += capacity) {
    emit(batch.slice(offset, std::min(capacity, batch.num_rows - offset)));
  }
}

}  // namespace runnel::exec
