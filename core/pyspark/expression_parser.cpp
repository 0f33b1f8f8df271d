// Parser, expression half: precedence climbing from lambda/ternary down to atoms, calls and
// displays.
#include <fmt/format.h>

#include <array>

#include "pyspark/parser.h"

namespace runnel::pyspark {
namespace {

std::shared_ptr<Expr> makeExpr(ExprKind kind, SourcePosition pos) {
  auto e = std::make_shared<Expr>();
  e->kind = kind;
  e->pos = pos;
  return e;
}

constexpr int kMaxChain = 1000;  // `a + b + ...` terms; the tree is as deep as the chain

// Binary operator levels, loosest first: | ^ & shifts additive multiplicative.
constexpr std::array<std::array<std::string_view, 5>, 6> kBinaryLevels = {{
    {"|"},
    {"^"},
    {"&"},
    {"<<", ">>"},
    {"+", "-"},
    {"*", "/", "//", "%", "@"},
}};

}  // namespace

ExprPtr Parser::testList(bool allow_star) {
  SourcePosition pos = peek().pos;
  auto item = [&]() -> ExprPtr {
    if (allow_star && isOp("*")) {
      auto s = makeExpr(ExprKind::Starred, next().pos);
      s->kids.push_back(orTest());
      return s;
    }
    return test();
  };
  ExprPtr first = item();
  if (!isOp(",")) return first;
  auto tuple = makeExpr(ExprKind::Tuple, pos);
  tuple->kids.push_back(first);
  while (acceptOp(",")) {
    if (!atExpressionStart() && !(allow_star && isOp("*"))) break;
    tuple->kids.push_back(item());
  }
  return tuple;
}

ExprPtr Parser::namedExprTest() {
  if (peek().kind == TokenKind::Name && isOp(":=", 1)) {
    throw Error(ErrorClass::NotImplementedError, "the walrus operator ':=' is not supported",
                peek(1).pos);
  }
  return test();
}

ExprPtr Parser::test() {
  DepthGuard guard(*this, peek());
  if (isKeyword("lambda")) return lambda();
  ExprPtr body = orTest();
  if (!isKeyword("if")) return body;
  auto e = makeExpr(ExprKind::IfExp, next().pos);
  e->kids.push_back(body);
  e->kids.push_back(orTest());
  if (!acceptKeyword("else")) fail(peek(), "expected 'else' after 'if' expression");
  e->kids.push_back(test());
  return e;
}

ExprPtr Parser::orTest() {
  ExprPtr first = andTest();
  if (!isKeyword("or")) return first;
  auto e = makeExpr(ExprKind::Or, first->pos);
  e->kids.push_back(first);
  while (acceptKeyword("or"))
    e->kids.push_back(andTest());
  return e;
}

ExprPtr Parser::andTest() {
  ExprPtr first = notTest();
  if (!isKeyword("and")) return first;
  auto e = makeExpr(ExprKind::And, first->pos);
  e->kids.push_back(first);
  while (acceptKeyword("and"))
    e->kids.push_back(notTest());
  return e;
}

ExprPtr Parser::notTest() {
  if (!isKeyword("not")) return comparison();
  DepthGuard guard(*this, peek());
  auto e = makeExpr(ExprKind::UnaryOp, next().pos);
  e->text = "not";
  e->kids.push_back(notTest());
  return e;
}

ExprPtr Parser::comparison() {
  ExprPtr first = binary(0);
  std::shared_ptr<Expr> e;
  for (;;) {
    std::string op;
    if (isOp("<") || isOp(">") || isOp("==") || isOp(">=") || isOp("<=") || isOp("!=")) {
      op = next().text;
    } else if (isKeyword("in")) {
      next();
      op = "in";
    } else if (isKeyword("not") && isKeyword("in", 1)) {
      next();
      next();
      op = "not in";
    } else if (isKeyword("is")) {
      next();
      op = acceptKeyword("not") ? "is not" : "is";
    } else {
      break;
    }
    if (!e) {
      e = makeExpr(ExprKind::Compare, first->pos);
      e->kids.push_back(first);
    }
    e->ops.push_back(op);
    e->kids.push_back(binary(0));
  }
  return e ? ExprPtr(e) : first;
}

ExprPtr Parser::binary(int level) {
  if (level == static_cast<int>(kBinaryLevels.size())) return unary();
  ExprPtr left = binary(level + 1);
  for (int chain = 0;;) {
    std::string_view op;
    for (std::string_view candidate : kBinaryLevels[static_cast<size_t>(level)]) {
      if (!candidate.empty() && isOp(candidate)) op = candidate;
    }
    if (op.empty()) return left;
    SourcePosition pos = next().pos;
    auto e = makeExpr(ExprKind::BinOp, pos);
    e->text = std::string(op);
    e->kids.push_back(left);
    e->kids.push_back(binary(level + 1));
    left = e;
    if (++chain > kMaxChain) fail(peek(), "expression too long");
  }
}

ExprPtr Parser::unary() {
  if (isOp("-") || isOp("+") || isOp("~")) {
    DepthGuard guard(*this, peek());
    auto e = makeExpr(ExprKind::UnaryOp, peek().pos);
    e->text = next().text;
    e->kids.push_back(unary());
    return e;
  }
  return power();
}

ExprPtr Parser::power() {
  ExprPtr base = primary();
  if (!isOp("**")) return base;
  auto e = makeExpr(ExprKind::BinOp, next().pos);
  e->text = "**";
  e->kids.push_back(base);
  DepthGuard guard(*this, peek());
  e->kids.push_back(unary());
  return e;
}

ExprPtr Parser::targetList() {
  SourcePosition pos = peek().pos;
  ExprPtr first = binary(0);
  if (!isOp(",")) return first;
  auto t = makeExpr(ExprKind::Tuple, pos);
  t->kids.push_back(first);
  while (acceptOp(",")) {
    if (isKeyword("in") || isOp("=") || isOp(":")) break;
    t->kids.push_back(binary(0));
  }
  return t;
}

std::vector<Comprehension> Parser::comprehensions() {
  std::vector<Comprehension> comps;
  while (acceptKeyword("for")) {
    Comprehension c;
    c.target = targetList();
    checkAssignable(c.target, false);
    if (!acceptKeyword("in")) fail(peek(), "expected 'in'");
    c.iter = orTest();
    while (isKeyword("if")) {
      next();
      c.ifs.push_back(orTest());
    }
    comps.push_back(std::move(c));
  }
  return comps;
}

void Parser::checkAssignable(const ExprPtr& target, bool augmented) const {
  switch (target->kind) {
    case ExprKind::Name:
    case ExprKind::Attribute:
    case ExprKind::Subscript:
      return;
    case ExprKind::Tuple:
    case ExprKind::List:
      if (augmented) break;
      for (const ExprPtr& k : target->kids) {
        checkAssignable(k->kind == ExprKind::Starred ? k->kids[0] : k, false);
      }
      return;
    default:
      break;
  }
  const char* what = target->kind == ExprKind::Call      ? "function call"
                     : target->kind == ExprKind::Tuple   ? "tuple"
                     : target->kind == ExprKind::List    ? "list"
                     : target->kind == ExprKind::BinOp   ? "expression"
                     : target->kind == ExprKind::Compare ? "comparison"
                                                         : "literal";
  std::string message =
      augmented ? fmt::format("'{}' is an illegal expression for augmented assignment", what)
                : fmt::format("cannot assign to {}", what);
  throw Error(ErrorClass::SyntaxError, message, target->pos);
}

}  // namespace runnel::pyspark
