// Interpreter, `class` statements: the bases are evaluated, the body runs in a namespace of its
// own, and what it defines becomes the class's attributes. Methods are made in the enclosing
// scope, as Python's are: a method does not see the class body's names unqualified.
#include <fmt/format.h>

#include "pyspark/class_object.h"
#include "pyspark/interpreter.h"

namespace runnel::pyspark {

void Interpreter::defineClass(const Stmt& s, Frame& f) {
  std::vector<std::shared_ptr<ClassObject>> bases;
  for (const ExprPtr& b : s.bases) {
    Value base = eval(*b, f);
    if (auto* cls = base.as<ClassObject>()) {
      bases.push_back(std::static_pointer_cast<ClassObject>(cls->shared_from_this()));
      continue;
    }
    if (base.type() == ValueType::Builtin && base.as<BuiltinObject>()->name == "object") continue;
    throw Error(ErrorClass::NotImplementedError,
                fmt::format("class {}({}): Runnel's classes derive only from the program's own "
                            "classes, StreamingQueryListener and object",
                            s.name, reprOf(base)),
                b->pos);
  }
  auto cls = std::make_shared<ClassObject>(s.name, std::move(bases));
  Frame body;
  body.scope = std::make_shared<Scope>();
  if (f.scope != globals_) body.scope->parent = f.scope;
  for (const StmtPtr& stmt : s.body) {
    if (stmt->kind == StmtKind::FunctionDef) {
      step(stmt->pos);
      body.scope->vars[stmt->function->name] = makeFunction(stmt->function, f);
      continue;
    }
    exec(*stmt, body);
  }
  // Python keeps the body's names in definition order; the scope's map has none, so functions
  // and values are set in the order the statements named them.
  for (const StmtPtr& stmt : s.body) {
    std::vector<std::string> names;
    if (stmt->kind == StmtKind::FunctionDef) names.push_back(stmt->function->name);
    for (const ExprPtr& t : stmt->targets) {
      if (t->kind == ExprKind::Name) names.push_back(t->text);
    }
    for (const std::string& n : names) {
      auto it = body.scope->vars.find(n);
      if (it != body.scope->vars.end()) cls->set(n, it->second);
    }
  }
  for (const auto& [n, v] : body.scope->vars) {
    if (!cls->find(n)) cls->set(n, v);
  }
  store(s.name, Value::object(ValueType::Host, std::move(cls)), f);
}

}  // namespace runnel::pyspark
