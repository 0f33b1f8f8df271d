// Scan: the leaf of a physical plan. The executor pushes the source's rows (a micro-batch's offset
// range, or a static relation's rows) and Scan hands them on (Spark's
// MicroBatchScanExec/LocalTableScan).
#pragma once

#include "exec/physical_operator.h"

namespace runnel::exec {

class Scan final : public PhysicalOperator {
 public:
  Scan(std::string description, types::Schema output)
      : description_(std::move(description)), output_(std::move(output)) {}
  std::string name() const override { return "Scan " + description_; }
  const types::Schema& output() const override { return output_; }
  void push(size_t, const types::Batch& chunk, ExecContext&, OperatorState*,
            const Emit& emit) const override {
    emit(chunk);
  }

 private:
  std::string description_;
  types::Schema output_;
};

// Union: both inputs flow to the output unchanged (schemas line up by position).
class Union final : public PhysicalOperator {
 public:
  explicit Union(types::Schema output) : output_(std::move(output)) {}
  std::string name() const override { return "Union"; }
  const types::Schema& output() const override { return output_; }
  void push(size_t, const types::Batch& chunk, ExecContext&, OperatorState*,
            const Emit& emit) const override {
    types::Batch out = chunk;
    out.schema = output_;
    emit(out);
  }

 private:
  types::Schema output_;
};

}  // namespace runnel::exec
