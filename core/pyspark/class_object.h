// Classes a program defines (`class Writer: def process(self, row): ...`) and their instances, as
// host objects: a class is called to make an instance, an instance keeps its own attributes
// (`self.count = 0`) and finds its methods in its class and the class's bases.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "pyspark/value.h"

namespace runnel::pyspark {

class Interpreter;

class ClassObject final : public HostObject, public std::enable_shared_from_this<ClassObject> {
 public:
  ClassObject(std::string name, std::vector<std::shared_ptr<ClassObject>> bases)
      : name_(std::move(name)), bases_(std::move(bases)) {}

  const std::string& name() const { return name_; }
  // The class's own attribute, else its bases' (depth first, left to right); null if none has it.
  const Value* find(const std::string& attr) const;
  bool derivesFrom(const ClassObject& other) const;
  void set(const std::string& attr, Value value);

  const char* typeName() const override { return "type"; }
  std::string repr() const override;
  std::optional<Value> getAttr(Interpreter& in, const std::string& name,
                               SourcePosition pos) override;
  std::optional<Value> callMethod(Interpreter& in, const std::string& name,
                                  CallArgs& args) override;
  bool hasMethod(const std::string& name) const override;
  bool setAttr(const std::string& name, const Value& value) override;
  std::optional<Value> callObject(Interpreter& in, CallArgs& args) override;

 private:
  std::string name_;
  std::vector<std::shared_ptr<ClassObject>> bases_;
  std::vector<std::pair<std::string, Value>> attrs_;  // in definition order
};

class InstanceObject final : public HostObject,
                             public std::enable_shared_from_this<InstanceObject> {
 public:
  // `in` runs the class's __repr__ and __str__; it outlives the program's objects.
  InstanceObject(std::shared_ptr<ClassObject> cls, Interpreter& in)
      : cls_(std::move(cls)), in_(&in) {}

  const std::shared_ptr<ClassObject>& cls() const { return cls_; }
  // The attribute as Python reads it: the instance's own, else the class's (a function there is
  // a method, bound to this instance); nullopt if neither has it.
  std::optional<Value> lookup(const std::string& name);

  const char* typeName() const override { return cls_->name().c_str(); }
  std::string repr() const override;
  std::string str() const override;
  std::optional<Value> getAttr(Interpreter& in, const std::string& name,
                               SourcePosition pos) override;
  std::optional<Value> callMethod(Interpreter& in, const std::string& name,
                                  CallArgs& args) override;
  bool hasMethod(const std::string& name) const override;
  bool setAttr(const std::string& name, const Value& value) override;

 private:
  std::optional<std::string> special(const char* method) const;  // __repr__, __str__

  std::shared_ptr<ClassObject> cls_;
  Interpreter* in_;
  std::vector<std::pair<std::string, Value>> attrs_;
};

}  // namespace runnel::pyspark
