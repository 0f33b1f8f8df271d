// runnel::Error: names of the error classes and the CLI's one-line rendering.
#include "runnel/error.h"

#include <fmt/format.h>

namespace runnel {

const char* errorClassName(ErrorClass cls) {
  switch (cls) {
    case ErrorClass::ParseException:
      return "ParseException";
    case ErrorClass::AnalysisException:
      return "AnalysisException";
    case ErrorClass::StreamingQueryException:
      return "StreamingQueryException";
    case ErrorClass::UnsupportedOperationException:
      return "UnsupportedOperationException";
    case ErrorClass::IllegalArgumentException:
      return "IllegalArgumentException";
    case ErrorClass::NumberFormatException:
      return "NumberFormatException";
    case ErrorClass::ArithmeticException:
      return "ArithmeticException";
    case ErrorClass::DateTimeException:
      return "DateTimeException";
    case ErrorClass::SparkException:
      return "SparkException";
    case ErrorClass::PySparkValueError:
      return "PySparkValueError";
    case ErrorClass::PySparkTypeError:
      return "PySparkTypeError";
    case ErrorClass::SyntaxError:
      return "SyntaxError";
    case ErrorClass::NameError:
      return "NameError";
    case ErrorClass::TypeError:
      return "TypeError";
    case ErrorClass::AttributeError:
      return "AttributeError";
    case ErrorClass::ValueError:
      return "ValueError";
    case ErrorClass::NotImplementedError:
      return "NotImplementedError";
    case ErrorClass::ImportError:
      return "ImportError";
    case ErrorClass::KeyError:
      return "KeyError";
    case ErrorClass::IndexError:
      return "IndexError";
    case ErrorClass::ZeroDivisionError:
      return "ZeroDivisionError";
    case ErrorClass::KeyboardInterrupt:
      return "KeyboardInterrupt";
    case ErrorClass::RuntimeError:
      return "RuntimeError";
    case ErrorClass::InternalError:
      return "InternalError";
  }
  return "InternalError";
}

Error::Error(ErrorClass cls, std::string message, SourcePosition pos)
    : cls_(cls), message_(std::move(message)), pos_(pos) {}

Error& Error::withPosition(SourcePosition pos) {
  if (!hasPosition()) pos_ = pos;
  return *this;
}

std::string Error::describe() const {
  if (!hasPosition()) return fmt::format("{}: {}", className(), message_);
  return fmt::format("{}: {} (line {}, column {})", className(), message_, pos_.line, pos_.column);
}

void throwInternalError(const char* condition, const char* why, const char* file, int line) {
  throw Error(ErrorClass::InternalError,
              fmt::format("internal error: {} ({}) at {}:{}", why, condition, file, line));
}

}  // namespace runnel
