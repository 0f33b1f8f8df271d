// The syntax tree of the Python subset (a trimmed CPython `ast`): expressions, statements,
// functions. Nodes are immutable after parsing and shared by function values that outlive the
// parse.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "runnel/error.h"

namespace runnel::pyspark {

struct Expr;
struct Stmt;
struct FunctionDef;
using ExprPtr = std::shared_ptr<const Expr>;
using StmtPtr = std::shared_ptr<const Stmt>;
using Block = std::vector<StmtPtr>;

enum class ExprKind {
  Name,  // text
  None,
  Bool,       // int_value 0/1
  Int,        // int_value
  Float,      // float_value
  Str,        // text (adjacent literals already joined)
  FString,    // parts
  Attribute,  // kids[0].text
  Call,       // kids[0](args)
  Subscript,  // kids[0][kids[1]]
  Slice,      // kids: lower, upper, step (nullptr when absent)
  List,       // kids
  Tuple,      // kids
  Dict,       // kids: k0, v0, k1, v1, ... (a nullptr key means `**kids[i+1]`)
  BinOp,      // kids[0] text kids[1]; text is the operator ("+", "//", "&", ...)
  UnaryOp,    // text kids[0]; text is "-", "+", "~" or "not"
  Compare,    // kids[0] ops[0] kids[1] ops[1] kids[2] ...
  And,        // kids (short-circuit)
  Or,         // kids (short-circuit)
  IfExp,      // kids: body, test, orelse
  Lambda,     // function
  ListComp,   // kids[0] is the element; comps
  DictComp,   // kids[0] key, kids[1] value; comps
  Starred,    // *kids[0] (inside list/tuple displays)
};

enum class ArgKind { Positional, Keyword, Star, DoubleStar };

struct Argument {
  ArgKind kind = ArgKind::Positional;
  std::string keyword;
  ExprPtr value;
};

struct FStringPart {
  std::string literal;  // text before the replacement field (or the whole part when expr is null)
  ExprPtr expr;         // the `{expr}`; null for a literal-only part
  char conversion = 0;  // 'r', 's', 'a' or 0
  std::string spec;     // format spec after ':' (literal)
  std::string debug_text;  // `{x=}`: "x=" printed before the value
};

struct Comprehension {
  ExprPtr target;
  ExprPtr iter;
  std::vector<ExprPtr> ifs;
};

struct Expr {
  ExprKind kind = ExprKind::None;
  SourcePosition pos;
  std::string text;
  int64_t int_value = 0;
  double float_value = 0;
  std::vector<ExprPtr> kids;
  std::vector<Argument> args;        // Call
  std::vector<std::string> ops;      // Compare: "<", "==", "in", "not in", "is", "is not"...
  std::vector<FStringPart> parts;    // FString
  std::vector<Comprehension> comps;  // ListComp, DictComp
  std::shared_ptr<const FunctionDef> function;  // Lambda
};

enum class ParamKind { Normal, VarArgs, KeywordOnly, KwArgs };

struct Param {
  std::string name;
  ParamKind kind = ParamKind::Normal;
  ExprPtr default_value;  // null: required
  SourcePosition pos;
};

struct FunctionDef {
  std::string name;  // "<lambda>" for lambdas
  std::vector<Param> params;
  Block body;
  ExprPtr lambda_body;  // lambdas: the returned expression
  SourcePosition pos;
};

enum class StmtKind {
  Expr,       // value
  Assign,     // targets (a = b = value) = value
  AugAssign,  // targets[0] op= value
  AnnAssign,  // targets[0]: annotation = value (value may be null)
  Pass,
  Break,
  Continue,
  Return,       // value may be null
  If,           // test, body, orelse
  While,        // test, body, orelse
  For,          // targets[0] in value: body, orelse
  FunctionDef,  // function
  ClassDef,     // class name(bases): body
  With,         // items: value as targets[i] (target may be null), body
  Try,          // body, handlers, orelse, finalbody
  Import,       // names
  ImportFrom,   // module, names ("*" for star)
  Global,       // globals
  Del,          // targets
  Assert,       // test, value (message, may be null)
  Raise,        // value (may be null)
};

struct ImportName {
  std::string name;     // dotted module (Import) or attribute (ImportFrom)
  std::string as_name;  // empty: none
  SourcePosition pos;
};

struct ExceptHandler {
  ExprPtr type;  // null: bare except
  std::string name;
  Block body;
  SourcePosition pos;
};

struct WithItem {
  ExprPtr context;
  ExprPtr target;  // may be null
};

struct Stmt {
  StmtKind kind = StmtKind::Pass;
  SourcePosition pos;
  std::vector<ExprPtr> targets;
  ExprPtr value;
  ExprPtr test;
  std::string op;
  Block body;
  Block orelse;
  Block finalbody;
  std::vector<ExceptHandler> handlers;
  std::vector<WithItem> items;
  std::vector<ImportName> names;
  std::string module;
  std::vector<std::string> globals;
  std::shared_ptr<const FunctionDef> function;
  std::string name;            // ClassDef
  std::vector<ExprPtr> bases;  // ClassDef
};

struct Module {
  Block body;
};

}  // namespace runnel::pyspark
