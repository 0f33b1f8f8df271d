// Interpreter, expressions: names, literals, displays, attribute/call/subscript chains, f-strings
// and comprehensions. Every error carries the position of the expression that raised it.
#include <fmt/format.h>

#include "pyspark/interpreter.h"

namespace runnel::pyspark {
namespace {

constexpr int kMaxEvalDepth = 2000;  // long `a + b + ...` chains nest this deep

struct DepthCount {
  int& depth;
  explicit DepthCount(int& d, SourcePosition pos) : depth(d) {
    if (++depth > kMaxEvalDepth) {
      --depth;
      throw Error(ErrorClass::RuntimeError, "maximum recursion depth exceeded", pos);
    }
  }
  ~DepthCount() { --depth; }
};

}  // namespace

Value Interpreter::eval(const Expr& e, Frame& f) {
  DepthCount guard(eval_depth_, e.pos);
  switch (e.kind) {
    case ExprKind::Name:
      return evalName(e, f);
    case ExprKind::None:
      return Value();
    case ExprKind::Bool:
      return Value::boolean(e.int_value != 0);
    case ExprKind::Int:
      return Value::integer(e.int_value);
    case ExprKind::Float:
      return Value::floating(e.float_value);
    case ExprKind::Str:
      return Value::str(e.text);
    case ExprKind::FString:
      return evalFString(e, f);
    case ExprKind::Attribute:
      return getAttr(eval(*e.kids[0], f), e.text, e.pos);
    case ExprKind::Call:
      return evalCall(e, f);
    case ExprKind::Subscript:
      return evalSubscript(e, f);
    case ExprKind::Slice:
      throw Error(ErrorClass::SyntaxError, "invalid syntax", e.pos);
    case ExprKind::List:
    case ExprKind::Tuple: {
      std::vector<Value> items;
      items.reserve(e.kids.size());
      for (const ExprPtr& k : e.kids) {
        if (k->kind == ExprKind::Starred) {
          std::vector<Value> more = iterate(eval(*k->kids[0], f), k->pos);
          items.insert(items.end(), more.begin(), more.end());
        } else {
          items.push_back(eval(*k, f));
        }
      }
      return e.kind == ExprKind::List ? Value::list(std::move(items))
                                      : Value::tuple(std::move(items));
    }
    case ExprKind::Dict: {
      Value d = Value::dict();
      for (size_t i = 0; i + 1 < e.kids.size(); i += 2) {
        Value v = eval(*e.kids[i + 1], f);
        if (!e.kids[i]) {
          if (v.type() != ValueType::Dict) {
            throw Error(ErrorClass::TypeError,
                        fmt::format("'{}' object is not a mapping", typeNameOf(v)),
                        e.kids[i + 1]->pos);
          }
          for (const auto& [k, val] : v.asDict().entries)
            d.asDict().set(k, val);
          continue;
        }
        Value k = eval(*e.kids[i], f);
        if (!isHashable(k)) {
          throw Error(ErrorClass::TypeError, fmt::format("unhashable type: '{}'", typeNameOf(k)),
                      e.kids[i]->pos);
        }
        d.asDict().set(k, std::move(v));
      }
      return d;
    }
    case ExprKind::BinOp:
      return binaryOp(e.text, eval(*e.kids[0], f), eval(*e.kids[1], f), e.pos);
    case ExprKind::UnaryOp: {
      Value v = eval(*e.kids[0], f);
      if (e.text == "not") return Value::boolean(!truthy(v, e.pos));
      return binaryOp("unary" + e.text, v, Value(), e.pos);
    }
    case ExprKind::Compare:
      return evalCompare(e, f);
    case ExprKind::And:
    case ExprKind::Or: {
      Value v;
      for (const ExprPtr& k : e.kids) {
        v = eval(*k, f);
        bool t = truthy(v, k->pos);
        if (e.kind == ExprKind::And ? !t : t) return v;
      }
      return v;
    }
    case ExprKind::IfExp:
      return truthy(eval(*e.kids[1], f), e.kids[1]->pos) ? eval(*e.kids[0], f)
                                                         : eval(*e.kids[2], f);
    case ExprKind::Lambda:
      return makeFunction(e.function, f);
    case ExprKind::ListComp:
    case ExprKind::DictComp:
      return evalComprehension(e, f);
    case ExprKind::Starred:
      throw Error(ErrorClass::SyntaxError, "can't use starred expression here", e.pos);
  }
  return Value();
}

Value Interpreter::evalName(const Expr& e, Frame& f) {
  for (const Scope* s = f.scope.get(); s != nullptr; s = s->parent.get()) {
    auto it = s->vars.find(e.text);
    if (it != s->vars.end()) return it->second;
  }
  if (f.scope != globals_) {
    auto it = globals_->vars.find(e.text);
    if (it != globals_->vars.end()) return it->second;
  }
  auto it = builtins_.find(e.text);
  if (it != builtins_.end()) return it->second;
  throw Error(ErrorClass::NameError, fmt::format("name '{}' is not defined", e.text), e.pos);
}

void Interpreter::collectArgs(const Expr& call, Frame& f, CallArgs& out) {
  out.pos = call.pos;
  for (const Argument& a : call.args) {
    switch (a.kind) {
      case ArgKind::Positional:
        out.positional.push_back(eval(*a.value, f));
        break;
      case ArgKind::Keyword:
        out.keywords.emplace_back(a.keyword, eval(*a.value, f));
        break;
      case ArgKind::Star: {
        std::vector<Value> more = iterate(eval(*a.value, f), a.value->pos);
        out.positional.insert(out.positional.end(), more.begin(), more.end());
        break;
      }
      case ArgKind::DoubleStar: {
        Value d = eval(*a.value, f);
        if (d.type() != ValueType::Dict) {
          throw Error(ErrorClass::TypeError,
                      fmt::format("argument after ** must be a mapping, not {}", typeNameOf(d)),
                      a.value->pos);
        }
        for (const auto& [k, v] : d.asDict().entries) {
          if (!k.isStr())
            throw Error(ErrorClass::TypeError, "keywords must be strings", a.value->pos);
          for (const auto& existing : out.keywords) {
            if (existing.first == k.asStr()) {
              throw Error(ErrorClass::TypeError,
                          fmt::format("got multiple values for keyword argument '{}'", k.asStr()),
                          a.value->pos);
            }
          }
          out.keywords.emplace_back(k.asStr(), v);
        }
        break;
      }
    }
  }
}

Value Interpreter::evalCall(const Expr& e, Frame& f) {
  const Expr& func = *e.kids[0];
  if (func.kind == ExprKind::Attribute) {
    // obj.method(...) goes straight to the host object: no bound-method value is built.
    Value obj = eval(*func.kids[0], f);
    if (obj.type() == ValueType::Host) {
      auto* host = obj.as<HostObject>();
      CallArgs args;
      collectArgs(e, f, args);
      args.may_wait = &e == waitable_call_;
      step(e.pos);
      try {
        if (auto result = host->callMethod(*this, func.text, args)) return std::move(*result);
      } catch (Error& err) {
        err.withPosition(e.pos);
        throw;
      }
      return call(getAttr(obj, func.text, func.pos), args);
    }
    Value callee = getAttr(obj, func.text, func.pos);
    CallArgs args;
    collectArgs(e, f, args);
    args.may_wait = &e == waitable_call_;
    return call(callee, args);
  }
  Value callee = eval(func, f);
  CallArgs args;
  collectArgs(e, f, args);
  args.may_wait = &e == waitable_call_;
  return call(callee, args);
}

Value Interpreter::evalFString(const Expr& e, Frame& f) {
  std::string out;
  for (const FStringPart& part : e.parts) {
    out += part.literal;
    if (!part.expr) continue;
    Value v = eval(*part.expr, f);
    out += part.debug_text;
    if (part.conversion == 'r' || part.conversion == 'a') {
      v = Value::str(reprOf(v));
    } else if (part.conversion == 's') {
      v = Value::str(strOf(v));
    }
    if (part.spec.empty()) {
      out += strOf(v);
      continue;
    }
    // Format specs go through format(); fmt's mini-language matches Python's for the common cases.
    CallArgs args;
    args.pos = part.expr->pos;
    args.positional = {v, Value::str(part.spec)};
    out += strOf(call(builtins_.at("format"), args));
  }
  return Value::str(std::move(out));
}

Value Interpreter::evalComprehension(const Expr& e, Frame& f) {
  // Comprehensions run in their own scope, so their loop variables do not leak (Python 3).
  auto scope = std::make_shared<Scope>();
  scope->parent = f.scope;
  Frame inner{scope, Value()};
  if (e.kind == ExprKind::ListComp) {
    std::vector<Value> items;
    comprehensionLoop(e, 0, inner, [&] { items.push_back(eval(*e.kids[0], inner)); });
    return Value::list(std::move(items));
  }
  Value d = Value::dict();
  comprehensionLoop(e, 0, inner, [&] {
    Value k = eval(*e.kids[0], inner);
    if (!isHashable(k)) {
      throw Error(ErrorClass::TypeError, fmt::format("unhashable type: '{}'", typeNameOf(k)),
                  e.kids[0]->pos);
    }
    d.asDict().set(k, eval(*e.kids[1], inner));
  });
  return d;
}

void Interpreter::comprehensionLoop(const Expr& e, size_t level, Frame& f,
                                    const std::function<void()>& emit) {
  if (level == e.comps.size()) return emit();
  const Comprehension& c = e.comps[level];
  for (const Value& item : iterate(eval(*c.iter, f), c.iter->pos)) {
    step(c.iter->pos);
    assign(*c.target, item, f);
    bool keep = true;
    for (const ExprPtr& cond : c.ifs) {
      if (!truthy(eval(*cond, f), cond->pos)) {
        keep = false;
        break;
      }
    }
    if (keep) comprehensionLoop(e, level + 1, f, emit);
  }
}

}  // namespace runnel::pyspark
