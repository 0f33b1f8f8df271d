// Parser, statement half: blocks, simple and compound statements, imports, function definitions.
#include "pyspark/parser.h"

#include <fmt/format.h>

#include <array>

namespace runnel::pyspark {
namespace {

std::shared_ptr<Stmt> makeStmt(StmtKind kind, SourcePosition pos) {
  auto s = std::make_shared<Stmt>();
  s->kind = kind;
  s->pos = pos;
  return s;
}

}  // namespace

Module parseModule(std::string_view source) {
  return Parser(tokenize(source)).module();
}

Module Parser::module() {
  Module m;
  while (peek().kind != TokenKind::EndOfFile) {
    if (peek().kind == TokenKind::Newline) {
      next();
      continue;
    }
    if (peek().kind == TokenKind::Indent) fail(peek(), "unexpected indent");
    statement(m.body);
  }
  return m;
}

ExprPtr Parser::expressionOnly() {
  ExprPtr e = testList(true);
  while (peek().kind == TokenKind::Newline)
    next();
  if (peek().kind != TokenKind::EndOfFile) fail(peek());
  return e;
}

Block Parser::block(const char* what, SourcePosition header) {
  expectOp(":");
  Block body;
  if (peek().kind != TokenKind::Newline) {  // `if x: pass` on one line
    simpleStatements(body);
    return body;
  }
  next();
  if (peek().kind != TokenKind::Indent) {
    fail(peek(), fmt::format("expected an indented block after {} on line {}", what, header.line));
  }
  DepthGuard guard(*this, peek());
  next();
  while (peek().kind != TokenKind::Dedent && peek().kind != TokenKind::EndOfFile) {
    if (peek().kind == TokenKind::Indent) fail(peek(), "unexpected indent");
    statement(body);
  }
  if (peek().kind == TokenKind::Dedent) next();
  return body;
}

void Parser::statement(Block& out) {
  const Token& t = peek();
  if (t.kind == TokenKind::Name) {
    const std::string& kw = t.text;
    if (kw == "if") return out.push_back(ifStatement(next().pos));
    if (kw == "while") return out.push_back(whileStatement());
    if (kw == "for") return out.push_back(forStatement());
    if (kw == "def") return out.push_back(defStatement());
    if (kw == "with") return out.push_back(withStatement());
    if (kw == "try") return out.push_back(tryStatement());
    if (kw == "class") return out.push_back(classStatement());
    if (kw == "async") {
      throw Error(ErrorClass::NotImplementedError,
                  fmt::format("'{}' statements are not supported by Runnel's Python subset", kw),
                  t.pos);
    }
  }
  if (isOp("@")) {
    throw Error(ErrorClass::NotImplementedError,
                "decorators are not supported by Runnel's Python subset", t.pos);
  }
  simpleStatements(out);
}

void Parser::simpleStatements(Block& out) {
  out.push_back(smallStatement());
  while (acceptOp(";")) {
    if (peek().kind == TokenKind::Newline) break;
    out.push_back(smallStatement());
  }
  expectNewline();
}

StmtPtr Parser::smallStatement() {
  const Token& t = peek();
  SourcePosition pos = t.pos;
  if (t.kind == TokenKind::Name) {
    if (t.text == "pass") return next(), makeStmt(StmtKind::Pass, pos);
    if (t.text == "break" || t.text == "continue") {
      if (loop_depth_ == 0) {
        fail(t, t.text == "break" ? "'break' outside loop" : "'continue' not properly in loop");
      }
      bool is_break = t.text == "break";
      next();
      return makeStmt(is_break ? StmtKind::Break : StmtKind::Continue, pos);
    }
    if (t.text == "import") return importStatement();
    if (t.text == "from") return fromImportStatement();
    if (t.text == "return" || t.text == "raise") {
      auto s = makeStmt(t.text == "return" ? StmtKind::Return : StmtKind::Raise, pos);
      next();
      if (atExpressionStart()) s->value = testList(true);
      if (s->kind == StmtKind::Raise && acceptKeyword("from")) test();
      return s;
    }
    if (t.text == "global" || t.text == "nonlocal") {
      auto s = makeStmt(StmtKind::Global, pos);
      next();
      do {
        s->globals.push_back(expectName().text);
      } while (acceptOp(","));
      return s;
    }
    if (t.text == "del") {
      auto s = makeStmt(StmtKind::Del, pos);
      next();
      do {
        s->targets.push_back(primary());
      } while (acceptOp(","));
      return s;
    }
    if (t.text == "assert") {
      auto s = makeStmt(StmtKind::Assert, pos);
      next();
      s->test = test();
      if (acceptOp(",")) s->value = test();
      return s;
    }
    if (t.text == "yield" || t.text == "await") {
      throw Error(ErrorClass::NotImplementedError,
                  fmt::format("'{}' is not supported by Runnel's Python subset", t.text), pos);
    }
  }
  return expressionStatement();
}

StmtPtr Parser::expressionStatement() {
  SourcePosition pos = peek().pos;
  ExprPtr first = testList(true);
  if (isOp(":") && first->kind != ExprKind::Tuple) {  // annotated assignment `x: int = 1`
    next();
    checkAssignable(first, true);
    auto s = makeStmt(StmtKind::AnnAssign, pos);
    s->targets.push_back(first);
    test();  // the annotation is evaluated by Python but ignored here
    if (acceptOp("=")) s->value = testList(true);
    return s;
  }
  static constexpr std::array<std::string_view, 12> kAugOps = {
      "+=", "-=", "*=", "/=", "//=", "%=", "**=", "&=", "|=", "^=", "<<=", ">>="};
  for (std::string_view op : kAugOps) {
    if (!isOp(op)) continue;
    SourcePosition op_pos = next().pos;
    checkAssignable(first, true);
    auto s = makeStmt(StmtKind::AugAssign, op_pos);
    s->targets.push_back(first);
    s->op = std::string(op.substr(0, op.size() - 1));
    s->value = testList(true);
    return s;
  }
  if (!isOp("=")) {
    auto s = makeStmt(StmtKind::Expr, pos);
    s->value = first;
    return s;
  }
  auto s = makeStmt(StmtKind::Assign, pos);
  ExprPtr value = first;
  while (acceptOp("=")) {
    checkAssignable(value, false);
    s->targets.push_back(value);
    value = testList(true);
  }
  s->value = value;
  return s;
}

std::string Parser::dottedName() {
  std::string name = expectName().text;
  while (acceptOp("."))
    name += "." + expectName().text;
  return name;
}

StmtPtr Parser::importStatement() {
  auto s = makeStmt(StmtKind::Import, next().pos);
  do {
    ImportName n;
    n.pos = peek().pos;
    n.name = dottedName();
    if (acceptKeyword("as")) n.as_name = expectName().text;
    s->names.push_back(std::move(n));
  } while (acceptOp(","));
  return s;
}

StmtPtr Parser::fromImportStatement() {
  auto s = makeStmt(StmtKind::ImportFrom, next().pos);
  if (isOp(".")) {
    throw Error(ErrorClass::NotImplementedError, "relative imports are not supported", peek().pos);
  }
  s->module = dottedName();
  if (!acceptKeyword("import")) fail(peek());
  if (isOp("*")) {
    ImportName n;
    n.pos = next().pos;
    n.name = "*";
    s->names.push_back(std::move(n));
    return s;
  }
  bool parens = acceptOp("(");
  do {
    if (parens && isOp(")")) break;
    ImportName n;
    n.pos = peek().pos;
    n.name = expectName().text;
    if (acceptKeyword("as")) n.as_name = expectName().text;
    s->names.push_back(std::move(n));
  } while (acceptOp(","));
  if (parens) expectOp(")");
  return s;
}

StmtPtr Parser::ifStatement(SourcePosition pos) {
  auto s = makeStmt(StmtKind::If, pos);
  s->test = namedExprTest();
  s->body = block("'if' statement", pos);
  if (isKeyword("elif")) {
    s->orelse.push_back(ifStatement(next().pos));
  } else if (isKeyword("else")) {
    SourcePosition else_pos = next().pos;
    s->orelse = block("'else' statement", else_pos);
  }
  return s;
}

StmtPtr Parser::whileStatement() {
  auto s = makeStmt(StmtKind::While, next().pos);
  s->test = namedExprTest();
  ++loop_depth_;
  s->body = block("'while' statement", s->pos);
  --loop_depth_;
  if (isKeyword("else")) s->orelse = block("'else' statement", next().pos);
  return s;
}

StmtPtr Parser::forStatement() {
  auto s = makeStmt(StmtKind::For, next().pos);
  s->targets.push_back(targetList());
  if (!acceptKeyword("in")) fail(peek(), "expected 'in'");
  s->value = testList(true);
  ++loop_depth_;
  s->body = block("'for' statement", s->pos);
  --loop_depth_;
  if (isKeyword("else")) s->orelse = block("'else' statement", next().pos);
  return s;
}

StmtPtr Parser::withStatement() {
  auto s = makeStmt(StmtKind::With, next().pos);
  do {
    WithItem item;
    item.context = test();
    if (acceptKeyword("as")) {
      item.target = targetList();
      checkAssignable(item.target, false);
    }
    s->items.push_back(std::move(item));
  } while (acceptOp(","));
  s->body = block("'with' statement", s->pos);
  return s;
}

StmtPtr Parser::tryStatement() {
  auto s = makeStmt(StmtKind::Try, next().pos);
  s->body = block("'try' statement", s->pos);
  while (isKeyword("except")) {
    ExceptHandler h;
    h.pos = next().pos;
    if (!isOp(":")) {
      h.type = test();
      if (acceptKeyword("as")) h.name = expectName().text;
    }
    h.body = block("'except' statement", h.pos);
    s->handlers.push_back(std::move(h));
  }
  if (isKeyword("else")) s->orelse = block("'else' statement", next().pos);
  if (isKeyword("finally")) s->finalbody = block("'finally' statement", next().pos);
  if (s->handlers.empty() && s->finalbody.empty())
    fail(peek(), "expected 'except' or 'finally' block");
  return s;
}

}  // namespace runnel::pyspark
