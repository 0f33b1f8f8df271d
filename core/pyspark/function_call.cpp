// Interpreter, calls: defining `def`/lambda functions and binding arguments to their parameters the
// way CPython does (positional, keyword, defaults, *args, **kwargs), builtins and bound methods.
#include <fmt/format.h>

#include "pyspark/interpreter.h"

namespace runnel::pyspark {
namespace {

std::string plural(size_t n, const char* word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

}  // namespace

Value Interpreter::makeFunction(const std::shared_ptr<const FunctionDef>& def, Frame& f) {
  auto fn = std::make_shared<FunctionObject>();
  fn->def = def;
  for (const Param& p : def->params) {
    fn->defaults.push_back(p.default_value ? std::optional<Value>(eval(*p.default_value, f))
                                           : std::nullopt);
  }
  fn->closure = f.scope;
  if (f.scope != globals_) closures_.push_back(f.scope);
  return Value::object(ValueType::Function, std::move(fn));
}

void Interpreter::defineFunction(const std::shared_ptr<const FunctionDef>& def, Frame& f,
                                 const std::string& name) {
  store(name, makeFunction(def, f), f);
}

Value Interpreter::call(const Value& callee, CallArgs& args) {
  step(args.pos);
  try {
    switch (callee.type()) {
      case ValueType::Function:
        return callFunction(*callee.as<FunctionObject>(), args);
      case ValueType::Builtin:
        return callee.as<BuiltinObject>()->fn(*this, args);
      case ValueType::Host:
        if (auto made = callee.as<HostObject>()->callObject(*this, args)) return std::move(*made);
        break;
      default:
        break;
    }
  } catch (Error& e) {
    e.withPosition(args.pos);
    throw;
  }
  throw Error(ErrorClass::TypeError, fmt::format("'{}' object is not callable", typeNameOf(callee)),
              args.pos);
}

Value Interpreter::callFunction(const FunctionObject& fn, CallArgs& args) {
  if (call_depth_ >= kMaxCallDepth) {
    throw Error(ErrorClass::RuntimeError, "maximum recursion depth exceeded", args.pos);
  }
  Frame frame = bindArguments(fn, args);
  ++call_depth_;
  struct DepthRestore {
    int& depth;
    ~DepthRestore() { --depth; }
  } restore{call_depth_};
  if (fn.def->lambda_body) return eval(*fn.def->lambda_body, frame);
  execBlock(fn.def->body, frame);
  return frame.return_value;
}

Interpreter::Frame Interpreter::bindArguments(const FunctionObject& fn, CallArgs& args) {
  const FunctionDef& def = *fn.def;
  auto scope = std::make_shared<Scope>();
  scope->parent = fn.closure;
  const std::string& name = def.name;
  size_t positional_params = 0;
  const Param* varargs = nullptr;
  const Param* kwargs = nullptr;
  for (const Param& p : def.params) {
    if (p.kind == ParamKind::Normal) ++positional_params;
    if (p.kind == ParamKind::VarArgs) varargs = &p;
    if (p.kind == ParamKind::KwArgs) kwargs = &p;
  }
  if (args.positional.size() > positional_params && varargs == nullptr) {
    size_t required = 0;
    for (size_t i = 0; i < positional_params; ++i)
      required += fn.defaults[i] ? 0 : 1;
    std::string expected = required == positional_params
                               ? std::to_string(positional_params)
                               : fmt::format("from {} to {}", required, positional_params);
    throw Error(ErrorClass::TypeError,
                fmt::format("{}() takes {} positional argument{} but {} {} given", name, expected,
                            positional_params == 1 ? "" : "s", args.positional.size(),
                            args.positional.size() == 1 ? "was" : "were"),
                args.pos);
  }
  std::vector<bool> bound(def.params.size(), false);
  size_t pi = 0;
  for (size_t i = 0; i < def.params.size() && pi < args.positional.size(); ++i) {
    if (def.params[i].kind != ParamKind::Normal) continue;
    scope->vars[def.params[i].name] = args.positional[pi++];
    bound[i] = true;
  }
  if (varargs) {
    std::vector<Value> rest(args.positional.begin() + static_cast<long>(pi), args.positional.end());
    scope->vars[varargs->name] = Value::tuple(std::move(rest));
  }
  Value extra = Value::dict();
  for (auto& [key, value] : args.keywords) {
    bool matched = false;
    for (size_t i = 0; i < def.params.size(); ++i) {
      const Param& p = def.params[i];
      if (p.name != key || p.kind == ParamKind::VarArgs || p.kind == ParamKind::KwArgs) continue;
      if (bound[i]) {
        throw Error(ErrorClass::TypeError,
                    fmt::format("{}() got multiple values for argument '{}'", name, key), args.pos);
      }
      scope->vars[p.name] = value;
      bound[i] = matched = true;
    }
    if (matched) continue;
    if (!kwargs) {
      throw Error(ErrorClass::TypeError,
                  fmt::format("{}() got an unexpected keyword argument '{}'", name, key), args.pos);
    }
    extra.asDict().set(Value::str(key), value);
  }
  if (kwargs) scope->vars[kwargs->name] = extra;
  std::vector<std::string> missing;
  for (size_t i = 0; i < def.params.size(); ++i) {
    const Param& p = def.params[i];
    if (bound[i] || p.kind == ParamKind::VarArgs || p.kind == ParamKind::KwArgs) continue;
    if (fn.defaults[i]) {
      scope->vars[p.name] = *fn.defaults[i];
    } else {
      missing.push_back("'" + p.name + "'");
    }
  }
  if (!missing.empty()) {
    std::string list = missing[0];
    for (size_t i = 1; i < missing.size(); ++i) {
      list +=
          (i + 1 == missing.size() ? (missing.size() > 2 ? ", and " : " and ") : ", ") + missing[i];
    }
    throw Error(ErrorClass::TypeError,
                fmt::format("{}() missing {}: {}", name,
                            plural(missing.size(), "required positional argument"), list),
                args.pos);
  }
  return Frame{std::move(scope), Value()};
}

}  // namespace runnel::pyspark
