// pyspark.sql.functions: every function in the registry, plus PySpark's own entry points (col, lit,
// expr, when, count("*"), countDistinct, window). Per PySpark, a str argument is a column name
// except in the parameters PySpark passes to Scala as plain values (split's pattern, date_format's
// format, ...).
#include <fmt/format.h>

#include <cctype>

#include "expr/expression.h"
#include "expr/function_registry.h"
#include "pyspark/bindings.h"
#include "pyspark/call_args.h"

namespace runnel::pyspark {
namespace {

// Parameters PySpark passes as values (not _to_java_column): name, parameter names, the literal
// positions, and defaults PySpark always sends (split's limit -1, round's scale 0).
struct Signature {
  const char* name;
  std::vector<std::string> params;
  std::vector<size_t> literal_positions;
  std::vector<std::pair<size_t, Value>> defaults;
};

std::vector<Signature> signatures() {
  return {
      {"split", {"str", "pattern", "limit"}, {1, 2}, {{2, Value::integer(-1)}}},
      {"regexp_extract", {"str", "pattern", "idx"}, {1, 2}, {}},
      {"regexp_replace", {"string", "pattern", "replacement"}, {1, 2}, {}},
      {"concat_ws", {"sep"}, {0}, {}},
      {"format_string", {"format"}, {0}, {}},
      {"date_format", {"date", "format"}, {1}, {}},
      {"to_timestamp", {"col", "format"}, {1}, {}},
      {"try_to_timestamp", {"col", "format"}, {1}, {}},
      {"to_date", {"col", "format"}, {1}, {}},
      {"unix_timestamp", {"timestamp", "format"}, {1}, {}},
      {"from_unixtime", {"timestamp", "format"}, {1}, {}},
      {"date_trunc", {"format", "timestamp"}, {0}, {}},
      {"substring", {"str", "pos", "len"}, {1, 2}, {}},
      {"instr", {"str", "substr"}, {1}, {}},
      {"lpad", {"col", "len", "pad"}, {1, 2}, {}},
      {"rpad", {"col", "len", "pad"}, {1, 2}, {}},
      {"repeat", {"col", "n"}, {1}, {}},
      {"round", {"col", "scale"}, {1}, {{1, Value::integer(0)}}},
      {"bround", {"col", "scale"}, {1}, {{1, Value::integer(0)}}},
      {"array_contains", {"col", "value"}, {1}, {}},
      {"element_at", {"col", "extraction"}, {1}, {}},
      {"approx_count_distinct", {"col", "rsd"}, {1}, {}},
      {"first", {"col", "ignorenulls"}, {1}, {}},
      {"last", {"col", "ignorenulls"}, {1}, {}},
      {"session_window", {"timeColumn", "gapDuration"}, {1}, {}},
      {"window", {"timeColumn", "windowDuration", "slideDuration", "startTime"}, {1, 2, 3}, {}},
  };
}

const char* pysparkAlias(const std::string& name) {
  if (name == "mean") return "avg";
  if (name == "approxCountDistinct") return "approx_count_distinct";
  if (name == "sumDistinct" || name == "sum_distinct") return "sum";
  return nullptr;
}

Value callFunction(const std::string& py_name, const std::string& spark_name, const Signature* sig,
                   CallArgs& a) {
  SourcePosition pos = a.pos;
  std::vector<std::string> names = sig ? sig->params : std::vector<std::string>{};
  bool variadic = !sig || sig->params.size() <= 1;  // concat_ws(sep, *cols) and plain f(*cols)
  Params p(a, py_name, names, sig ? 1 : 0, variadic);
  std::vector<Value> values;
  for (size_t i = 0; i < names.size(); ++i) {
    if (p.get(i) && (i == 0 || !p.get(i)->isNone())) {
      values.resize(i + 1);
      values[i] = *p.get(i);
    }
  }
  if (sig) {
    for (const auto& [i, dflt] : sig->defaults) {
      if (values.size() == i) values.push_back(dflt);
    }
  }
  values.insert(values.end(), p.rest().begin(), p.rest().end());
  if (py_name == "window" && values.size() == 4 && values[2].isNone()) values[2] = values[1];
  std::vector<expr::ExprPtr> args;
  for (size_t i = 0; i < values.size(); ++i) {
    bool literal = false;
    if (sig) {
      for (size_t k : sig->literal_positions)
        literal = literal || k == i;
    }
    if (values[i].isNone() && literal) continue;
    bool as_literal = literal || !(values[i].isStr() || asColumn(values[i]));
    args.push_back(as_literal ? toLiteral(values[i], pos).expr() : toColumn(values[i], pos).expr());
  }
  if (spark_name == "count" && args.size() == 1 && args[0]->kind == expr::ExprKind::Star) {
    args[0] = toLiteral(Value::integer(1), pos).expr();  // functions.count turns `*` into 1
  }
  auto e = std::make_shared<expr::Expr>(*expr::call(spark_name, std::move(args), pos));
  if (py_name == "sumDistinct" || py_name == "sum_distinct") e->distinct = true;
  Column c(e);
  if (py_name == "window" || py_name == "session_window")
    c = c.alias(py_name);  // functions.window adds .as
  return wrapColumn(c);
}

Value plainFunction(const std::string& name, BuiltinFn fn) {
  return Value::builtin(name, std::move(fn));
}

}  // namespace

std::vector<std::pair<std::string, Value>> functionsModule() {
  std::vector<std::pair<std::string, Value>> attrs;
  auto add = [&](const std::string& name, BuiltinFn fn) {
    attrs.emplace_back(name, plainFunction(name, std::move(fn)));
  };
  for (const char* name : {"col", "column"}) {
    add(name, [](Interpreter&, CallArgs& a) {
      Params p(a, "col", {"col"}, 1);
      return wrapColumn(columnByName(requireStr(*p.get(0), "col", a.pos), a.pos));
    });
  }
  add("lit", [](Interpreter&, CallArgs& a) {
    Params p(a, "lit", {"col"}, 1);
    return wrapColumn(toLiteral(*p.get(0), a.pos));
  });
  add("expr", [](Interpreter&, CallArgs& a) {
    Params p(a, "expr", {"str"}, 1);
    return wrapColumn(functions::expr(requireStr(*p.get(0), "str", a.pos)));
  });
  add("when", [](Interpreter&, CallArgs& a) {
    Params p(a, "when", {"condition", "value"}, 2);
    const Column* cond = asColumn(*p.get(0));
    if (!cond) {
      throw Error(ErrorClass::PySparkTypeError,
                  fmt::format("[NOT_COLUMN] Argument `condition` should be a Column, got {}.",
                              typeNameOf(*p.get(0))),
                  a.pos);
    }
    return wrapColumn(functions::when(*cond, toLiteral(*p.get(1), a.pos)));
  });
  for (const char* name : {"countDistinct", "count_distinct"}) {
    add(name, [name](Interpreter&, CallArgs& a) {
      Params p(a, name, {"col"}, 1, true);
      std::vector<Value> all{*p.get(0)};
      all.insert(all.end(), p.rest().begin(), p.rest().end());
      return wrapColumn(functions::countDistinct(toColumns(all, a.pos)));
    });
  }
  for (const char* name : {"asc", "desc", "asc_nulls_last", "desc_nulls_first"}) {
    std::string n = name;
    add(n, [n](Interpreter&, CallArgs& a) {
      Params p(a, n, {"col"}, 1);
      Column c = toColumn(*p.get(0), a.pos);
      return wrapColumn(n == "asc"              ? c.asc()
                        : n == "desc"           ? c.desc()
                        : n == "asc_nulls_last" ? c.ascNullsLast()
                                                : c.descNullsFirst());
    });
  }
  add("broadcast", [](Interpreter&, CallArgs& a) {
    Params p(a, "broadcast", {"df"}, 1);
    return *p.get(0);
  });
  for (const char* name : {"udf", "pandas_udf"}) {
    std::string n = name;
    add(n, [n](Interpreter&, CallArgs& a) -> Value {
      throw Error(ErrorClass::NotImplementedError, fmt::format("{} is not supported by Runnel", n),
                  a.pos);
    });
  }
  std::vector<Signature> sigs = signatures();
  std::vector<std::string> names = expr::FunctionRegistry::builtin().names();
  for (const Signature& s : sigs)
    names.push_back(s.name);
  for (const char* extra : {"mean", "approxCountDistinct", "sumDistinct", "sum_distinct"})
    names.push_back(extra);
  for (const std::string& name : names) {
    if (name.empty() || !(std::isalpha(static_cast<unsigned char>(name[0])) || name[0] == '_'))
      continue;
    bool exists = false;
    for (const auto& [k, v] : attrs)
      exists = exists || k == name;
    if (exists) continue;
    const char* alias = pysparkAlias(name);
    std::string spark_name = alias ? alias : name;
    const Signature* sig = nullptr;
    for (const Signature& s : sigs) {
      if (spark_name == s.name || name == s.name) sig = &s;
    }
    std::optional<Signature> owned = sig ? std::optional<Signature>(*sig) : std::nullopt;
    add(name, [name, spark_name, owned](Interpreter&, CallArgs& a) {
      return callFunction(name, spark_name, owned ? &*owned : nullptr, a);
    });
  }
  return attrs;
}

}  // namespace runnel::pyspark
