// Predicates (Spark's predicates.scala: EqualTo, EqualNullSafe, LessThan..., And, Or, Not, IsNull,
// IsNotNull, In) and LIKE (regexpExpressions.scala Like): three-valued logic, ANSI comparison
// coercion.
#include <fmt/format.h>

#include "expr/functions/simple_function.h"
#include "expr/type_coercion.h"

namespace runnel::expr {

using types::Column;
using types::ColumnPtr;
using types::DataTypePtr;
using types::TypeId;

namespace {

enum class Cmp { Eq, EqNullSafe, Ne, Lt, Le, Gt, Ge };

// SQLOrderingUtil.compareDoubles: NaN equals NaN and sorts above everything; -0.0 equals 0.0.
int compareDoubles(double a, double b) {
  bool an = a != a, bn = b != b;
  if (an || bn) return an == bn ? 0 : (an ? 1 : -1);
  return a < b ? -1 : (a > b ? 1 : 0);
}

int compareValues(const types::Value& a, const types::Value& b) {
  if (a.is_null || b.is_null) return a.is_null == b.is_null ? 0 : (a.is_null ? -1 : 1);
  switch (a.type->id) {
    case TypeId::Double:
      return compareDoubles(a.d, b.d);
    case TypeId::String:
      return a.s.compare(b.s) < 0 ? -1 : (a.s == b.s ? 0 : 1);
    case TypeId::Array:
    case TypeId::Struct:
      for (size_t i = 0; i < a.children.size() && i < b.children.size(); ++i) {
        int c = compareValues(a.children[i], b.children[i]);
        if (c != 0) return c;
      }
      return a.children.size() < b.children.size() ? -1 : (a.children.size() > b.children.size());
    default:
      return a.i < b.i ? -1 : (a.i > b.i ? 1 : 0);
  }
}

// Compares row `r` of two columns of the same type.
int compareAt(const Column& a, const Column& b, size_t r) {
  switch (a.type->id) {
    case TypeId::Double:
      return compareDoubles(a.doubles[r], b.doubles[r]);
    case TypeId::String: {
      int c = a.stringAt(r).compare(b.stringAt(r));
      return c < 0 ? -1 : (c > 0);
    }
    case TypeId::Array:
    case TypeId::Struct:
      return compareValues(a.valueAt(r), b.valueAt(r));
    case TypeId::Null:
      return 0;
    default:
      return a.ints[r] < b.ints[r] ? -1 : (a.ints[r] > b.ints[r]);
  }
}

bool holds(Cmp op, int c) {
  switch (op) {
    case Cmp::Eq:
    case Cmp::EqNullSafe:
      return c == 0;
    case Cmp::Ne:
      return c != 0;
    case Cmp::Lt:
      return c < 0;
    case Cmp::Le:
      return c <= 0;
    case Cmp::Gt:
      return c > 0;
    case Cmp::Ge:
      return c >= 0;
  }
  return false;
}

ScalarKernel compareKernel(Cmp op) {
  return [op](const Expr&, const std::vector<ColumnPtr>& args, size_t rows,
              const EvalContext&) -> ColumnPtr {
    const Column& a = *args[0];
    const Column& b = *args[1];
    if (op == Cmp::EqNullSafe) {
      auto out = makeFixed(types::booleanType(), rows, {});
      bool a_void = a.type->id == TypeId::Null, b_void = b.type->id == TypeId::Null;
      for (size_t r = 0; r < rows; ++r) {
        bool an = a_void || a.isNull(r), bn = b_void || b.isNull(r);
        out->ints[r] = (an || bn) ? (an && bn) : compareAt(a, b, r) == 0;
      }
      return out;
    }
    auto out = makeFixed(types::booleanType(), rows, unionNulls({&a, &b}, rows));
    if (a.type->id == TypeId::Null || b.type->id == TypeId::Null) return out;
    if (a.type->id == TypeId::String) {
      for (size_t r = 0; r < rows; ++r) {
        if (isNullIn(out->nulls, r)) continue;
        std::string_view x = a.stringAt(r), y = b.stringAt(r);
        out->ints[r] = (op == Cmp::Eq || op == Cmp::Ne) ? ((x == y) == (op == Cmp::Eq))
                                                        : holds(op, x.compare(y));
      }
    } else if (a.type->isIntStorage()) {
      for (size_t r = 0; r < rows; ++r) {
        int64_t x = a.ints[r], y = b.ints[r];
        out->ints[r] = holds(op, x < y ? -1 : (x > y));
      }
    } else {
      for (size_t r = 0; r < rows; ++r) {
        if (!isNullIn(out->nulls, r)) out->ints[r] = holds(op, compareAt(a, b, r));
      }
    }
    return out;
  };
}

DataTypePtr comparisonType(const Expr& call, std::vector<DataTypePtr>& t) {
  DataTypePtr wider = findWiderType(t[0], t[1]);
  if (!wider) {
    throwDataTypeMismatch(call, "BINARY_OP_DIFF_TYPES",
                          fmt::format("the left and right operands of the binary operator have "
                                      "incompatible types ({} and {}).",
                                      toSQLType(*t[0]), toSQLType(*t[1])));
  }
  t[0] = t[1] = wider;
  return types::booleanType();
}

// And / Or with SQL's three-valued logic.
ScalarKernel logicKernel(bool is_and) {
  return [is_and](const Expr&, const std::vector<ColumnPtr>& args, size_t rows,
                  const EvalContext&) -> ColumnPtr {
    const Column& a = *args[0];
    const Column& b = *args[1];
    auto out = makeFixed(types::booleanType(), rows, {});
    bool a_void = a.type->id == TypeId::Null, b_void = b.type->id == TypeId::Null;
    for (size_t r = 0; r < rows; ++r) {
      bool an = a_void || a.isNull(r), bn = b_void || b.isNull(r);
      bool av = !an && a.ints[r] != 0, bv = !bn && b.ints[r] != 0;
      // The dominant value (false for AND, true for OR) wins over null.
      bool dominant = !is_and;
      if ((!an && av == dominant) || (!bn && bv == dominant)) {
        out->ints[r] = dominant;
      } else if (an || bn) {
        setNull(*out, r);
      } else {
        out->ints[r] = !dominant;
      }
    }
    return out;
  };
}

ColumnPtr notKernel(const Expr&, const std::vector<ColumnPtr>& args, size_t rows,
                    const EvalContext&) {
  const Column& a = *args[0];
  auto out = makeFixed(types::booleanType(), rows, unionNulls({&a}, rows));
  for (size_t r = 0; r < rows; ++r)
    out->ints[r] = isNullIn(out->nulls, r) ? 0 : !a.ints[r];
  return out;
}

ScalarKernel nullTestKernel(bool want_null) {
  return [want_null](const Expr&, const std::vector<ColumnPtr>& args, size_t rows,
                     const EvalContext&) -> ColumnPtr {
    const Column& a = *args[0];
    auto out = makeFixed(types::booleanType(), rows, {});
    bool is_void = a.type->id == TypeId::Null;
    for (size_t r = 0; r < rows; ++r)
      out->ints[r] = (is_void || a.isNull(r)) == want_null;
    return out;
  };
}

// In: true if any list value equals; otherwise null if the value or any list entry is null.
ColumnPtr inKernel(const Expr&, const std::vector<ColumnPtr>& args, size_t rows,
                   const EvalContext&) {
  const Column& v = *args[0];
  auto out = makeFixed(types::booleanType(), rows, unionNulls({&v}, rows));
  for (size_t r = 0; r < rows; ++r) {
    if (isNullIn(out->nulls, r)) continue;
    bool saw_null = false, found = false;
    for (size_t i = 1; i < args.size() && !found; ++i) {
      const Column& c = *args[i];
      if (c.type->id == TypeId::Null || c.isNull(r))
        saw_null = true;
      else
        found = compareAt(v, c, r) == 0;
    }
    if (found)
      out->ints[r] = 1;
    else if (saw_null)
      setNull(*out, r);
  }
  return out;
}

DataTypePtr inType(const Expr& call, std::vector<DataTypePtr>& t) {
  DataTypePtr wider = types::nullType();
  for (const auto& x : t) {
    DataTypePtr next = findWiderType(wider, x);
    if (!next) {
      std::string list;
      for (const auto& y : t)
        list += (list.empty() ? "" : ", ") + toSQLType(*y);
      throwDataTypeMismatch(
          call, "DATA_DIFF_TYPES",
          fmt::format("Input to `in` should all be the same type, but it's [{}].", list));
    }
    wider = next;
  }
  for (auto& x : t)
    x = wider;
  return types::booleanType();
}

DataTypePtr booleanArgs(const Expr& call, std::vector<DataTypePtr>& t) {
  expectInputTypes(call, t, {InputType::Boolean});
  return types::booleanType();
}

void add(FunctionRegistry& r, std::string name, int args, TypeRule rule, ScalarKernel eval,
         NameRule pretty, bool nullable_result) {
  FunctionDef d;
  d.name = std::move(name);
  d.min_args = args < 0 ? 1 : args;
  d.max_args = args;
  d.result_type = std::move(rule);
  d.eval = std::move(eval);
  d.pretty_name = std::move(pretty);
  d.nullable_result = nullable_result;
  r.add(std::move(d));
}

NameRule infix(std::string op) {
  return [op](const Expr&, const std::vector<std::string>& a) {
    return "(" + a[0] + " " + op + " " + a[1] + ")";
  };
}

}  // namespace

void registerPredicateFunctions(FunctionRegistry& r) {
  const std::pair<const char*, Cmp> comparisons[] = {{"=", Cmp::Eq}, {"<=>", Cmp::EqNullSafe},
                                                     {"<", Cmp::Lt}, {"<=", Cmp::Le},
                                                     {">", Cmp::Gt}, {">=", Cmp::Ge}};
  for (const auto& [name, op] : comparisons) {
    add(r, name, 2, comparisonType, compareKernel(op), infix(name), false);
  }
  // Column.!== / `a != b` is Not(EqualTo(a, b)) in Spark.
  add(
      r, "!=", 2, comparisonType, compareKernel(Cmp::Ne),
      [](const Expr&, const std::vector<std::string>& a) {
        return "(NOT (" + a[0] + " = " + a[1] + "))";
      },
      false);
  add(r, "and", 2, booleanArgs, logicKernel(true), infix("AND"), false);
  add(r, "or", 2, booleanArgs, logicKernel(false), infix("OR"), false);
  add(
      r, "not", 1, booleanArgs, notKernel,
      [](const Expr&, const std::vector<std::string>& a) { return "(NOT " + a[0] + ")"; }, false);
  add(
      r, "isnull", 1, [](const Expr&, std::vector<DataTypePtr>&) { return types::booleanType(); },
      nullTestKernel(true),
      [](const Expr&, const std::vector<std::string>& a) { return "(" + a[0] + " IS NULL)"; },
      false);
  add(
      r, "isnotnull", 1,
      [](const Expr&, std::vector<DataTypePtr>&) { return types::booleanType(); },
      nullTestKernel(false),
      [](const Expr&, const std::vector<std::string>& a) { return "(" + a[0] + " IS NOT NULL)"; },
      false);
  add(
      r, "in", -1, inType, inKernel,
      [](const Expr&, const std::vector<std::string>& a) {
        std::string out = "(" + a[0] + " IN (";
        for (size_t i = 1; i < a.size(); ++i)
          out += (i > 1 ? ", " : "") + a[i];
        return out + "))";
      },
      true);
}

}  // namespace runnel::expr
