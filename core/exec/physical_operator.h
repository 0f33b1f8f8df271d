// PhysicalOperator: DuckDB-style push operators. The plan is const; per-micro-batch scratch lives
// in an OperatorState made by makeState(); state that outlives a batch lives in a StateStore
// (ExecContext).
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "exec/exec_context.h"
#include "types/batch.h"

namespace runnel::exec {

using Emit = std::function<void(const types::Batch&)>;

struct OperatorState {
  virtual ~OperatorState() = default;
};

class PhysicalOperator {
 public:
  virtual ~PhysicalOperator() = default;
  virtual std::string name() const = 0;
  virtual const types::Schema& output() const = 0;
  virtual std::unique_ptr<OperatorState> makeState(ExecContext& ctx) const { return nullptr; }
  // One chunk from input `input` (0 for unary operators). Any chunk size, including one row.
  virtual void push(size_t input, const types::Batch& chunk, ExecContext& ctx, OperatorState* state,
                    const Emit& emit) const = 0;
  // After every input chunk of this micro-batch: stateful operators emit here.
  virtual void finish(ExecContext& ctx, OperatorState* state, const Emit& emit) const {}
  // Stateful operators report what their StateStore holds (progress "stateOperators").
  virtual bool isStateful() const { return false; }
};

// Splits `batch` into chunks of at most `capacity` rows and emits each (capacity 0 = whole).
void emitChunked(const types::Batch& batch, size_t capacity, const Emit& emit);

}  // namespace runnel::exec
