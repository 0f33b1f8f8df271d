// Interpreter: Python semantics of the subset (printing, scoping, calls, loops, errors with
// positions), without the PySpark API.
#include "pyspark/interpreter.h"

#include <gtest/gtest.h>

#include <string>

namespace runnel::pyspark {
namespace {

std::string runProgram(const std::string& src, uint64_t max_steps = 0) {
  std::string out;
  InterpreterOptions options;
  options.output = [&out](const std::string& text) { out += text; };
  options.max_steps = max_steps;
  Interpreter in(options);
  in.run(src);
  return out;
}

struct ProgramCase {
  const char* name;
  std::string src;
  std::string output;
};

class InterpreterPrograms : public ::testing::TestWithParam<ProgramCase> {};

TEST_P(InterpreterPrograms, Prints) {
  EXPECT_EQ(runProgram(GetParam().src), GetParam().output);
}

INSTANTIATE_TEST_SUITE_P(
    Interpreter, InterpreterPrograms,
    ::testing::Values(
        ProgramCase{"PrintValues", "print(1, 2.5, 'a', None, True, [1, 'b'], (1,), {'k': 1.0})",
                    "1 2.5 a None True [1, 'b'] (1,) {'k': 1.0}\n"},
        ProgramCase{"PrintSepEnd", "print('a', 'b', sep='-', end='!')", "a-b!"},
        ProgramCase{"FloatRepr", "print(0.1 + 0.2, 1e16, 1.0, 2.5e-5, 1/3, 10/2)",
                    "0.30000000000000004 1e+16 1.0 2.5e-05 0.3333333333333333 5.0\n"},
        ProgramCase{"IntArithmetic", "print(7 // 2, -7 // 2, -7 % 3, 2 ** 10, 7 / 2, 2 ** -1)",
                    "3 -4 2 1024 3.5 0.5\n"},
        ProgramCase{"StringOps",
                    "s = 'a,b,,c'\nprint(s.split(','), '-'.join(['x', 'y']), s.upper(), len(s))",
                    "['a', 'b', '', 'c'] x-y A,B,,C 6\n"},
        ProgramCase{"ReprQuotes", "print(repr(\"it's\"), repr('a\\nb'), [\"q\"])",
                    "\"it's\" 'a\\nb' ['q']\n"},
        ProgramCase{"FStrings",
                    "x = 3\nname = 'w'\nprint(f'{name!r}={x:>4}|{x * 2}|{x=}|{{}}|{3.14159:.2f}')",
                    "'w'=   3|6|x=3|{}|3.14\n"},
        ProgramCase{"TupleUnpacking",
                    "a, (b, c) = 1, [2, 3]\nfirst, *rest = [1, 2, 3]\nprint(a, b, c, rest)",
                    "1 2 3 [2, 3]\n"},
        ProgramCase{"AugmentedAssignment",
                    "x = 1\nx += 2\nx *= 3\nxs = [1]\nxs += [2]\nprint(x, xs)", "9 [1, 2]\n"},
        ProgramCase{"FunctionDefaultsAndKeywords",
                    "def f(a, b=2, *args, c=3, **kw):\n    return (a, b, args, c, kw)\n"
                    "print(f(1))\nprint(f(1, 5, 6, 7, c=8, d=9))",
                    "(1, 2, (), 3, {})\n(1, 5, (6, 7), 8, {'d': 9})\n"},
        ProgramCase{"Closures",
                    "def make(n):\n    def add(x):\n        return x + n\n    return add\n"
                    "print(make(10)(5))",
                    "15\n"},
        ProgramCase{"GlobalStatement",
                    "count = 0\ndef bump():\n    global count\n    count += 1\nbump()\nbump()\n"
                    "print(count)",
                    "2\n"},
        ProgramCase{"IfElifElse",
                    "for x in [1, 2, 3]:\n    if x == 1:\n        print('one')\n"
                    "    elif x == 2:\n        print('two')\n    else:\n        print('many')",
                    "one\ntwo\nmany\n"},
        ProgramCase{"WhileBreakContinue",
                    "i = 0\nwhile True:\n    i += 1\n    if i < 3:\n        continue\n"
                    "    break\nelse:\n    print('no')\nprint(i)",
                    "3\n"},
        ProgramCase{"ForElse", "for x in []:\n    pass\nelse:\n    print('empty')", "empty\n"},
        ProgramCase{"Comprehensions",
                    "print([x * x for x in range(5) if x % 2 == 0], {k: v for k, v in [('a', 1)]})",
                    "[0, 4, 16] {'a': 1}\n"},
        ProgramCase{
            "Builtins",
            "print(sorted([3, 1, 2], reverse=True), min(4, 2), max([1, 9]), sum([1, 2.5]), abs(-3),"
            " round(2.5), round(3.14159, 2), list(enumerate('ab')), list(zip([1, 2], 'xy')))",
            "[3, 2, 1] 2 9 3.5 3 2 3.14 [(0, 'a'), (1, 'b')] [(1, 'x'), (2, 'y')]\n"},
        ProgramCase{
            "Conversions",
            "print(int('42'), int(3.9), float('1.5'), str(12), bool(''), isinstance(True, int))",
            "42 3 1.5 12 False True\n"},
        ProgramCase{
            "Dicts",
            "d = {'a': 1}\nd['b'] = 2\nprint(d.get('c', 0), list(d.items()), 'a' in d, len(d))",
            "0 [('a', 1), ('b', 2)] True 2\n"},
        ProgramCase{"Lambda",
                    "f = lambda x, y=1: x + y\nprint(f(1), list(map(lambda v: v * 2, [1, 2])))",
                    "2 [2, 4]\n"},
        ProgramCase{"ConditionalExpression", "print('yes' if 1 < 2 < 3 else 'no')", "yes\n"},
        ProgramCase{"TryExcept",
                    "try:\n    {}['x']\nexcept KeyError as e:\n    print('caught', repr(e))\n"
                    "finally:\n    print('done')",
                    "caught KeyError('x')\ndone\n"},
        ProgramCase{"RaiseAndCatch",
                    "try:\n    raise ValueError('bad')\nexcept Exception as e:\n    print(str(e))",
                    "bad\n"},
        ProgramCase{"StrFormat", "print('{} + {} = {total}'.format(1, 2, total=3))", "1 + 2 = 3\n"},
        ProgramCase{"Slices", "xs = [0, 1, 2, 3]\nprint(xs[1:3], xs[::-1], 'hello'[1:], xs[-1])",
                    "[1, 2] [3, 2, 1, 0] ello 3\n"},
        ProgramCase{"LineContinuation", "x = 1 + \\\n    2\ny = (3 +\n     4)\nprint(x, y)",
                    "3 7\n"},
        ProgramCase{"Semicolons", "a = 1; b = 2; print(a + b)", "3\n"},
        ProgramCase{
            "PercentFormatting",
            "print('Batch %d: %s rows' % (3, '12'))\n"
            "print('%5.2f|%-6s|%06d|%+d|%x|%X|%#x|%o|%e|%g|%%|%c%c' % (3.14159, 'ab', 42, 7, 255,"
            " 255, 255, 8, 12345.678, 0.0001, 65, 'z'))\n"
            "print('%(name)s is %(age)d' % {'name': 'ann', 'age': 31.9})\n"
            "print('%s' % [1, 2], '%r' % 'q', '%5s|' % 'ab', '%.2s' % 'abcdef', '%*d|' % (5, 3),"
            " '%-*d|' % (4, 3), '%s' % {'a': 1}, '%d%%' % True)",
            "Batch 3: 12 rows\n"
            " 3.14|ab    |000042|+7|ff|FF|0xff|10|1.234568e+04|0.0001|%|Az\n"
            "ann is 31\n"
            "[1, 2] 'q'    ab| ab     3| 3   | {'a': 1} 1%\n"},
        // Width and precision count characters, as Python's do, not display columns.
        ProgramCase{"PercentFormattingCountsCharacters",
                    "print('%-4s|%.2s|%5.1s|%3s|%3c|' % ('\u00e9', '\u00e9\u00e8x', "
                    "'\U0001F600\U0001F600', '\u6f22', 128512))",
                    "\u00e9   |\u00e9\u00e8|    \U0001F600|  \u6f22|  \U0001F600|\n"},
        ProgramCase{"TypeOfValues",
                    "def f():\n    pass\nprint(type(1), type('a').__name__, type(1) == int,"
                    " isinstance(2, type(1)), type(None).__name__, f.__name__, type(f))",
                    "<class 'int'> str True True NoneType f <class 'function'>\n"},
        // KeyboardInterrupt is a BaseException, not an Exception: `except Exception` lets it by.
        ProgramCase{
            "KeyboardInterruptIsNoException",
            "try:\n    try:\n        raise KeyboardInterrupt\n    except Exception:\n"
            "        print('wrong')\nexcept BaseException as e:\n    print('caught', repr(e))\n"
            "try:\n    raise KeyboardInterrupt()\nexcept:\n    print('bare')",
            "caught KeyboardInterrupt()\nbare\n"},
        // Classes: __init__, methods, attributes of the instance and of the class, a base class
        // and its method called with self, __repr__, isinstance and type(); output as CPython's.
        ProgramCase{"Classes",
                    "class Counter:\n    kind = 'counter'\n    def __init__(self, start=0):\n"
                    "        self.n = start\n    def add(self, k=1):\n        self.n += k\n"
                    "        return self\n    def __repr__(self):\n"
                    "        return 'Counter(%d)' % self.n\n"
                    "class Loud(Counter):\n    def add(self, k=1):\n        print('adding', k)\n"
                    "        return Counter.add(self, k)\n    def describe(self):\n"
                    "        return f'{type(self).__name__} {self.kind} {self.n}'\n"
                    "c = Counter(3)\nc.add().add(2)\nprint(c, c.n, c.kind, Counter.kind, str(c))\n"
                    "l = Loud()\nl.add(5)\nm = l.add\nm(1)\n"
                    "print(l.describe(), isinstance(l, Counter), isinstance(c, Loud),"
                    " isinstance(l, (int, Loud)), type(l) == Loud, Loud)",
                    "Counter(6) 6 counter counter Counter(6)\nadding 5\nadding 1\n"
                    "Loud counter 6 True False True True <class '__main__.Loud'>\n"},
        ProgramCase{
            "ClassAttributesAndScopes",
            "class Empty:\n    pass\ne = Empty()\ne.x = [1]\ne.x.append(2)\n"
            "print(e.x, hasattr(e, 'x'), hasattr(e, 'y'), getattr(e, 'y', 'none'))\n"
            "def make():\n    y = 10\n    class Inner:\n        def get(self):\n"
            "            return y\n    return Inner()\nprint(make().get())\n"
            "class Shared:\n    items = []\n    def push(self, v):\n"
            "        self.items.append(v)\na, b = Shared(), Shared()\na.push(1)\nb.push(2)\n"
            "print(a.items, Shared.items)",
            "[1, 2] True False none\n10\n[1, 2] [1, 2]\n"},
        ProgramCase{
            "ExceptionTypeName",
            "try:\n    {}['x']\nexcept Exception as e:\n    print(type(e).__name__, type(e))",
            "KeyError <class 'KeyError'>\n"},
        // The same function, called from an expression (run in one go) and by a statement of its
        // own (run on the program's stack of blocks).
        ProgramCase{"ReturnRunsFinallyInBothCalls",
                    "def f(x):\n    try:\n        if x:\n            return 'r'\n"
                    "        raise ValueError('v')\n    except ValueError:\n        return 'e'\n"
                    "    finally:\n        print('fin', x)\nprint(f(1), f(0))\na = f(1)\nb = f(0)\n"
                    "print(a, b)",
                    "fin 1\nfin 0\nr e\nfin 1\nfin 0\nr e\n"},
        ProgramCase{
            "ErrorInElseRunsFinallyInBothCalls",
            "def f():\n    try:\n        pass\n    except ValueError:\n        print('no')\n"
            "    else:\n        raise KeyError('k')\n    finally:\n        print('fin')\n"
            "for call in (lambda: [f()], f):\n    try:\n        call()\n"
            "    except KeyError:\n        print('caught')",
            "fin\ncaught\nfin\ncaught\n"}),
    [](const ::testing::TestParamInfo<ProgramCase>& info) { return std::string(info.param.name); });

struct ErrorCase {
  const char* name;
  std::string src;
  ErrorClass cls;
  std::string message;
  int line;
  int column;
};

class InterpreterErrors : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(InterpreterErrors, RaisesWithPosition) {
  const ErrorCase& c = GetParam();
  try {
    runProgram(c.src, 100000);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.errorClass(), c.cls) << e.describe();
    EXPECT_EQ(e.message(), c.message);
    EXPECT_EQ(e.line(), c.line);
    EXPECT_EQ(e.column(), c.column);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Interpreter, InterpreterErrors,
    ::testing::Values(
        ErrorCase{"UndefinedName", "x = 1\nprint(y)", ErrorClass::NameError,
                  "name 'y' is not defined", 2, 7},
        // Python's errors for '%' formatting, at the operator.
        ErrorCase{"PercentNeedsANumber", "s = '%d' % 'x'", ErrorClass::TypeError,
                  "%d format: a real number is required, not str", 1, 10},
        ErrorCase{"PercentTooFewValues", "s = '%s %s' % (1,)", ErrorClass::TypeError,
                  "not enough arguments for format string", 1, 13},
        ErrorCase{"PercentTooManyValues", "s = '%s' % (1, 2)", ErrorClass::TypeError,
                  "not all arguments converted during string formatting", 1, 10},
        ErrorCase{"PercentUnknownType", "s = '%y' % 1", ErrorClass::ValueError,
                  "unsupported format character 'y' (0x79) at index 1", 1, 10},
        ErrorCase{"PercentIncomplete", "s = 'a%' % ()", ErrorClass::ValueError, "incomplete format",
                  1, 10},
        ErrorCase{"PercentNameNeedsAMapping", "s = '%(k)s' % 1", ErrorClass::TypeError,
                  "format requires a mapping", 1, 13},
        ErrorCase{"PercentMissingKey", "s = '%(k)s' % {}", ErrorClass::KeyError, "'k'", 1, 13},
        ErrorCase{"PercentHexNeedsAnInt", "s = '%x' % 1.5", ErrorClass::TypeError,
                  "%x format: an integer is required, not float", 1, 10},
        ErrorCase{"ZeroDivision", "x = 1 / 0", ErrorClass::ZeroDivisionError, "division by zero", 1,
                  7},
        ErrorCase{"BadOperands", "x = 'a' + 1", ErrorClass::TypeError,
                  "unsupported operand type(s) for +: 'str' and 'int'", 1, 9},
        ErrorCase{"MissingArgument", "def f(a, b):\n    pass\nf(1)", ErrorClass::TypeError,
                  "f() missing 1 required positional argument: 'b'", 3, 1},
        ErrorCase{"TooManyArguments", "def f(a):\n    pass\nf(1, 2)", ErrorClass::TypeError,
                  "f() takes 1 positional argument but 2 were given", 3, 1},
        ErrorCase{"UnexpectedKeyword", "def f(a):\n    pass\nf(b=1)", ErrorClass::TypeError,
                  "f() got an unexpected keyword argument 'b'", 3, 1},
        ErrorCase{"ErrorInsideFunctionKeepsInnerPosition", "def f():\n    return undefined\nf()",
                  ErrorClass::NameError, "name 'undefined' is not defined", 2, 12},
        ErrorCase{"IndexOutOfRange", "xs = [1]\nxs[3]", ErrorClass::IndexError,
                  "list index out of range", 2, 3},
        ErrorCase{"Unpacking", "a, b = [1, 2, 3]", ErrorClass::ValueError,
                  "too many values to unpack (expected 2)", 1, 1},
        ErrorCase{"NotCallable", "x = 1\nx()", ErrorClass::TypeError,
                  "'int' object is not callable", 2, 1},
        ErrorCase{"NoAttribute", "'a'.nope", ErrorClass::AttributeError,
                  "'str' object has no attribute 'nope'", 1, 5},
        ErrorCase{"UnknownModule", "import pandas", ErrorClass::ImportError,
                  "No module named 'pandas' (Runnel provides pyspark.sql, pyspark.sql.functions, "
                  "pyspark.sql.types, "
                  "pyspark.sql.streaming, pyspark.errors and time)",
                  1, 8},
        ErrorCase{"Recursion", "def f(n):\n    return f(n + 1)\nf(0)", ErrorClass::RuntimeError,
                  "maximum recursion depth exceeded", 2, 12},
        ErrorCase{"EndlessLoopHitsTheBudget", "while True:\n    pass", ErrorClass::RuntimeError,
                  "the program ran more than 100000 steps without finishing (an endless loop?); "
                  "Runnel stops it "
                  "so the page stays responsive",
                  2, 5},
        ErrorCase{"ClassTakesNoArguments", "class A:\n    pass\nA(1)", ErrorClass::TypeError,
                  "A() takes no arguments", 3, 1},
        ErrorCase{"InitReturnsAValue", "class A:\n    def __init__(self):\n        return 1\nA()",
                  ErrorClass::TypeError, "__init__() should return None, not 'int'", 4, 1},
        ErrorCase{"NoInstanceAttribute", "class A:\n    pass\nA().x", ErrorClass::AttributeError,
                  "'A' object has no attribute 'x'", 3, 5},
        ErrorCase{"NoClassAttribute", "class A:\n    pass\nA.x", ErrorClass::AttributeError,
                  "type object 'A' has no attribute 'x'", 3, 3},
        ErrorCase{"ClassBaseNotSupported", "class MyError(ValueError):\n    pass",
                  ErrorClass::NotImplementedError,
                  "class MyError(<class 'ValueError'>): Runnel's classes derive only from the "
                  "program's own classes, StreamingQueryListener and object",
                  1, 15},
        ErrorCase{"SuperNotSupported",
                  "class A:\n    pass\nclass B(A):\n    def __init__(self):\n"
                  "        super().__init__()\nB()",
                  ErrorClass::NotImplementedError,
                  "super() is not supported by Runnel's Python subset; call the base class's "
                  "method with self: Base.__init__(self, ...)",
                  5, 9},
        ErrorCase{"HugeRepeat", "x = 'a' * 10 ** 12", ErrorClass::NotImplementedError,
                  "integers beyond 64 bits are not supported", 1, 9}),
    [](const ::testing::TestParamInfo<ErrorCase>& info) { return std::string(info.param.name); });

TEST(Interpreter, GlobalsPersistAcrossRuns) {
  std::string out;
  InterpreterOptions options;
  options.output = [&out](const std::string& text) { out += text; };
  Interpreter in(options);
  in.run("x = 41\ndef g():\n    return x + 1\n");
  in.run("print(g())");
  EXPECT_EQ(out, "42\n");
}

TEST(Interpreter, ModulesImportInEveryForm) {
  std::string out;
  InterpreterOptions options;
  options.output = [&out](const std::string& text) { out += text; };
  Interpreter in(options);
  in.addModule("pkg.sub.mod", {{"answer", Value::integer(42)}});
  in.run(
      "import pkg.sub.mod\nimport pkg.sub.mod as m\nfrom pkg.sub import mod as mm\nfrom "
      "pkg.sub.mod import *\n"
      "print(pkg.sub.mod.answer, m.answer, mm.answer, answer)");
  EXPECT_EQ(out, "42 42 42 42\n");
  EXPECT_THROW(in.run("from pkg.sub.mod import missing"), Error);
}

}  // namespace
}  // namespace runnel::pyspark
