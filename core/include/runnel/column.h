// Column: PySpark's Column, a handle on an unresolved expression (pyspark.sql.column.Column).
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace runnel {
namespace expr {
struct Expr;
}

class Column {
 public:
  Column() = default;
  explicit Column(std::shared_ptr<const expr::Expr> e) : expr_(std::move(e)) {}
  const std::shared_ptr<const expr::Expr>& expr() const { return expr_; }
  bool valid() const { return expr_ != nullptr; }

  Column alias(const std::string& name) const;
  Column alias(const std::vector<std::string>& names) const;
  Column cast(const std::string& type) const;  // a DDL type string ("int", "array<string>")
  Column tryCast(const std::string& type) const;

  // A binary or unary operator / function by its registry name ("+", "=", "and", "not",
  // "isnull"...).
  Column binary(const std::string& op, const Column& other) const;
  Column unary(const std::string& op) const;
  Column method(const std::string& function, const std::vector<Column>& args) const;

  Column isin(const std::vector<Column>& values) const;
  Column getField(const std::string& name) const;
  Column asc() const;
  Column desc() const;
  Column ascNullsLast() const;
  Column descNullsFirst() const;
  Column when(const Column& condition, const Column& value) const;  // on a CASE WHEN column
  Column otherwise(const Column& value) const;

  std::string prettyName() const;  // "(value + 1)"
  std::string toString() const;    // "Column<'(value + 1)'>" as PySpark's repr

 private:
  std::shared_ptr<const expr::Expr> expr_;
};

// pyspark.sql.functions essentials; every other function goes through call().
namespace functions {
Column col(const std::string& name);
Column litInt(int64_t v);  // int when it fits, bigint otherwise (as Python ints become literals)
Column litDouble(double v);
Column litString(const std::string& v);
Column litBool(bool v);
Column litNull();
Column expr(const std::string& sql);  // SQL expression text
Column call(const std::string& function, const std::vector<Column>& args);
Column when(const Column& condition, const Column& value);
Column countDistinct(const std::vector<Column>& args);
}  // namespace functions

}  // namespace runnel
