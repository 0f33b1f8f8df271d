// runnel::Error: the one error type. It carries Spark's error category (the exception class a
// PySpark user sees), Spark's message text, and where in the user's code it happened (1-based, 0 =
// unknown).
#pragma once

#include <exception>
#include <string>

namespace runnel {

enum class ErrorClass {
  ParseException,
  AnalysisException,
  StreamingQueryException,
  UnsupportedOperationException,
  IllegalArgumentException,
  NumberFormatException,
  ArithmeticException,  // SparkArithmeticException (ANSI overflow, division by zero)
  DateTimeException,    // SparkDateTimeException
  SparkException,       // a failed job (FAILFAST reads, invalid reader flags)
  PySparkValueError,    // PySpark's own argument checks ([ONLY_ALLOW_SINGLE_TRIGGER] ...)
  PySparkTypeError,
  SyntaxError,  // Python-level errors from the PySpark front end
  NameError,
  TypeError,
  AttributeError,
  ValueError,
  NotImplementedError,  // valid Python/PySpark that Runnel's subset does not cover
  ImportError,          // Python: unknown module or name (ModuleNotFoundError is one)
  KeyError,             // Python: missing dict key
  IndexError,           // Python: sequence index out of range
  ZeroDivisionError,    // Python: int/float division by zero
  KeyboardInterrupt,    // Python: Ctrl-C (or Stop) while the program waits
  RuntimeError,         // Python: recursion depth, the step budget of a run
  InternalError,
};

const char* errorClassName(ErrorClass cls);

struct SourcePosition {
  int line = 0;    // 1-based; 0 when unknown
  int column = 0;  // 1-based; 0 when unknown
};

class Error : public std::exception {
 public:
  Error(ErrorClass cls, std::string message, SourcePosition pos = {});

  ErrorClass errorClass() const { return cls_; }
  const char* className() const { return errorClassName(cls_); }
  const std::string& message() const { return message_; }
  const SourcePosition& position() const { return pos_; }
  int line() const { return pos_.line; }
  int column() const { return pos_.column; }
  bool hasPosition() const { return pos_.line > 0; }

  // Fills in a position if the error has none yet (the innermost position wins).
  Error& withPosition(SourcePosition pos);

  // "AnalysisException: <message> (line L, column C)" as the CLI prints it.
  std::string describe() const;
  const char* what() const noexcept override { return message_.c_str(); }

 private:
  ErrorClass cls_;
  std::string message_;
  SourcePosition pos_;
};

[[noreturn]] void throwInternalError(const char* condition, const char* why, const char* file,
                                     int line);

}  // namespace runnel

// A programmer error: throws InternalError (never aborts, the browser must survive it).
#define RUNNEL_ASSERT(cond, why)                                               \
  do {                                                                         \
    if (!(cond)) ::runnel::throwInternalError(#cond, why, __FILE__, __LINE__); \
  } while (0)
