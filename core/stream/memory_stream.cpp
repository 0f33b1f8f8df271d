// MemoryStream: offsets are indexes into the list of added batches.
#include "stream/memory_stream.h"

namespace runnel::stream {

std::optional<int64_t> MemoryStream::latestOffset(int64_t) {
  if (batches_.empty()) return std::nullopt;
  return static_cast<int64_t>(batches_.size()) - 1;
}

types::Batch MemoryStream::getBatch(std::optional<int64_t> start, int64_t end) {
  std::vector<types::Batch> parts;
  for (int64_t i = start ? *start + 1 : 0; i <= end && i < static_cast<int64_t>(batches_.size());
       ++i) {
    parts.push_back(batches_[static_cast<size_t>(i)]);
  }
  if (parts.empty()) return types::Batch::empty(schema_);
  return types::concatBatches(schema_, parts);
}

int64_t MemoryStream::addData(const std::vector<std::vector<types::Value>>& rows) {
  std::vector<types::MutableColumnPtr> cols;
  for (const auto& f : schema_.fields)
    cols.push_back(types::Column::make(f.type));
  for (const auto& row : rows) {
    RUNNEL_ASSERT(row.size() == cols.size(), "a MemoryStream row has one value per column");
    for (size_t c = 0; c < cols.size(); ++c)
      cols[c]->appendValue(row[c]);
  }
  types::Batch b;
  b.schema = schema_;
  b.num_rows = rows.size();
  for (auto& c : cols)
    b.columns.push_back(std::move(c));
  return addBatch(b);
}

int64_t MemoryStream::addBatch(const types::Batch& rows) {
  batches_.push_back(rows);
  return static_cast<int64_t>(batches_.size()) - 1;
}

std::string MemoryStream::names() const {
  std::string out;
  for (size_t i = 0; i < schema_.size(); ++i) {
    if (i > 0) out += ",";
    out += schema_[i].name + "#" + std::to_string(id_ + static_cast<int>(i));
  }
  return out;
}

}  // namespace runnel::stream
