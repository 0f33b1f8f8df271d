// Interpreter, statements: running a program, blocks, assignment, control flow, imports,
// try/except.
#include "pyspark/interpreter.h"

#include <fmt/format.h>

#include "pyspark/exceptions.h"
#include "pyspark/parser.h"

namespace runnel::pyspark {

Interpreter::Interpreter(InterpreterOptions options)
    : options_(std::move(options)), globals_(std::make_shared<Scope>()) {
  installBuiltins(*this, builtins_);
  globals_->vars["__name__"] = Value::str("__main__");  // a program runs as a script does
}

Interpreter::~Interpreter() {
  suspended_.reset();  // its frames and queries go before the scopes they point into
  // Functions hold the scope they were defined in, and scopes hold functions: break the cycles.
  for (auto& weak : closures_) {
    if (auto scope = weak.lock()) scope->vars.clear();
  }
  globals_->vars.clear();
  modules_.clear();
  builtins_.clear();
}

RunOutcome Interpreter::run(std::string_view source) {
  suspended_.reset();
  auto program = std::make_shared<const Module>(parseModule(source));
  programs_.push_back(program);
  resetBudget();
  Cursor body;
  body.block = &program->body;
  body.frame = std::make_shared<Frame>(Frame{globals_, Value()});
  return runTopLevel(std::move(program), {std::move(body)});
}

void Interpreter::setGlobal(const std::string& name, Value value) {
  globals_->vars[name] = std::move(value);
}

std::optional<Value> Interpreter::global(const std::string& name) const {
  auto it = globals_->vars.find(name);
  if (it == globals_->vars.end()) return std::nullopt;
  return it->second;
}

void Interpreter::print(const std::string& text) {
  if (options_.output) options_.output(text);
}

void Interpreter::endScript() {
  throw ScriptExit{};
}

void Interpreter::wait(ScriptWait w) {
  throw ScriptSuspend{std::move(w)};
}

void Interpreter::step(SourcePosition pos) {
  if (options_.max_steps > 0 && ++steps_ > options_.max_steps) {
    throw Error(
        ErrorClass::RuntimeError,
        fmt::format("the program ran more than {} steps without finishing (an endless loop?); "
                    "Runnel stops it so the page stays responsive",
                    options_.max_steps),
        pos);
  }
}

Interpreter::Flow Interpreter::execBlock(const Block& block, Frame& f) {
  for (const StmtPtr& s : block) {
    Flow flow = exec(*s, f);
    if (flow != Flow::Normal) return flow;
  }
  return Flow::Normal;
}

Interpreter::Flow Interpreter::exec(const Stmt& s, Frame& f) {
  step(s.pos);
  switch (s.kind) {
    case StmtKind::Expr:
      eval(*s.value, f);
      return Flow::Normal;
    case StmtKind::Assign: {
      Value v = eval(*s.value, f);
      for (const ExprPtr& t : s.targets)
        assign(*t, v, f);
      return Flow::Normal;
    }
    case StmtKind::AnnAssign:
      if (s.value) assign(*s.targets[0], eval(*s.value, f), f);
      return Flow::Normal;
    case StmtKind::AugAssign: {
      const Expr& target = *s.targets[0];
      Value current = eval(target, f);
      Value rhs = eval(*s.value, f);
      if (current.type() == ValueType::List && s.op == "+") {  // list += iterable extends in place
        std::vector<Value> more = iterate(rhs, s.pos);
        current.items().insert(current.items().end(), more.begin(), more.end());
        return Flow::Normal;
      }
      assign(target, binaryOp(s.op, current, rhs, s.pos), f);
      return Flow::Normal;
    }
    case StmtKind::Pass:
      return Flow::Normal;
    case StmtKind::Break:
      return Flow::Break;
    case StmtKind::Continue:
      return Flow::Continue;
    case StmtKind::Return:
      if (!f.scope->parent && f.scope == globals_) {
        throw Error(ErrorClass::SyntaxError, "'return' outside function", s.pos);
      }
      f.return_value = s.value ? eval(*s.value, f) : Value();
      return Flow::Return;
    case StmtKind::If:
      return execBlock(truthy(eval(*s.test, f), s.test->pos) ? s.body : s.orelse, f);
    case StmtKind::While:
      while (truthy(eval(*s.test, f), s.test->pos)) {
        step(s.pos);
        Flow flow = execBlock(s.body, f);
        if (flow == Flow::Break) return Flow::Normal;
        if (flow == Flow::Return) return flow;
      }
      return execBlock(s.orelse, f);
    case StmtKind::For: {
      std::vector<Value> items = iterate(eval(*s.value, f), s.value->pos);
      for (const Value& item : items) {
        step(s.pos);
        assign(*s.targets[0], item, f);
        Flow flow = execBlock(s.body, f);
        if (flow == Flow::Break) return Flow::Normal;
        if (flow == Flow::Return) return flow;
      }
      return execBlock(s.orelse, f);
    }
    case StmtKind::FunctionDef:
      defineFunction(s.function, f, s.function->name);
      return Flow::Normal;
    case StmtKind::ClassDef:
      defineClass(s, f);
      return Flow::Normal;
    case StmtKind::With: {
      // PySpark programs use `with` for sessions and files; the context value itself is bound.
      for (const WithItem& item : s.items) {
        Value ctx = eval(*item.context, f);
        if (item.target) assign(*item.target, ctx, f);
      }
      return execBlock(s.body, f);
    }
    case StmtKind::Try:
      return execTry(s, f);
    case StmtKind::Import:
      execImport(s, f);
      return Flow::Normal;
    case StmtKind::ImportFrom:
      execImportFrom(s, f);
      return Flow::Normal;
    case StmtKind::Global:
      for (const std::string& name : s.globals)
        f.scope->global_names.push_back(name);
      return Flow::Normal;
    case StmtKind::Del:
      for (const ExprPtr& t : s.targets)
        deleteTarget(*t, f);
      return Flow::Normal;
    case StmtKind::Assert:
      if (!truthy(eval(*s.test, f), s.test->pos)) {
        std::string message = s.value ? strOf(eval(*s.value, f)) : "";
        throw Error(ErrorClass::RuntimeError,
                    message.empty() ? "AssertionError" : "AssertionError: " + message, s.pos);
      }
      return Flow::Normal;
    case StmtKind::Raise: {
      if (!s.value) throw Error(ErrorClass::RuntimeError, "No active exception to reraise", s.pos);
      Value v = eval(*s.value, f);
      if (v.type() ==
          ValueType::Builtin) {  // `raise ValueError` raises an instance made without args
        CallArgs args;
        args.pos = s.pos;
        v = call(v, args);
      }
      if (auto* exc = v.as<ExceptionValue>()) {
        Error e = exc->error();
        throw e.withPosition(s.pos);
      }
      throw Error(ErrorClass::TypeError, "exceptions must derive from BaseException", s.pos);
    }
  }
  return Flow::Normal;
}

void Interpreter::store(const std::string& name, Value value, Frame& f) {
  Scope* scope = f.scope.get();
  for (const std::string& g : scope->global_names) {
    if (g == name) scope = globals_.get();
  }
  scope->vars[name] = std::move(value);
}

void Interpreter::assign(const Expr& target, const Value& value, Frame& f) {
  switch (target.kind) {
    case ExprKind::Name:
      store(target.text, value, f);
      return;
    case ExprKind::Tuple:
    case ExprKind::List: {
      std::vector<Value> items = iterate(value, target.pos);
      size_t n = target.kids.size();
      size_t star = n;
      for (size_t i = 0; i < n; ++i) {
        if (target.kids[i]->kind == ExprKind::Starred) star = i;
      }
      if (star == n && items.size() != n) {
        throw Error(
            ErrorClass::ValueError,
            items.size() > n
                ? fmt::format("too many values to unpack (expected {})", n)
                : fmt::format("not enough values to unpack (expected {}, got {})", n, items.size()),
            target.pos);
      }
      if (star < n && items.size() < n - 1) {
        throw Error(ErrorClass::ValueError,
                    fmt::format("not enough values to unpack (expected at least {}, got {})", n - 1,
                                items.size()),
                    target.pos);
      }
      size_t tail = n - star - 1;
      for (size_t i = 0; i < n; ++i) {
        if (i < star) {
          assign(*target.kids[i], items[i], f);
        } else if (i == star) {
          std::vector<Value> rest(items.begin() + static_cast<long>(star),
                                  items.end() - static_cast<long>(tail));
          assign(*target.kids[i]->kids[0], Value::list(std::move(rest)), f);
        } else {
          assign(*target.kids[i], items[items.size() - (n - i)], f);
        }
      }
      return;
    }
    case ExprKind::Subscript: {
      Value container = eval(*target.kids[0], f);
      Value key = eval(*target.kids[1], f);
      if (container.type() == ValueType::Dict) {
        if (!isHashable(key)) {
          throw Error(ErrorClass::TypeError, fmt::format("unhashable type: '{}'", typeNameOf(key)),
                      target.pos);
        }
        container.asDict().set(key, value);
        return;
      }
      if (container.type() == ValueType::List && key.isInt()) {
        auto& items = container.items();
        int64_t i =
            key.asInt() < 0 ? key.asInt() + static_cast<int64_t>(items.size()) : key.asInt();
        if (i < 0 || i >= static_cast<int64_t>(items.size())) {
          throw Error(ErrorClass::IndexError, "list assignment index out of range", target.pos);
        }
        items[static_cast<size_t>(i)] = value;
        return;
      }
      throw Error(
          ErrorClass::TypeError,
          fmt::format("'{}' object does not support item assignment", typeNameOf(container)),
          target.pos);
    }
    case ExprKind::Attribute: {
      Value obj = eval(*target.kids[0], f);
      if (obj.type() == ValueType::Host && obj.as<HostObject>()->setAttr(target.text, value))
        return;
      throw Error(ErrorClass::NotImplementedError,
                  fmt::format("assigning to attribute '{}' of a {} is not supported by Runnel",
                              target.text, typeNameOf(obj)),
                  target.pos);
    }
    default:
      throw Error(ErrorClass::SyntaxError, "cannot assign to expression", target.pos);
  }
}

void Interpreter::deleteTarget(const Expr& target, Frame& f) {
  if (target.kind == ExprKind::Name) {
    if (f.scope->vars.erase(target.text) == 0) {
      throw Error(ErrorClass::NameError, fmt::format("name '{}' is not defined", target.text),
                  target.pos);
    }
    return;
  }
  if (target.kind == ExprKind::Subscript) {
    Value container = eval(*target.kids[0], f);
    Value key = eval(*target.kids[1], f);
    if (container.type() == ValueType::Dict) {
      if (!container.asDict().erase(key))
        throw Error(ErrorClass::KeyError, reprOf(key), target.pos);
      return;
    }
  }
  throw Error(ErrorClass::NotImplementedError, "this form of 'del' is not supported", target.pos);
}

}  // namespace runnel::pyspark
