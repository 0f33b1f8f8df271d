// Parser, functions and classes: `def`, `lambda` and their parameter lists (defaults, *args,
// keyword-only, **kwargs), and `class`, whose body holds the methods.
#include <fmt/format.h>

#include "pyspark/parser.h"

namespace runnel::pyspark {

StmtPtr Parser::defStatement() {
  auto s = std::make_shared<Stmt>();
  s->kind = StmtKind::FunctionDef;
  s->pos = next().pos;
  auto def = std::make_shared<FunctionDef>();
  def->pos = peek().pos;
  def->name = expectName().text;
  expectOp("(");
  def->params = parameters(")");
  expectOp(")");
  if (acceptOp("->")) test();
  int outer_loops = loop_depth_;
  loop_depth_ = 0;
  def->body = block("function definition", s->pos);
  loop_depth_ = outer_loops;
  s->function = std::move(def);
  return s;
}

StmtPtr Parser::classStatement() {
  auto s = std::make_shared<Stmt>();
  s->kind = StmtKind::ClassDef;
  s->pos = next().pos;
  s->name = expectName().text;
  if (acceptOp("(")) {
    while (!isOp(")")) {
      if (peek().kind == TokenKind::Name && peek(1).kind == TokenKind::Op && peek(1).text == "=") {
        throw Error(ErrorClass::NotImplementedError,
                    "class keywords (metaclass=...) are not supported by Runnel's Python subset",
                    peek().pos);
      }
      s->bases.push_back(test());
      if (!acceptOp(",")) break;
    }
    expectOp(")");
  }
  int outer_loops = loop_depth_;
  loop_depth_ = 0;
  s->body = block("class definition", s->pos);
  loop_depth_ = outer_loops;
  return s;
}

ExprPtr Parser::lambda() {
  auto e = std::make_shared<Expr>();
  e->kind = ExprKind::Lambda;
  e->pos = next().pos;
  auto def = std::make_shared<FunctionDef>();
  def->name = "<lambda>";
  def->pos = e->pos;
  def->params = parameters(":");
  expectOp(":");
  def->lambda_body = test();
  e->function = std::move(def);
  return e;
}

std::vector<Param> Parser::parameters(const std::string& closer) {
  std::vector<Param> params;
  bool keyword_only = false;
  bool seen_default = false;
  while (!isOp(closer)) {
    Param p;
    p.pos = peek().pos;
    if (acceptOp("**")) {
      p.kind = ParamKind::KwArgs;
      p.name = expectName().text;
    } else if (acceptOp("*")) {
      keyword_only = true;
      if (isOp(",") || isOp(closer)) {
        if (!acceptOp(",")) break;
        continue;
      }
      p.kind = ParamKind::VarArgs;
      p.name = expectName().text;
    } else {
      if (acceptOp("/")) {  // positional-only marker: all earlier params are positional anyway
        if (!acceptOp(",")) break;
        continue;
      }
      p.kind = keyword_only ? ParamKind::KeywordOnly : ParamKind::Normal;
      p.name = expectName().text;
      if (closer == ")" && acceptOp(":")) test();  // annotation
      if (acceptOp("=")) {
        p.default_value = test();
        seen_default = true;
      } else if (seen_default && !keyword_only) {
        fail(tokens_[i_ - 1], "non-default argument follows default argument");
      }
    }
    for (const Param& q : params) {
      if (q.name == p.name) {
        throw Error(ErrorClass::SyntaxError,
                    fmt::format("duplicate argument '{}' in function definition", p.name), p.pos);
      }
    }
    params.push_back(std::move(p));
    if (!acceptOp(",")) break;
  }
  return params;
}

}  // namespace runnel::pyspark
