// Batch: construction, slicing and concatenation.
#include "types/batch.h"

namespace runnel::types {

Batch Batch::empty(const Schema& schema) {
  Batch b;
  b.schema = schema;
  for (const auto& f : schema.fields)
    b.columns.push_back(Column::make(f.type));
  return b;
}

Batch Batch::gather(const std::vector<uint32_t>& rows) const {
  Batch out;
  out.schema = schema;
  out.num_rows = rows.size();
  for (const auto& c : columns)
    out.columns.push_back(c->gather(rows));
  return out;
}

Batch Batch::slice(size_t offset, size_t length) const {
  if (offset == 0 && length == num_rows) return *this;
  Batch out;
  out.schema = schema;
  out.num_rows = length;
  for (const auto& c : columns)
    out.columns.push_back(c->slice(offset, length));
  return out;
}

std::vector<Value> Batch::row(size_t r) const {
  std::vector<Value> out;
  out.reserve(columns.size());
  for (const auto& c : columns)
    out.push_back(c->valueAt(r));
  return out;
}

Batch concatBatches(const Schema& schema, const std::vector<Batch>& parts) {
  if (parts.size() == 1) return parts[0];
  std::vector<MutableColumnPtr> cols;
  for (const auto& f : schema.fields)
    cols.push_back(Column::make(f.type));
  size_t rows = 0;
  for (const auto& p : parts) {
    for (size_t c = 0; c < cols.size(); ++c)
      cols[c]->appendRange(*p.columns[c], 0, p.num_rows);
    rows += p.num_rows;
  }
  Batch out;
  out.schema = schema;
  out.num_rows = rows;
  for (auto& c : cols)
    out.columns.push_back(std::move(c));
  return out;
}

}  // namespace runnel::types
