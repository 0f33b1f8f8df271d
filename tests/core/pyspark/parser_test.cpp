// Parser: statement and expression shapes with positions, and SyntaxErrors at CPython's places.
#include "pyspark/parser.h"

#include <gtest/gtest.h>

#include <string>

namespace runnel::pyspark {
namespace {

// A compact s-expression of an expression tree, for table tests.
std::string show(const Expr& e) {
  auto kids = [&](const char* head) {
    std::string out = std::string("(") + head;
    for (const ExprPtr& k : e.kids)
      out += " " + (k ? show(*k) : std::string("_"));
    return out + ")";
  };
  switch (e.kind) {
    case ExprKind::Name:
      return e.text;
    case ExprKind::Int:
      return std::to_string(e.int_value);
    case ExprKind::Str:
      return "'" + e.text + "'";
    case ExprKind::None:
      return "None";
    case ExprKind::Bool:
      return e.int_value ? "True" : "False";
    case ExprKind::Float:
      return "float";
    case ExprKind::Attribute:
      return show(*e.kids[0]) + "." + e.text;
    case ExprKind::Call: {
      std::string out = show(*e.kids[0]) + "(";
      for (size_t i = 0; i < e.args.size(); ++i) {
        if (i > 0) out += ", ";
        const Argument& a = e.args[i];
        if (a.kind == ArgKind::Keyword) out += a.keyword + "=";
        if (a.kind == ArgKind::Star) out += "*";
        if (a.kind == ArgKind::DoubleStar) out += "**";
        out += show(*a.value);
      }
      return out + ")";
    }
    case ExprKind::BinOp:
      return "(" + show(*e.kids[0]) + " " + e.text + " " + show(*e.kids[1]) + ")";
    case ExprKind::UnaryOp:
      return "(" + e.text + " " + show(*e.kids[0]) + ")";
    case ExprKind::Compare: {
      std::string out = "(" + show(*e.kids[0]);
      for (size_t i = 0; i < e.ops.size(); ++i)
        out += " " + e.ops[i] + " " + show(*e.kids[i + 1]);
      return out + ")";
    }
    case ExprKind::Subscript:
      return show(*e.kids[0]) + "[" + show(*e.kids[1]) + "]";
    case ExprKind::Slice:
      return kids("slice");
    case ExprKind::List:
      return kids("list");
    case ExprKind::Tuple:
      return kids("tuple");
    case ExprKind::Dict:
      return kids("dict");
    case ExprKind::And:
      return kids("and");
    case ExprKind::Or:
      return kids("or");
    case ExprKind::IfExp:
      return kids("ifexp");
    case ExprKind::Lambda:
      return "lambda";
    case ExprKind::ListComp:
      return kids("listcomp");
    case ExprKind::DictComp:
      return kids("dictcomp");
    case ExprKind::Starred:
      return kids("*");
    case ExprKind::FString:
      return "fstring" + std::to_string(e.parts.size());
  }
  return "?";
}

std::string showExpr(const std::string& src) {
  Module m = parseModule(src);
  return show(*m.body.at(0)->value);
}

struct ExprCase {
  const char* src;
  const char* tree;
};

class ParserExpressions : public ::testing::TestWithParam<ExprCase> {};

TEST_P(ParserExpressions, Shape) {
  EXPECT_EQ(showExpr(GetParam().src), GetParam().tree);
}

INSTANTIATE_TEST_SUITE_P(
    Parser, ParserExpressions,
    ::testing::Values(
        ExprCase{"a + b * c", "(a + (b * c))"}, ExprCase{"a - b - c", "((a - b) - c)"},
        ExprCase{"-a ** 2", "(- (a ** 2))"}, ExprCase{"a ** -b", "(a ** (- b))"},
        ExprCase{"(c > 1) & (d == 'x') | ~e", "(((c > 1) & (d == 'x')) | (~ e))"},
        ExprCase{"a < b <= c", "(a < b <= c)"}, ExprCase{"x not in y", "(x not in y)"},
        ExprCase{"x is not None", "(x is not None)"},
        ExprCase{"not a and b or c", "(or (and (not a) b) c)"},
        ExprCase{"a if b else c", "(ifexp a b c)"},
        ExprCase{"f(1, x=2, *a, **k)", "f(1, x=2, *a, **k)"},
        ExprCase{"spark.readStream.format('socket').load()",
                 "spark.readStream.format('socket').load()"},
        ExprCase{"df['word']", "df['word']"}, ExprCase{"xs[1:]", "xs[(slice 1 _ _)]"},
        ExprCase{"[1, 2][0]", "(list 1 2)[0]"}, ExprCase{"(1,)", "(tuple 1)"},
        ExprCase{"()", "(tuple)"}, ExprCase{"{'a': 1, **d}", "(dict 'a' 1 _ d)"},
        ExprCase{"[x for x in y if x]", "(listcomp x)"}, ExprCase{"'a' 'b'", "'ab'"},
        ExprCase{"f'{x}' 'y'", "fstring2"}, ExprCase{"sum(x for x in xs)", "sum((listcomp x))"},
        ExprCase{"a, *b", "(tuple a (* b))"}));

TEST(Parser, StatementKindsAndPositions) {
  Module m = parseModule(
      "from pyspark.sql import SparkSession\n"
      "import pyspark.sql.functions as F\n"
      "a, b = 1, 2\n"
      "x += 1\n"
      "def f(p, q=2, *args, k=3, **kw):\n"
      "    return p\n"
      "if a:\n    pass\nelif b:\n    pass\nelse:\n    pass\n"
      "for i in [1]:\n    continue\n"
      "while False:\n    break\n"
      "with s as t:\n    pass\n"
      "try:\n    pass\nexcept ValueError as e:\n    pass\nfinally:\n    pass\n");
  ASSERT_EQ(m.body.size(), 10u);
  EXPECT_EQ(m.body[0]->kind, StmtKind::ImportFrom);
  EXPECT_EQ(m.body[0]->module, "pyspark.sql");
  EXPECT_EQ(m.body[0]->names[0].name, "SparkSession");
  EXPECT_EQ(m.body[0]->names[0].pos.column, 25);
  EXPECT_EQ(m.body[1]->kind, StmtKind::Import);
  EXPECT_EQ(m.body[1]->names[0].as_name, "F");
  EXPECT_EQ(m.body[2]->kind, StmtKind::Assign);
  EXPECT_EQ(m.body[2]->targets[0]->kind, ExprKind::Tuple);
  EXPECT_EQ(m.body[3]->kind, StmtKind::AugAssign);
  EXPECT_EQ(m.body[3]->op, "+");
  EXPECT_EQ(m.body[4]->kind, StmtKind::FunctionDef);
  const auto& params = m.body[4]->function->params;
  ASSERT_EQ(params.size(), 5u);
  EXPECT_EQ(params[2].kind, ParamKind::VarArgs);
  EXPECT_EQ(params[3].kind, ParamKind::KeywordOnly);
  EXPECT_EQ(params[4].kind, ParamKind::KwArgs);
  EXPECT_EQ(m.body[5]->kind, StmtKind::If);
  EXPECT_EQ(m.body[5]->orelse[0]->kind, StmtKind::If);  // elif
  EXPECT_EQ(m.body[5]->pos.line, 7);
  EXPECT_EQ(m.body[6]->kind, StmtKind::For);
  EXPECT_EQ(m.body[7]->kind, StmtKind::While);
  EXPECT_EQ(m.body[8]->kind, StmtKind::With);
  EXPECT_EQ(m.body[9]->kind, StmtKind::Try);
  EXPECT_EQ(m.body[9]->handlers[0].name, "e");
}

TEST(Parser, CallPositionIsTheMethodName) {
  Module m = parseModule("words = lines.select(x)\\\n    .groupBy('w')\n");
  const Expr& call = *m.body[0]->value;
  ASSERT_EQ(call.kind, ExprKind::Call);
  EXPECT_EQ(call.pos.line, 2);
  EXPECT_EQ(call.pos.column, 6);
}

TEST(Parser, FStringFieldsKeepProgramPositions) {
  Module m = parseModule("x = 1\ns = f'a{x!r:>5}b{y}'\n");
  const Expr& fs = *m.body[1]->value;
  ASSERT_EQ(fs.kind, ExprKind::FString);
  ASSERT_EQ(fs.parts.size(), 2u);
  EXPECT_EQ(fs.parts[0].literal, "a");
  EXPECT_EQ(fs.parts[0].conversion, 'r');
  EXPECT_EQ(fs.parts[0].spec, ">5");
  EXPECT_EQ(fs.parts[1].expr->pos.line, 2);
  EXPECT_EQ(fs.parts[1].literal, "b");
  EXPECT_EQ(fs.parts[1].expr->pos.column, 18);
}

struct SyntaxCase {
  const char* name;
  std::string src;
  ErrorClass cls;
  std::string message;
  int line;
  int column;
};

class ParserErrors : public ::testing::TestWithParam<SyntaxCase> {};

TEST_P(ParserErrors, RaisesWithPosition) {
  const SyntaxCase& c = GetParam();
  try {
    parseModule(c.src);
    FAIL() << "parsed: " << c.src;
  } catch (const Error& e) {
    EXPECT_EQ(e.errorClass(), c.cls) << e.describe();
    EXPECT_EQ(e.message(), c.message);
    EXPECT_EQ(e.line(), c.line);
    EXPECT_EQ(e.column(), c.column);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Parser, ParserErrors,
    ::testing::Values(
        SyntaxCase{"MissingColon", "if x\n  pass\n", ErrorClass::SyntaxError, "expected ':'", 1, 5},
        SyntaxCase{"NoIndentedBlock", "if x:\npass\n", ErrorClass::SyntaxError,
                   "expected an indented block after 'if' statement on line 1", 2, 1},
        SyntaxCase{"UnexpectedIndent", "a = 1\n  b = 2\n", ErrorClass::SyntaxError,
                   "unexpected indent", 2, 3},
        SyntaxCase{"AssignToCall", "f() = 1\n", ErrorClass::SyntaxError,
                   "cannot assign to function call", 1, 1},
        SyntaxCase{"AssignToLiteral", "1 = x\n", ErrorClass::SyntaxError,
                   "cannot assign to literal", 1, 1},
        SyntaxCase{"DanglingOperator", "x = 1 +\n", ErrorClass::SyntaxError, "invalid syntax", 1,
                   8},
        SyntaxCase{"PositionalAfterKeyword", "f(a=1, 2)\n", ErrorClass::SyntaxError,
                   "positional argument follows keyword argument", 1, 8},
        SyntaxCase{"RepeatedKeyword", "f(a=1, a=2)\n", ErrorClass::SyntaxError,
                   "keyword argument repeated: a", 1, 8},
        SyntaxCase{
            "ClassKeyword", "class A(B, metaclass=M):\n  pass\n", ErrorClass::NotImplementedError,
            "class keywords (metaclass=...) are not supported by Runnel's Python subset", 1, 12},
        SyntaxCase{"ClassWithoutBody", "class A:\nx = 1\n", ErrorClass::SyntaxError,
                   "expected an indented block after class definition on line 1", 2, 1},
        SyntaxCase{"Decorator", "@f\ndef g(): pass\n", ErrorClass::NotImplementedError,
                   "decorators are not supported by Runnel's Python subset", 1, 1},
        SyntaxCase{"SetDisplay", "s = {1, 2}\n", ErrorClass::NotImplementedError,
                   "set displays are not supported", 1, 5},
        SyntaxCase{"FStringSingleBrace", "f'a}'\n", ErrorClass::SyntaxError,
                   "f-string: single '}' is not allowed", 1, 4},
        SyntaxCase{"FStringEmpty", "f'{}'\n", ErrorClass::SyntaxError,
                   "f-string: valid expression required before '}'", 1, 3},
        SyntaxCase{"BreakOutsideLoop", "x = 1\nbreak\n", ErrorClass::SyntaxError,
                   "'break' outside loop", 2, 1},
        SyntaxCase{"ContinueInFunctionInLoop", "for x in y:\n    def f():\n        continue\n",
                   ErrorClass::SyntaxError, "'continue' not properly in loop", 3, 9},
        SyntaxCase{"KeywordAsName", "import = 3\n", ErrorClass::SyntaxError, "invalid syntax", 1,
                   8}),
    [](const ::testing::TestParamInfo<SyntaxCase>& info) { return std::string(info.param.name); });

TEST(Parser, DeepNestingIsASyntaxErrorNotACrash) {
  std::string deep;
  for (int i = 0; i < 150; ++i)
    deep += "-";
  deep += "x\n";
  EXPECT_THROW(parseModule(deep), Error);
  std::string blocks;
  for (int i = 0; i < 120; ++i)
    blocks += std::string(static_cast<size_t>(i), ' ') + "if x:\n";
  blocks += std::string(120, ' ') + "pass\n";
  EXPECT_THROW(parseModule(blocks), Error);
}

}  // namespace
}  // namespace runnel::pyspark
