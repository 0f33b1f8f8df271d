// Column: builders, gather/slice and conversion to and from Values.
#include "types/column.h"

#include "runnel/error.h"

namespace runnel::types {

Column::Column(DataTypePtr t) : type(std::move(t)) {
  if (type->id == TypeId::String || type->id == TypeId::Array) offsets.push_back(0);
  if (type->id == TypeId::Array) children.push_back(Column::make(type->element));
  if (type->id == TypeId::Struct) {
    for (const auto& f : type->fields) children.push_back(Column::make(f.type));
  }
}

bool Column::hasNulls() const {
  for (uint8_t n : nulls) {
    if (n) return true;
  }
  return false;
}

void Column::reserve(size_t rows) {
  if (type->isIntStorage()) ints.reserve(rows);
  if (type->id == TypeId::Double) doubles.reserve(rows);
  if (!offsets.empty()) offsets.reserve(rows + 1);
}

void Column::markValid() {
  if (!nulls.empty()) nulls.push_back(0);
  ++size;
}

void Column::appendNull() {
  if (nulls.empty()) nulls.assign(size, 0);
  nulls.push_back(1);
  ++size;
  switch (type->id) {
    case TypeId::Double: doubles.push_back(0); break;
    case TypeId::String:
    case TypeId::Array: offsets.push_back(offsets.back()); break;
    case TypeId::Struct:
      for (auto& c : children) c->appendNull();
      break;
    case TypeId::Null: break;
    default: ints.push_back(0); break;
  }
}

void Column::appendInt(int64_t v) {
  ints.push_back(v);
  markValid();
}

void Column::appendDouble(double v) {
  doubles.push_back(v);
  markValid();
}

void Column::appendString(std::string_view v) {
  chars.append(v);
  RUNNEL_ASSERT(chars.size() <= UINT32_MAX, "a string column holds at most 4 GiB");
  offsets.push_back(static_cast<uint32_t>(chars.size()));
  markValid();
}

void Column::closeArrayRow() {
  offsets.push_back(static_cast<uint32_t>(children[0]->size));
  markValid();
}

void Column::closeStructRow() { markValid(); }

void Column::appendValue(const Value& v) {
  if (v.is_null) {
    appendNull();
    return;
  }
  switch (type->id) {
    case TypeId::Null: appendNull(); break;
    case TypeId::Double: appendDouble(v.type->id == TypeId::Double ? v.d : double(v.i)); break;
    case TypeId::String: appendString(v.s); break;
    case TypeId::Array:
      for (const auto& e : v.children) children[0]->appendValue(e);
      closeArrayRow();
      break;
    case TypeId::Struct:
      RUNNEL_ASSERT(v.children.size() == children.size(), "struct value matches its type");
      for (size_t i = 0; i < children.size(); ++i) children[i]->appendValue(v.children[i]);
      closeStructRow();
      break;
    default: appendInt(v.type->id == TypeId::Double ? int64_t(v.d) : v.i); break;
  }
}

void Column::appendFrom(const Column& other, size_t row) { appendValue(other.valueAt(row)); }

Value Column::valueAt(size_t row) const {
  if (isNull(row) || type->id == TypeId::Null) return Value::null(type);
  Value v;
  v.type = type;
  v.is_null = false;
  switch (type->id) {
    case TypeId::Double: v.d = doubles[row]; break;
    case TypeId::String: v.s = std::string(stringAt(row)); break;
    case TypeId::Array:
      for (uint32_t i = offsets[row]; i < offsets[row + 1]; ++i)
        v.children.push_back(children[0]->valueAt(i));
      break;
    case TypeId::Struct:
      for (const auto& c : children) v.children.push_back(c->valueAt(row));
      break;
    default: v.i = ints[row]; break;
  }
  return v;
}

MutableColumnPtr Column::gather(const std::vector<uint32_t>& rows) const {
  auto out = Column::make(type);
  out->reserve(rows.size());
  switch (type->id) {
    case TypeId::String:
      for (uint32_t r : rows) {
        if (isNull(r)) out->appendNull();
        else out->appendString(stringAt(r));
      }
      return out;
    case TypeId::Double:
      for (uint32_t r : rows) {
        if (isNull(r)) out->appendNull();
        else out->appendDouble(doubles[r]);
      }
      return out;
    case TypeId::Array:
    case TypeId::Struct:
    case TypeId::Null:
      for (uint32_t r : rows) out->appendFrom(*this, r);
      return out;
    default:
      for (uint32_t r : rows) {
        if (isNull(r)) out->appendNull();
        else out->appendInt(ints[r]);
      }
      return out;
  }
}

MutableColumnPtr Column::slice(size_t offset, size_t length) const {
  std::vector<uint32_t> rows(length);
  for (size_t i = 0; i < length; ++i) rows[i] = static_cast<uint32_t>(offset + i);
  return gather(rows);
}

MutableColumnPtr constantColumn(const Value& v, size_t rows) {
  auto out = Column::make(v.type);
  out->reserve(rows);
  for (size_t i = 0; i < rows; ++i) out->appendValue(v);
  return out;
}

}  // namespace runnel::types
