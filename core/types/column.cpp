// Column: builders, gather/slice and conversion to and from Values.
#include "types/column.h"

#include "runnel/error.h"

namespace runnel::types {

Column::Column(DataTypePtr t) : type(std::move(t)) {
  if (type->id == TypeId::String || type->id == TypeId::Array) offsets.push_back(0);
  if (type->id == TypeId::Array) children.push_back(Column::make(type->element));
  if (type->id == TypeId::Struct) {
    for (const auto& f : type->fields)
      children.push_back(Column::make(f.type));
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
    case TypeId::Double:
      doubles.push_back(0);
      break;
    case TypeId::String:
    case TypeId::Array:
      offsets.push_back(offsets.back());
      break;
    case TypeId::Struct:
      for (auto& c : children)
        c->appendNull();
      break;
    case TypeId::Null:
      break;
    default:
      ints.push_back(0);
      break;
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

void Column::closeStructRow() {
  markValid();
}

void Column::appendValue(const Value& v) {
  if (v.is_null) {
    appendNull();
    return;
  }
  switch (type->id) {
    case TypeId::Null:
      appendNull();
      break;
    case TypeId::Double:
      appendDouble(v.type->id == TypeId::Double ? v.d : double(v.i));
      break;
    case TypeId::String:
      appendString(v.s);
      break;
    case TypeId::Array:
      for (const auto& e : v.children)
        children[0]->appendValue(e);
      closeArrayRow();
      break;
    case TypeId::Struct:
      RUNNEL_ASSERT(v.children.size() == children.size(), "struct value matches its type");
      for (size_t i = 0; i < children.size(); ++i)
        children[i]->appendValue(v.children[i]);
      closeStructRow();
      break;
    default:
      appendInt(v.type->id == TypeId::Double ? int64_t(v.d) : v.i);
      break;
  }
}

void Column::appendFrom(const Column& other, size_t row) {
  appendValue(other.valueAt(row));
}

void Column::appendRange(const Column& other, size_t offset, size_t length) {
  if (length == 0) return;
  RUNNEL_ASSERT(offset + length <= other.size, "appendRange stays inside the source column");
  if (other.type->id != type->id || other.children.size() != children.size()) {
    // Differing storage (an Int part concatenated under a Double schema): convert per value.
    for (size_t r = offset; r < offset + length; ++r)
      appendFrom(other, r);
    return;
  }
  // Validity: stay "no nulls" only while both sides have none.
  if (!other.nulls.empty()) {
    if (nulls.empty()) nulls.assign(size, 0);
    nulls.insert(nulls.end(), other.nulls.begin() + static_cast<std::ptrdiff_t>(offset),
                 other.nulls.begin() + static_cast<std::ptrdiff_t>(offset + length));
  } else if (!nulls.empty()) {
    nulls.resize(nulls.size() + length, 0);
  }
  switch (type->id) {
    case TypeId::Null:
      break;
    case TypeId::Double:
      doubles.insert(doubles.end(), other.doubles.begin() + static_cast<std::ptrdiff_t>(offset),
                     other.doubles.begin() + static_cast<std::ptrdiff_t>(offset + length));
      break;
    case TypeId::String:
    case TypeId::Array: {
      // Offsets are rebased from the source's start to this column's end.
      const uint32_t from = other.offsets[offset];
      const uint32_t to = other.offsets[offset + length];
      const uint32_t base = offsets.back();
      if (type->id == TypeId::String) {
        chars.append(other.chars, from, to - from);
        RUNNEL_ASSERT(chars.size() <= UINT32_MAX, "a string column holds at most 4 GiB");
      } else {
        children[0]->appendRange(*other.children[0], from, to - from);
      }
      const size_t at = offsets.size();
      offsets.resize(at + length);
      uint32_t* const dst = offsets.data() + at;
      const uint32_t* const src = other.offsets.data() + offset + 1;
      for (size_t i = 0; i < length; ++i)
        dst[i] = base + (src[i] - from);
      break;
    }
    case TypeId::Struct:
      for (size_t i = 0; i < children.size(); ++i)
        children[i]->appendRange(*other.children[i], offset, length);
      break;
    default:
      ints.insert(ints.end(), other.ints.begin() + static_cast<std::ptrdiff_t>(offset),
                  other.ints.begin() + static_cast<std::ptrdiff_t>(offset + length));
      break;
  }
  size += length;
}

Value Column::valueAt(size_t row) const {
  if (isNull(row) || type->id == TypeId::Null) return Value::null(type);
  Value v;
  v.type = type;
  v.is_null = false;
  switch (type->id) {
    case TypeId::Double:
      v.d = doubles[row];
      break;
    case TypeId::String:
      v.s = std::string(stringAt(row));
      break;
    case TypeId::Array:
      for (uint32_t i = offsets[row]; i < offsets[row + 1]; ++i)
        v.children.push_back(children[0]->valueAt(i));
      break;
    case TypeId::Struct:
      for (const auto& c : children)
        v.children.push_back(c->valueAt(row));
      break;
    default:
      v.i = ints[row];
      break;
  }
  return v;
}

MutableColumnPtr Column::gather(const std::vector<uint32_t>& rows) const {
  auto out = Column::make(type);
  out->reserve(rows.size());
  switch (type->id) {
    case TypeId::String:
      for (uint32_t r : rows) {
        if (isNull(r))
          out->appendNull();
        else
          out->appendString(stringAt(r));
      }
      return out;
    case TypeId::Double:
      for (uint32_t r : rows) {
        if (isNull(r))
          out->appendNull();
        else
          out->appendDouble(doubles[r]);
      }
      return out;
    case TypeId::Array:
    case TypeId::Struct:
    case TypeId::Null:
      for (uint32_t r : rows)
        out->appendFrom(*this, r);
      return out;
    default:
      for (uint32_t r : rows) {
        if (isNull(r))
          out->appendNull();
        else
          out->appendInt(ints[r]);
      }
      return out;
  }
}

MutableColumnPtr Column::slice(size_t offset, size_t length) const {
  auto out = Column::make(type);
  out->reserve(length);
  out->appendRange(*this, offset, length);
  return out;
}

MutableColumnPtr constantColumn(const Value& v, size_t rows) {
  auto out = Column::make(v.type);
  out->reserve(rows);
  if (v.is_null || v.type->id == TypeId::Array || v.type->id == TypeId::Struct) {
    for (size_t i = 0; i < rows; ++i)
      out->appendValue(v);
    return out;
  }
  // Scalars (a literal argument such as split's " " on every row): fill the buffers directly
  // rather than going through a Value per row.
  out->size = rows;
  switch (v.type->id) {
    case TypeId::Double:
      out->doubles.assign(rows, v.d);
      break;
    case TypeId::String: {
      RUNNEL_ASSERT(v.s.size() * rows <= UINT32_MAX, "a string column holds at most 4 GiB");
      out->chars.resize(v.s.size() * rows);
      out->offsets.resize(rows + 1);
      char* dst = out->chars.data();
      for (size_t i = 0; i < rows; ++i) {
        for (char c : v.s)  // short literals: a loop, not a copy call per row
          *dst++ = c;
        out->offsets[i + 1] = static_cast<uint32_t>((i + 1) * v.s.size());
      }
      break;
    }
    case TypeId::Null:
      out->nulls.assign(rows, 1);
      break;
    default:
      out->ints.assign(rows, v.i);
      break;
  }
  return out;
}

}  // namespace runnel::types
