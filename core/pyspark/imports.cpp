// Interpreter, imports: the module table the bindings fill (pyspark.sql, pyspark.sql.functions,
// ...) and the `import a.b as c` / `from a.b import x, *` statements over it.
#include <fmt/format.h>

#include "pyspark/interpreter.h"

namespace runnel::pyspark {
namespace {

Value newModule(const std::string& name) {
  auto m = std::make_shared<ModuleObject>();
  m->name = name;
  return Value::object(ValueType::Module, std::move(m));
}

Error noModule(const std::string& name, SourcePosition pos) {
  return Error(
      ErrorClass::ImportError,
      fmt::format("No module named '{}' (Runnel provides pyspark.sql, pyspark.sql.functions, "
                  "pyspark.sql.types, pyspark.sql.streaming, pyspark.errors and time)",
                  name),
      pos);
}

}  // namespace

void Interpreter::addModule(const std::string& dotted_name,
                            std::vector<std::pair<std::string, Value>> attrs) {
  Value& slot = modules_[dotted_name];
  if (slot.isNone()) slot = newModule(dotted_name);
  for (auto& [k, v] : attrs)
    slot.as<ModuleObject>()->set(k, std::move(v));
  // Make every parent package exist and expose this module as its attribute.
  std::string child = dotted_name;
  for (size_t dot = child.rfind('.'); dot != std::string::npos; dot = child.rfind('.')) {
    std::string parent = child.substr(0, dot);
    Value& p = modules_[parent];
    if (p.isNone()) p = newModule(parent);
    if (!p.as<ModuleObject>()->find(child.substr(dot + 1))) {
      p.as<ModuleObject>()->set(child.substr(dot + 1), modules_[child]);
    }
    child = parent;
  }
}

const Value* Interpreter::findModule(const std::string& dotted) const {
  auto it = modules_.find(dotted);
  return it == modules_.end() ? nullptr : &it->second;
}

Value Interpreter::importModule(const std::string& dotted, SourcePosition pos) {
  if (const Value* m = findModule(dotted)) return *m;
  throw noModule(dotted, pos);
}

void Interpreter::execImport(const Stmt& s, Frame& f) {
  for (const ImportName& n : s.names) {
    Value m = importModule(n.name, n.pos);
    if (!n.as_name.empty()) {
      store(n.as_name, m, f);
    } else {
      std::string top = n.name.substr(0, n.name.find('.'));
      store(top, importModule(top, n.pos), f);
    }
  }
}

void Interpreter::execImportFrom(const Stmt& s, Frame& f) {
  Value m = importModule(s.module, s.pos);
  auto* module = m.as<ModuleObject>();
  for (const ImportName& n : s.names) {
    if (n.name == "*") {
      for (const auto& [k, v] : module->attrs) {
        if (!k.empty() && k[0] != '_' && v.type() != ValueType::Module) store(k, v, f);
      }
      continue;
    }
    const Value* v = module->find(n.name);
    if (!v) {
      throw Error(
          ErrorClass::ImportError,
          fmt::format("cannot import name '{}' from '{}' (unknown location)", n.name, s.module),
          n.pos);
    }
    store(n.as_name.empty() ? n.name : n.as_name, *v, f);
  }
}

}  // namespace runnel::pyspark
