// Parser, atoms and trailers: names, literals, strings, (...) [...] {...} displays and
// comprehensions, attribute/call/subscript chains, and assignment-target checks.
#include <fmt/format.h>

#include "pyspark/parser.h"

namespace runnel::pyspark {
namespace {

constexpr int kMaxTrailers = 1000;  // `.a.b(...)[...]` links in one chain

std::shared_ptr<Expr> makeExpr(ExprKind kind, SourcePosition pos) {
  auto e = std::make_shared<Expr>();
  e->kind = kind;
  e->pos = pos;
  return e;
}

}  // namespace

ExprPtr Parser::atom() {
  const Token& t = peek();
  SourcePosition pos = t.pos;
  switch (t.kind) {
    case TokenKind::Int: {
      auto e = makeExpr(ExprKind::Int, pos);
      e->int_value = next().int_value;
      return e;
    }
    case TokenKind::Float: {
      auto e = makeExpr(ExprKind::Float, pos);
      e->float_value = next().float_value;
      return e;
    }
    case TokenKind::String:
    case TokenKind::FString:
      return strings();
    case TokenKind::Name: {
      if (t.text == "None" || t.text == "True" || t.text == "False") {
        auto e = makeExpr(t.text == "None" ? ExprKind::None : ExprKind::Bool, pos);
        e->int_value = t.text == "True" ? 1 : 0;
        next();
        return e;
      }
      if (isKeywordName(t.text)) fail(t);
      auto e = makeExpr(ExprKind::Name, pos);
      e->text = next().text;
      return e;
    }
    case TokenKind::Op:
      if (t.text == "(") return next(), parenthesised(pos);
      if (t.text == "[") return next(), listDisplay(pos);
      if (t.text == "{") return next(), dictDisplay(pos);
      if (t.text == "...") {
        throw Error(ErrorClass::NotImplementedError, "'...' (Ellipsis) is not supported", pos);
      }
      break;
    case TokenKind::Indent:
      fail(t, "unexpected indent");
    default:
      break;
  }
  fail(t);
}

ExprPtr Parser::strings() {
  SourcePosition pos = peek().pos;
  std::vector<ExprPtr> pieces;
  bool any_f = false;
  while (peek().kind == TokenKind::String || peek().kind == TokenKind::FString) {
    const Token& t = next();
    if (t.kind == TokenKind::FString) {
      any_f = true;
      pieces.push_back(fstring(t));
    } else {
      auto s = makeExpr(ExprKind::Str, t.pos);
      s->text = t.text;
      pieces.push_back(s);
    }
  }
  if (pieces.size() == 1) return pieces[0];
  auto joined = makeExpr(any_f ? ExprKind::FString : ExprKind::Str, pos);
  for (const ExprPtr& p : pieces) {
    if (!any_f) {
      joined->text += p->text;
    } else if (p->kind == ExprKind::Str) {
      FStringPart part;
      part.literal = p->text;
      joined->parts.push_back(std::move(part));
    } else {
      joined->parts.insert(joined->parts.end(), p->parts.begin(), p->parts.end());
    }
  }
  return joined;
}

ExprPtr Parser::parenthesised(SourcePosition pos) {
  DepthGuard guard(*this, peek());
  if (acceptOp(")")) return makeExpr(ExprKind::Tuple, pos);
  if (isKeyword("yield")) {
    throw Error(ErrorClass::NotImplementedError, "'yield' is not supported", peek().pos);
  }
  ExprPtr first = isOp("*") ? testList(true) : namedExprTest();
  if (isKeyword("for")) {
    auto comp = makeExpr(ExprKind::ListComp, pos);
    comp->kids.push_back(first);
    comp->comps = comprehensions();
    expectOp(")");
    return comp;
  }
  if (acceptOp(")")) return first;
  auto tuple = makeExpr(ExprKind::Tuple, pos);
  tuple->kids.push_back(first);
  while (acceptOp(",")) {
    if (isOp(")")) break;
    if (isOp("*")) {
      auto star = makeExpr(ExprKind::Starred, next().pos);
      star->kids.push_back(orTest());
      tuple->kids.push_back(star);
    } else {
      tuple->kids.push_back(test());
    }
  }
  expectOp(")");
  return tuple;
}

ExprPtr Parser::listDisplay(SourcePosition pos) {
  DepthGuard guard(*this, peek());
  auto list = makeExpr(ExprKind::List, pos);
  if (acceptOp("]")) return list;
  auto item = [&]() -> ExprPtr {
    if (!isOp("*")) return namedExprTest();
    auto s = makeExpr(ExprKind::Starred, next().pos);
    s->kids.push_back(orTest());
    return s;
  };
  ExprPtr first = item();
  if (isKeyword("for")) {
    auto comp = makeExpr(ExprKind::ListComp, pos);
    comp->kids.push_back(first);
    comp->comps = comprehensions();
    expectOp("]");
    return comp;
  }
  list->kids.push_back(first);
  while (acceptOp(",")) {
    if (isOp("]")) break;
    list->kids.push_back(item());
  }
  expectOp("]");
  return list;
}

ExprPtr Parser::dictDisplay(SourcePosition pos) {
  DepthGuard guard(*this, peek());
  auto dict = makeExpr(ExprKind::Dict, pos);
  if (acceptOp("}")) return dict;
  for (bool first = true;; first = false) {
    if (acceptOp("**")) {
      dict->kids.push_back(nullptr);
      dict->kids.push_back(orTest());
    } else {
      ExprPtr key = test();
      if (!isOp(":")) {
        throw Error(ErrorClass::NotImplementedError, "set displays are not supported", pos);
      }
      next();
      ExprPtr value = test();
      if (first && isKeyword("for")) {
        auto comp = makeExpr(ExprKind::DictComp, pos);
        comp->kids = {key, value};
        comp->comps = comprehensions();
        expectOp("}");
        return comp;
      }
      dict->kids.push_back(key);
      dict->kids.push_back(value);
    }
    if (!acceptOp(",") || isOp("}")) break;
  }
  expectOp("}");
  return dict;
}

ExprPtr Parser::primary() {
  ExprPtr e = atom();
  for (int trailers = 0;; ++trailers) {
    if (trailers > kMaxTrailers) fail(peek(), "expression too long");
    if (isOp(".")) {
      next();
      const Token& name = expectName();
      auto a = makeExpr(ExprKind::Attribute, name.pos);
      a->text = name.text;
      a->kids.push_back(e);
      e = a;
    } else if (isOp("(")) {
      e = call(e, next().pos);
    } else if (isOp("[")) {
      e = subscript(e, next().pos);
    } else {
      return e;
    }
  }
}

ExprPtr Parser::call(ExprPtr func, SourcePosition pos) {
  auto e = makeExpr(ExprKind::Call, func->kind == ExprKind::Attribute ? func->pos : func->pos);
  e->kids.push_back(func);
  bool seen_keyword = false;
  while (!isOp(")")) {
    Argument a;
    SourcePosition arg_pos = peek().pos;
    if (acceptOp("**")) {
      a.kind = ArgKind::DoubleStar;
      a.value = test();
      seen_keyword = true;
    } else if (acceptOp("*")) {
      a.kind = ArgKind::Star;
      a.value = test();
    } else if (peek().kind == TokenKind::Name && isOp("=", 1)) {
      a.kind = ArgKind::Keyword;
      a.keyword = next().text;
      next();
      a.value = test();
      for (const Argument& b : e->args) {
        if (b.kind == ArgKind::Keyword && b.keyword == a.keyword) {
          throw Error(ErrorClass::SyntaxError,
                      fmt::format("keyword argument repeated: {}", a.keyword), arg_pos);
        }
      }
      seen_keyword = true;
    } else {
      a.value = test();
      if (isKeyword("for")) {  // f(x for x in xs): a generator, evaluated eagerly as a list
        auto comp = makeExpr(ExprKind::ListComp, a.value->pos);
        comp->kids.push_back(a.value);
        comp->comps = comprehensions();
        a.value = comp;
      }
      if (seen_keyword) fail(tokens_[i_ - 1], "positional argument follows keyword argument");
    }
    e->args.push_back(std::move(a));
    if (!acceptOp(",")) break;
  }
  expectOp(")");
  return e;
}

ExprPtr Parser::subscript(ExprPtr value, SourcePosition pos) {
  auto e = makeExpr(ExprKind::Subscript, pos);
  e->kids.push_back(value);
  auto sliceOrTest = [&]() -> ExprPtr {
    SourcePosition p = peek().pos;
    ExprPtr lower = isOp(":") ? nullptr : test();
    if (!isOp(":")) return lower;
    auto s = makeExpr(ExprKind::Slice, p);
    next();
    s->kids.push_back(lower);
    s->kids.push_back(isOp(":") || isOp("]") || isOp(",") ? nullptr : test());
    ExprPtr step;
    if (acceptOp(":") && !isOp("]") && !isOp(",")) step = test();
    s->kids.push_back(step);
    return s;
  };
  ExprPtr index = sliceOrTest();
  if (isOp(",")) {
    auto t = makeExpr(ExprKind::Tuple, index->pos);
    t->kids.push_back(index);
    while (acceptOp(",") && !isOp("]"))
      t->kids.push_back(sliceOrTest());
    index = t;
  }
  expectOp("]");
  e->kids.push_back(index);
  return e;
}

}  // namespace runnel::pyspark
