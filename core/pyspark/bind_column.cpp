// pyspark.sql.Column: Python operators onto registry names ("==" builds "="), reflected operators
// as PySpark defines them, and the Column methods (alias, cast, isNull, isin, like, between, ...).
#include <fmt/format.h>

#include "expr/expression.h"
#include "pyspark/bindings.h"
#include "pyspark/call_args.h"

namespace runnel::pyspark {
namespace {

Error notColumnOrStr(const std::string& arg, const Value& v, SourcePosition pos) {
  return Error(ErrorClass::PySparkTypeError,
               fmt::format("[NOT_COLUMN_OR_STR] Argument `{}` should be a Column or str, got {}.",
                           arg, typeNameOf(v)),
               pos);
}

class ColumnObject final : public HostObject {
 public:
  explicit ColumnObject(Column c) : col_(std::move(c)) {}
  const char* typeName() const override { return "Column"; }
  std::string repr() const override { return col_.toString(); }
  const Column& column() const { return col_; }

  bool hasMethod(const std::string& n) const override {
    static const char* const kMethods[] = {"alias",
                                           "name",
                                           "cast",
                                           "astype",
                                           "try_cast",
                                           "isNull",
                                           "isNotNull",
                                           "isin",
                                           "like",
                                           "rlike",
                                           "contains",
                                           "startswith",
                                           "endswith",
                                           "asc",
                                           "desc",
                                           "asc_nulls_first",
                                           "asc_nulls_last",
                                           "desc_nulls_first",
                                           "desc_nulls_last",
                                           "eqNullSafe",
                                           "between",
                                           "getField",
                                           "getItem",
                                           "when",
                                           "otherwise",
                                           "substr",
                                           "over"};
    for (const char* m : kMethods) {
      if (n == m) return true;
    }
    return false;
  }

  std::optional<Value> getAttr(Interpreter&, const std::string& n, SourcePosition) override {
    // PySpark's Column.__getattr__: any other public name is a struct field (`window.start`).
    if (hasMethod(n) || n.empty() || n[0] == '_') return std::nullopt;
    return wrapColumn(col_.getField(n));
  }

  std::optional<Value> callMethod(Interpreter& in, const std::string& n, CallArgs& a) override {
    SourcePosition pos = a.pos;
    if (n == "alias" || n == "name") {
      Params p(a, "Column." + n, {}, 0, true, true);
      std::vector<std::string> names;
      for (const Value& v : p.rest())
        names.push_back(requireStr(v, "alias", pos));
      if (names.empty()) throw Error(ErrorClass::TypeError, "alias() missing alias name", pos);
      return wrapColumn(col_.alias(names));
    }
    if (n == "cast" || n == "astype" || n == "try_cast") {
      Params p(a, "Column." + n, {"dataType"}, 1);
      std::string type = typeString(*p.get(0), pos);
      return wrapColumn(n == "try_cast" ? col_.tryCast(type) : col_.cast(type));
    }
    if (n == "isNull") return wrapColumn(col_.unary("isnull"));
    if (n == "isNotNull") return wrapColumn(col_.unary("isnotnull"));
    if (n == "isin") {
      Params p(a, "Column.isin", {}, 0, true);
      std::vector<Column> values;
      for (const Value& v : flattenSingleList(p.rest()))
        values.push_back(toLiteral(v, pos));
      return wrapColumn(col_.isin(values));
    }
    if (n == "like" || n == "rlike" || n == "contains" || n == "startswith" || n == "endswith") {
      Params p(a, "Column." + n, {"other"}, 1);
      return wrapColumn(col_.method(n, {toLiteral(*p.get(0), pos)}));
    }
    if (n == "asc") return wrapColumn(col_.asc());
    if (n == "desc") return wrapColumn(col_.desc());
    if (n == "asc_nulls_first") return wrapColumn(col_.asc());
    if (n == "asc_nulls_last") return wrapColumn(col_.ascNullsLast());
    if (n == "desc_nulls_first") return wrapColumn(col_.descNullsFirst());
    if (n == "desc_nulls_last") return wrapColumn(col_.desc());
    if (n == "eqNullSafe") {
      Params p(a, "Column.eqNullSafe", {"other"}, 1);
      return wrapColumn(col_.binary("<=>", toLiteral(*p.get(0), pos)));
    }
    if (n == "between") {
      Params p(a, "Column.between", {"lowerBound", "upperBound"}, 2);
      Column lo = col_.binary(">=", toLiteral(*p.get(0), pos));
      Column hi = col_.binary("<=", toLiteral(*p.get(1), pos));
      return wrapColumn(lo.binary("and", hi));
    }
    if (n == "getField") {
      Params p(a, "Column.getField", {"name"}, 1);
      return wrapColumn(col_.getField(requireStr(*p.get(0), "name", pos)));
    }
    if (n == "getItem") {
      Params p(a, "Column.getItem", {"key"}, 1);
      if (auto v = getItem(in, *p.get(0), pos)) return v;
    }
    if (n == "when") {
      Params p(a, "Column.when", {"condition", "value"}, 2);
      const Column* cond = asColumn(*p.get(0));
      if (!cond) throw notColumnOrStr("condition", *p.get(0), pos);
      return wrapColumn(col_.when(*cond, toLiteral(*p.get(1), pos)));
    }
    if (n == "otherwise") {
      Params p(a, "Column.otherwise", {"value"}, 1);
      return wrapColumn(col_.otherwise(toLiteral(*p.get(0), pos)));
    }
    if (n == "substr") {
      Params p(a, "Column.substr", {"startPos", "length"}, 2);
      return wrapColumn(
          col_.method("substring", {toLiteral(*p.get(0), pos), toLiteral(*p.get(1), pos)}));
    }
    if (n == "over") {
      throw Error(ErrorClass::NotImplementedError,
                  "window functions (Column.over) are not supported", pos);
    }
    return std::nullopt;
  }

  std::optional<Value> binaryOp(Interpreter&, const std::string& op, const Value& other,
                                bool reflected, SourcePosition pos) override {
    if (op == "unary~") return wrapColumn(col_.unary("not"));
    if (op == "unary-") return wrapColumn(col_.unary("negative"));
    if (op == "is" || op == "is not" || op == "in" || op == "not in") return std::nullopt;
    static const std::pair<const char*, const char*> kOps[] = {
        {"+", "+"},      {"-", "-"},   {"*", "*"},   {"/", "/"}, {"%", "%"},
        {"**", "power"}, {"==", "="},  {"!=", "!="}, {"<", "<"}, {"<=", "<="},
        {">", ">"},      {">=", ">="}, {"&", "and"}, {"|", "or"}};
    std::string name;
    for (const auto& [py, spark] : kOps) {
      if (op == py) name = spark;
    }
    if (name.empty()) return std::nullopt;
    Column rhs = toLiteral(other, pos);
    if (!reflected) return wrapColumn(col_.binary(name, rhs));
    // Python asked the right operand: comparisons mirror, PySpark's _reverse_op puts the literal
    // first for - / % **, and _bin_op keeps the Column first for + * & |.
    if (name == "<" || name == ">" || name == "<=" || name == ">=") {
      std::string mirrored = name == "<" ? ">" : name == ">" ? "<" : name == "<=" ? ">=" : "<=";
      return wrapColumn(col_.binary(mirrored, rhs));
    }
    if (name == "-" || name == "/" || name == "%" || name == "power")
      return wrapColumn(rhs.binary(name, col_));
    return wrapColumn(col_.binary(name, rhs));
  }

  std::optional<Value> getItem(Interpreter&, const Value& key, SourcePosition pos) override {
    if (key.isStr()) return wrapColumn(col_.getField(key.asStr()));
    throw Error(ErrorClass::NotImplementedError,
                "Column[index] on arrays is not supported; use element_at", pos);
  }

  std::optional<bool> truthy(SourcePosition pos) const override {
    throw Error(ErrorClass::PySparkValueError,
                "[CANNOT_CONVERT_COLUMN_INTO_BOOL] Cannot convert column into bool: please use '&' "
                "for 'and', "
                "'|' for 'or', '~' for 'not' when building DataFrame boolean expressions.",
                pos);
  }

  std::optional<std::vector<Value>> iterate(SourcePosition pos) const override {
    throw Error(ErrorClass::PySparkTypeError, "[NOT_ITERABLE] Column is not iterable.", pos);
  }

 private:
  Column col_;
};

std::shared_ptr<expr::Expr> positioned(const expr::ExprPtr& e, SourcePosition pos) {
  auto copy = std::make_shared<expr::Expr>(*e);
  copy->pos = pos;
  return copy;
}

}  // namespace

Value wrapColumn(Column c) {
  return host<ColumnObject>(std::move(c));
}

const Column* asColumn(const Value& v) {
  auto* c = v.as<ColumnObject>();
  return c ? &c->column() : nullptr;
}

Column columnByName(const std::string& name, SourcePosition pos) {
  if (name == "*") return Column(positioned(expr::star(), pos));
  if (name.size() > 2 && name.compare(name.size() - 2, 2, ".*") == 0) {
    return Column(positioned(expr::star(name.substr(0, name.size() - 2)), pos));
  }
  return Column(expr::col(name, pos));
}

Column toColumn(const Value& v, SourcePosition pos, const std::string& arg) {
  if (const Column* c = asColumn(v)) return *c;
  if (v.isStr()) return columnByName(v.asStr(), pos);
  throw notColumnOrStr(arg, v, pos);
}

Column toLiteral(const Value& v, SourcePosition pos) {
  if (const Column* c = asColumn(v)) return *c;
  switch (v.type()) {
    case ValueType::None:
      return Column(positioned(expr::lit(types::Value::null()), pos));
    case ValueType::Bool:
      return Column(positioned(expr::lit(types::Value::boolean(v.asBool())), pos));
    case ValueType::Int: {
      int64_t i = v.asInt();
      types::Value lit = i >= INT32_MIN && i <= INT32_MAX
                             ? types::Value::int32(static_cast<int32_t>(i))
                             : types::Value::int64(i);
      return Column(positioned(expr::lit(lit), pos));
    }
    case ValueType::Float:
      return Column(positioned(expr::lit(types::Value::float64(v.asFloat())), pos));
    case ValueType::Str:
      return Column(positioned(expr::lit(types::Value::string(v.asStr())), pos));
    case ValueType::List:
    case ValueType::Tuple: {
      std::vector<expr::ExprPtr> items;
      for (const Value& item : v.items())
        items.push_back(toLiteral(item, pos).expr());
      return Column(expr::call("array", std::move(items), pos));
    }
    default:
      throw Error(ErrorClass::PySparkTypeError,
                  fmt::format("[UNSUPPORTED_LITERAL] Unsupported Literal '{}'.", reprOf(v)), pos);
  }
}

std::vector<Column> toColumns(const std::vector<Value>& values, SourcePosition pos) {
  std::vector<Column> out;
  for (const Value& v : flattenSingleList(values))
    out.push_back(toColumn(v, pos));
  return out;
}

}  // namespace runnel::pyspark
