// Sink: where each micro-batch's result goes (Spark's Sink / StreamingWrite). addBatch is called
// once per batch id; a sink that sees a batch id again (re-run after a restart) must not duplicate
// it.
#pragma once

#include <cstdint>
#include <string>

#include "exec/exec_context.h"
#include "types/batch.h"

namespace runnel::stream {

class Sink {
 public:
  virtual ~Sink() = default;
  virtual std::string description() const = 0;
  virtual void addBatch(int64_t batch_id, const types::Batch& data, exec::OutputMode mode) = 0;
};

}  // namespace runnel::stream
