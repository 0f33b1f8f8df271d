// Python exceptions: classes, matching (PySparkValueError is a ValueError, ParseException an
// AnalysisException, ...), `try/except/else/finally` and `raise`.
#include "pyspark/exceptions.h"

#include <fmt/format.h>

#include "pyspark/call_args.h"
#include "pyspark/interpreter.h"

namespace runnel::pyspark {
namespace {

struct ClassInfo {
  const char* name;
  ErrorClass cls;
};

// Names a program can raise; the rest are catch-only groupings (Exception, ArithmeticError, ...).
constexpr ClassInfo kRaisable[] = {
    {"ValueError", ErrorClass::ValueError},
    {"TypeError", ErrorClass::TypeError},
    {"KeyError", ErrorClass::KeyError},
    {"IndexError", ErrorClass::IndexError},
    {"RuntimeError", ErrorClass::RuntimeError},
    {"NotImplementedError", ErrorClass::NotImplementedError},
    {"AttributeError", ErrorClass::AttributeError},
    {"NameError", ErrorClass::NameError},
    {"ZeroDivisionError", ErrorClass::ZeroDivisionError},
    {"ImportError", ErrorClass::ImportError},
    {"Exception", ErrorClass::RuntimeError},
    {"AssertionError", ErrorClass::RuntimeError},
};

bool isPySparkCaptured(ErrorClass cls) {
  switch (cls) {
    case ErrorClass::ParseException:
    case ErrorClass::AnalysisException:
    case ErrorClass::StreamingQueryException:
    case ErrorClass::UnsupportedOperationException:
    case ErrorClass::IllegalArgumentException:
    case ErrorClass::NumberFormatException:
    case ErrorClass::ArithmeticException:
    case ErrorClass::DateTimeException:
      return true;
    default:
      return false;
  }
}

}  // namespace

std::string ExceptionValue::repr() const {
  // A KeyError's message is already its key's repr, as Python's str(KeyError('k')) is "'k'".
  if (error_.errorClass() == ErrorClass::KeyError)
    return fmt::format("{}({})", error_.className(), error_.message());
  if (error_.message().empty()) return fmt::format("{}()", error_.className());
  return fmt::format("{}({})", error_.className(), quoteString(error_.message()));
}

std::optional<Value> ExceptionValue::getAttr(Interpreter&, const std::string& name,
                                             SourcePosition) {
  if (name == "args") return Value::tuple({Value::str(error_.message())});
  if (name == "desc" || name == "message") return Value::str(error_.message());
  return std::nullopt;
}

bool exceptionMatches(ErrorClass cls, const std::string& name) {
  if (cls == ErrorClass::InternalError)
    return false;  // a Runnel bug must surface, not be swallowed
  std::string own = errorClassName(cls);
  if (name == own || name == "BaseException") return true;
  // KeyboardInterrupt is a BaseException only: `except Exception` lets Ctrl-C through, as Python's.
  if (name == "Exception") return cls != ErrorClass::KeyboardInterrupt;
  if (name == "PySparkException" || name == "CapturedException") {
    return isPySparkCaptured(cls) || cls == ErrorClass::PySparkValueError ||
           cls == ErrorClass::PySparkTypeError;
  }
  if (name == "AnalysisException") return cls == ErrorClass::ParseException;
  if (name == "ValueError") return cls == ErrorClass::PySparkValueError;
  if (name == "TypeError") return cls == ErrorClass::PySparkTypeError;
  if (name == "LookupError") return cls == ErrorClass::KeyError || cls == ErrorClass::IndexError;
  if (name == "ArithmeticError") return cls == ErrorClass::ZeroDivisionError;
  if (name == "ModuleNotFoundError") return cls == ErrorClass::ImportError;
  if (name == "SparkRuntimeException" || name == "Py4JJavaError") return isPySparkCaptured(cls);
  return false;
}

Value exceptionClass(const std::string& name) {
  ErrorClass cls = ErrorClass::RuntimeError;
  for (const ClassInfo& info : kRaisable) {
    if (name == info.name) cls = info.cls;
  }
  for (int c = 0; c <= static_cast<int>(ErrorClass::RuntimeError); ++c) {
    if (name == errorClassName(static_cast<ErrorClass>(c))) cls = static_cast<ErrorClass>(c);
  }
  return Value::builtin(name, [cls](Interpreter&, CallArgs& a) {
    Params p(a, errorClassName(cls), {"message"}, 0, true);
    std::string message =
        !p.get(0) ? "" : (cls == ErrorClass::KeyError ? reprOf(*p.get(0)) : strOf(*p.get(0)));
    return Value::object(ValueType::Host,
                         std::make_shared<ExceptionValue>(Error(cls, message, a.pos)));
  });
}

void installExceptionClasses(std::unordered_map<std::string, Value>& builtins) {
  for (const char* name :
       {"Exception", "BaseException", "ValueError", "TypeError", "KeyError", "IndexError",
        "RuntimeError", "NotImplementedError", "AttributeError", "NameError", "ZeroDivisionError",
        "ImportError", "ModuleNotFoundError", "LookupError", "ArithmeticError", "AssertionError",
        "SyntaxError", "KeyboardInterrupt"}) {
    builtins[name] = exceptionClass(name);
  }
}

// Whether an `except` clause takes `error` (its classes are evaluated now, as Python does); if it
// does, its `as` name is bound to the exception.
bool Interpreter::handles(const ExceptHandler& h, const Error& error, Frame& f) {
  bool match = !h.type && error.errorClass() != ErrorClass::InternalError;
  if (h.type) {
    Value t = eval(*h.type, f);
    std::vector<Value> classes = t.type() == ValueType::Tuple ? t.items() : std::vector<Value>{t};
    for (const Value& c : classes) {
      if (c.type() != ValueType::Builtin) {
        throw Error(ErrorClass::TypeError,
                    "catching classes that do not inherit from BaseException is not allowed",
                    h.pos);
      }
      match = match || exceptionMatches(error.errorClass(), c.as<BuiltinObject>()->name);
    }
  }
  if (match && !h.name.empty()) {
    store(h.name, Value::object(ValueType::Host, std::make_shared<ExceptionValue>(error)), f);
  }
  return match;
}

// A try statement run in one go, inside a function called from an expression (the program's own
// blocks run theirs on the stack of top_level.cpp).
Interpreter::Flow Interpreter::execTry(const Stmt& s, Frame& f) {
  Flow flow = Flow::Normal;
  auto runFinally = [&]() {
    Flow fin = execBlock(s.finalbody, f);
    if (fin != Flow::Normal) flow = fin;
  };
  try {
    bool handled = false;
    try {
      flow = execBlock(s.body, f);
    } catch (const Error& e) {
      const ExceptHandler* taken = nullptr;
      for (const ExceptHandler& h : s.handlers) {
        if (handles(h, e, f)) {
          taken = &h;
          break;
        }
      }
      if (!taken) throw;
      flow = execBlock(taken->body, f);
      handled = true;
    }
    if (!handled && flow == Flow::Normal) flow = execBlock(s.orelse, f);
  } catch (const Error&) {
    runFinally();
    throw;
  }
  runFinally();
  return flow;
}

}  // namespace runnel::pyspark
