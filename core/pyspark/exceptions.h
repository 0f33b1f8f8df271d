// Python exceptions over runnel::Error: the exception classes a program can name (ValueError,
// AnalysisException, ...), `except` matching along Python's and PySpark's class hierarchy, and the
// value an `except ... as e` binds.
#pragma once

#include <string>
#include <unordered_map>

#include "pyspark/value.h"

namespace runnel::pyspark {

class ExceptionValue final : public HostObject {
 public:
  explicit ExceptionValue(Error error) : error_(std::move(error)) {}
  const char* typeName() const override { return error_.className(); }
  std::string repr() const override;
  std::string str() const override { return error_.message(); }
  std::optional<Value> getAttr(Interpreter& in, const std::string& name,
                               SourcePosition pos) override;
  const Error& error() const { return error_; }

 private:
  Error error_;
};

// True when an error of class `cls` is caught by `except <class_name>`.
bool exceptionMatches(ErrorClass cls, const std::string& class_name);
// The builtin value for an exception class (calling it builds an ExceptionValue).
Value exceptionClass(const std::string& name);
void installExceptionClasses(std::unordered_map<std::string, Value>& builtins);

}  // namespace runnel::pyspark
