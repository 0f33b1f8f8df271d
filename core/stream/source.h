// Source: a streaming source that numbers what it delivers (Spark's Source / MicroBatchStream with
// LongOffset). A batch reads the offset range (start, end].
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "runnel/error.h"
#include "types/batch.h"

namespace runnel::stream {

class Source {
 public:
  virtual ~Source() = default;
  virtual std::string description() const = 0;
  virtual const types::Schema& schema() const = 0;
  // The newest offset available now; nullopt when the source has never had data (MemoryStream).
  virtual std::optional<int64_t> latestOffset(int64_t now_ms) = 0;
  // When a source whose data comes with time (rate) has its next offset, so that a query with the
  // default trigger asks the host to tick then. nullopt: its data is pushed (socket: the host ticks
  // as lines arrive) or comes from the program itself (memory, files).
  virtual std::optional<int64_t> nextOffsetMs() const { return std::nullopt; }
  // The rows in (start, end]; start nullopt = from the beginning.
  virtual types::Batch getBatch(std::optional<int64_t> start, int64_t end) = 0;
  // Rows up to `end` are processed and may be dropped (not for replayable sources).
  virtual void commit(int64_t end) {}
  // A restarted query names the offset its checkpoint committed (nullopt: none yet) before any
  // batch runs, as Spark's populateStartOffsets re-initialises its sources; the next batch reads
  // past it.
  virtual void resumeFrom(std::optional<int64_t> committed) {}
  virtual void stop() {}
  // Set when the source cannot go on (socket: connection refused); the query fails with it.
  virtual std::optional<std::string> failure() const { return std::nullopt; }
  // Whether a restarted query can re-read an offset range (socket: only through the relay's log).
  virtual bool replayable() const { return true; }
};

}  // namespace runnel::stream
