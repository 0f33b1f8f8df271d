// Value: a Python object of the subset (None, bool, int, float, str, list, tuple, dict, functions,
// modules) or a host object wrapping the PySpark API (DataFrame, Column, ...). Scalars are held
// inline; everything else is shared, as Python references are.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "pyspark/ast.h"
#include "runnel/error.h"

namespace runnel::pyspark {

class Interpreter;
struct Scope;
class Value;

enum class ValueType {
  None,
  Bool,
  Int,
  Float,
  Str,
  List,
  Tuple,
  Dict,
  Function,
  Builtin,
  Module,
  Host
};

struct Object {
  virtual ~Object() = default;
};

// The arguments of one call, as Python passes them, plus where the call is.
struct CallArgs {
  std::vector<Value> positional;
  std::vector<std::pair<std::string, Value>> keywords;
  SourcePosition pos;
  // The call is a statement of its own at the program's top level (`time.sleep(5)`,
  // `done = q.awaitTermination(10)`): it may suspend the program (Interpreter::wait).
  bool may_wait = false;
};

using BuiltinFn = std::function<Value(Interpreter&, CallArgs&)>;

class Value {
 public:
  Value() = default;
  static Value boolean(bool b);
  static Value integer(int64_t i);
  static Value floating(double d);
  static Value str(std::string s);
  static Value list(std::vector<Value> items = {});
  static Value tuple(std::vector<Value> items = {});
  static Value dict();
  static Value builtin(std::string name, BuiltinFn fn);
  static Value object(ValueType type, std::shared_ptr<Object> obj);

  ValueType type() const { return type_; }
  bool isNone() const { return type_ == ValueType::None; }
  bool isStr() const { return type_ == ValueType::Str; }
  bool isInt() const { return type_ == ValueType::Int; }
  bool isNumber() const {
    return type_ == ValueType::Int || type_ == ValueType::Float || type_ == ValueType::Bool;
  }
  bool isSequence() const { return type_ == ValueType::List || type_ == ValueType::Tuple; }

  bool asBool() const { return b_; }
  int64_t asInt() const { return type_ == ValueType::Bool ? (b_ ? 1 : 0) : i_; }  // Int or Bool
  double asFloat() const;  // Int, Bool or Float
  const std::string& asStr() const;
  std::vector<Value>& items() const;  // List or Tuple
  struct DictObject& asDict() const;
  const std::shared_ptr<Object>& obj() const { return obj_; }
  template <class T>
  T* as() const {
    return dynamic_cast<T*>(obj_.get());
  }

 private:
  ValueType type_ = ValueType::None;
  union {
    bool b_;
    int64_t i_ = 0;
    double d_;
  };
  std::shared_ptr<Object> obj_;
};

struct StrObject final : Object {
  explicit StrObject(std::string v) : s(std::move(v)) {}
  std::string s;
};

struct SequenceObject final : Object {
  std::vector<Value> items;
};

// Insertion-ordered, as Python dicts are; dicts in PySpark programs are small, so lookup is linear.
struct DictObject final : Object {
  std::vector<std::pair<Value, Value>> entries;
  const Value* find(const Value& key) const;
  void set(const Value& key, Value value);
  bool erase(const Value& key);
};

struct FunctionObject final : Object {
  std::shared_ptr<const FunctionDef> def;
  std::vector<std::optional<Value>> defaults;  // one per parameter, evaluated when `def` ran
  std::shared_ptr<Scope> closure;              // the scope the function was defined in
};

struct BuiltinObject final : Object {
  std::string name;
  BuiltinFn fn;
};

struct ModuleObject final : Object {
  std::string name;
  std::vector<std::pair<std::string, Value>> attrs;  // ordered, for `from m import *`
  const Value* find(const std::string& attr) const;
  void set(const std::string& attr, Value value);
};

// A PySpark API object. Subclasses answer attribute reads and method calls by name.
class HostObject : public Object {
 public:
  virtual const char* typeName() const = 0;  // Python's class name: "DataFrame", "Column", ...
  virtual std::string repr() const;
  virtual std::string str() const { return repr(); }
  // A property (`df.columns`, `query.status`); nullopt when `name` is not one.
  virtual std::optional<Value> getAttr(Interpreter& in, const std::string& name,
                                       SourcePosition pos);
  // A method call (`df.select(...)`); nullopt when there is no such method.
  virtual std::optional<Value> callMethod(Interpreter& in, const std::string& name, CallArgs& args);
  virtual bool hasMethod(const std::string& name) const;
  // `obj.name = value`; false when the object takes no attributes.
  virtual bool setAttr(const std::string& name, const Value& value);
  // `obj(...)`, as calling a class makes an instance; nullopt when the object is not callable.
  virtual std::optional<Value> callObject(Interpreter& in, CallArgs& args);
  // Operators (Column arithmetic, comparisons, `~`); nullopt when unsupported.
  virtual std::optional<Value> binaryOp(Interpreter& in, const std::string& op, const Value& other,
                                        bool reflected, SourcePosition pos);
  virtual std::optional<Value> unaryOp(Interpreter& in, const std::string& op, SourcePosition pos);
  virtual std::optional<Value> getItem(Interpreter& in, const Value& key, SourcePosition pos);
  virtual std::optional<bool> truthy(SourcePosition pos) const;  // nullopt: always true
  virtual std::optional<std::vector<Value>> iterate(SourcePosition pos) const;
};

// Python's str() and repr().
std::string reprOf(const Value& v);
std::string strOf(const Value& v);
std::string floatRepr(double d);
std::string quoteString(const std::string& s);
// Python's type(v).__name__.
std::string typeNameOf(const Value& v);
bool valuesEqual(const Value& a, const Value& b);
bool isHashable(const Value& v);

}  // namespace runnel::pyspark
