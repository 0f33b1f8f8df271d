// MemoryStream: Spark's test source. Each addData() is one offset (an empty addData still adds
// one), so a batch boundary falls wherever the test put it. Rows are kept for restarts (it is
// replayable).
#pragma once

#include <vector>

#include "stream/source.h"

namespace runnel::stream {

class MemoryStream final : public Source {
 public:
  explicit MemoryStream(types::Schema schema, int id = 0) : schema_(std::move(schema)), id_(id) {}
  std::string description() const override { return "MemoryStream[" + names() + "]"; }
  const types::Schema& schema() const override { return schema_; }
  std::optional<int64_t> latestOffset(int64_t now_ms) override;
  types::Batch getBatch(std::optional<int64_t> start, int64_t end) override;

  // Adds one offset holding `rows` (each row in schema order). Returns the new offset.
  int64_t addData(const std::vector<std::vector<types::Value>>& rows);
  int64_t addBatch(const types::Batch& rows);

 private:
  std::string names() const;
  types::Schema schema_;
  int id_;
  std::vector<types::Batch> batches_;
};

}  // namespace runnel::stream
