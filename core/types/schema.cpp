// Schema: name lookup and Spark's schema renderings.
#include "types/schema.h"

#include <cctype>

namespace runnel::types {

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  }
  return true;
}

std::optional<size_t> Schema::indexOf(std::string_view name) const {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (fields[i].name == name) return i;
  }
  for (size_t i = 0; i < fields.size(); ++i) {
    if (equalsIgnoreCase(fields[i].name, name)) return i;
  }
  return std::nullopt;
}

std::vector<std::string> Schema::names() const {
  std::vector<std::string> out;
  out.reserve(fields.size());
  for (const auto& f : fields)
    out.push_back(f.name);
  return out;
}

std::string Schema::simpleString() const {
  std::string out;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += ", ";
    out += fields[i].name + ": " + fields[i].type->simpleString();
  }
  return out;
}

namespace {
void appendTree(std::string& out, const DataType& type, const std::string& prefix);

void appendField(std::string& out, const Field& f, const std::string& prefix) {
  out += prefix + "-- " + f.name + ": " + f.type->typeName() +
         " (nullable = " + (f.nullable ? "true" : "false") + ")\n";
  appendTree(out, *f.type, prefix + "    |");
}

void appendTree(std::string& out, const DataType& type, const std::string& prefix) {
  if (type.id == TypeId::Struct) {
    for (const auto& f : type.fields)
      appendField(out, f, prefix);
  } else if (type.id == TypeId::Array) {
    out += prefix + "-- element: " + type.element->typeName() +
           " (containsNull = " + (type.contains_null ? "true" : "false") + ")\n";
    appendTree(out, *type.element, prefix + "    |");
  }
}
}  // namespace

std::string Schema::treeString() const {
  std::string out = "root\n";
  for (const auto& f : fields)
    appendField(out, f, " |");
  return out;
}

}  // namespace runnel::types
