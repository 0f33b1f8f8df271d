// pyspark.sql.DataFrame: transformations (select, filter, groupBy, ...), actions that print through
// the session (show, printSchema), properties (columns, isStreaming, schema) and writeStream.
#include <fmt/format.h>

#include "pyspark/bindings.h"
#include "pyspark/call_args.h"

namespace runnel::pyspark {

std::optional<Value> dataFrameAction(Interpreter& in, const ContextPtr& ctx, const DataFrame& df,
                                     const std::string& name, CallArgs& a);

namespace {

constexpr const char* kMethods[] = {"select",
                                    "selectExpr",
                                    "filter",
                                    "where",
                                    "withColumn",
                                    "withColumnRenamed",
                                    "drop",
                                    "union",
                                    "unionAll",
                                    "unionByName",
                                    "limit",
                                    "distinct",
                                    "dropDuplicates",
                                    "drop_duplicates",
                                    "dropDuplicatesWithinWatermark",
                                    "orderBy",
                                    "sort",
                                    "withWatermark",
                                    "join",
                                    "alias",
                                    "groupBy",
                                    "groupby",
                                    "agg",
                                    "collect",
                                    "count",
                                    "show",
                                    "printSchema",
                                    "toDF",
                                    "first",
                                    "head",
                                    "take",
                                    "createOrReplaceTempView",
                                    "cache",
                                    "persist",
                                    "unpersist",
                                    "repartition",
                                    "coalesce",
                                    "explain"};

std::vector<std::string> strings(const std::vector<Value>& values, const std::string& what,
                                 SourcePosition pos) {
  std::vector<std::string> out;
  for (const Value& v : flattenSingleList(values)) {
    if (const Column* c = asColumn(v)) {
      out.push_back(c->prettyName());
    } else {
      out.push_back(requireStr(v, what, pos));
    }
  }
  return out;
}

class DataFrameObject final : public HostObject {
 public:
  DataFrameObject(ContextPtr ctx, DataFrame df) : ctx_(std::move(ctx)), df_(std::move(df)) {}
  const char* typeName() const override { return "DataFrame"; }
  std::string repr() const override { return df_.toString(); }
  const DataFrame& df() const { return df_; }

  bool hasMethod(const std::string& n) const override {
    for (const char* m : kMethods) {
      if (n == m) return true;
    }
    return false;
  }

  std::optional<Value> getAttr(Interpreter&, const std::string& n, SourcePosition pos) override {
    if (n == "columns") {
      std::vector<Value> names;
      for (const std::string& c : df_.columns())
        names.push_back(Value::str(c));
      return Value::list(std::move(names));
    }
    if (n == "isStreaming") return Value::boolean(df_.isStreaming());
    if (n == "schema") return wrapSchema(df_.schema());
    if (n == "dtypes") {
      std::vector<Value> out;
      for (const auto& f : df_.schema().fields) {
        out.push_back(Value::tuple({Value::str(f.name), Value::str(f.type->simpleString())}));
      }
      return Value::list(std::move(out));
    }
    if (n == "writeStream") return wrapStreamWriter(ctx_, df_);
    if (n == "sparkSession") return wrapSession(ctx_);
    if (n == "write") {
      try {
        return wrapDataFrameWriter(df_);
      } catch (Error& e) {
        throw e.withPosition(pos);
      }
    }
    if (hasMethod(n) || n.empty() || n[0] == '_') return std::nullopt;
    // df.word: a column of this DataFrame (PySpark's __getattr__), AttributeError when there is
    // none.
    for (const std::string& c : df_.columns()) {
      if (c == n) return wrapColumn(df_[n]);
    }
    throw Error(ErrorClass::AttributeError,
                fmt::format("'DataFrame' object has no attribute '{}'", n), pos);
  }

  std::optional<Value> getItem(Interpreter&, const Value& key, SourcePosition pos) override {
    if (key.isStr()) return wrapColumn(df_[key.asStr()]);
    if (const Column* c = asColumn(key)) return wrapDataFrame(ctx_, df_.filter(*c));
    if (key.isSequence()) return wrapDataFrame(ctx_, df_.select(toColumns(key.items(), pos)));
    throw Error(
        ErrorClass::PySparkTypeError,
        fmt::format(
            "[NOT_COLUMN_OR_INT_OR_LIST_OR_STR_OR_TUPLE] Argument `item` should be a Column, int, "
            "list, str or tuple, got {}.",
            typeNameOf(key)),
        pos);
  }

  std::optional<Value> callMethod(Interpreter& in, const std::string& n, CallArgs& a) override;

 private:
  Value wrap(DataFrame df) const { return wrapDataFrame(ctx_, std::move(df)); }
  ContextPtr ctx_;
  DataFrame df_;
};

std::optional<Value> DataFrameObject::callMethod(Interpreter& in, const std::string& n,
                                                 CallArgs& a) {
  SourcePosition pos = a.pos;
  std::string fn = "DataFrame." + n;
  if (n == "select" || n == "groupBy" || n == "groupby" || n == "orderBy" || n == "sort" ||
      n == "agg") {
    Params p(a, fn, {}, 0, true, n == "orderBy" || n == "sort");
    if (n == "agg" && p.rest().size() == 1 && p.rest()[0].type() == ValueType::Dict) {
      return wrapGroupedData(ctx_, df_.groupBy({})).as<HostObject>()->callMethod(in, "agg", a);
    }
    std::vector<Column> cols = toColumns(p.rest(), pos);
    if (n == "select") return wrap(df_.select(cols));
    if (n == "agg") return wrap(df_.agg(cols));
    if (n == "groupBy" || n == "groupby") return wrapGroupedData(ctx_, df_.groupBy(cols));
    for (const auto& [k, v] : p.extraKeywords()) {
      if (k != "ascending")
        throw Error(ErrorClass::TypeError,
                    fmt::format("{}() got an unexpected keyword argument '{}'", fn, k), pos);
      for (size_t i = 0; i < cols.size(); ++i) {
        const Value& flag = v.isSequence() ? v.items().at(std::min(i, v.items().size() - 1)) : v;
        if (!in.truthy(flag, pos)) cols[i] = cols[i].desc();
      }
    }
    return wrap(df_.orderBy(cols));
  }
  if (n == "selectExpr") {
    Params p(a, fn, {}, 0, true);
    return wrap(df_.selectExpr(strings(p.rest(), "expr", pos)));
  }
  if (n == "filter" || n == "where") {
    Params p(a, fn, {"condition"}, 1);
    if (p.get(0)->isStr()) return wrap(df_.filter(p.get(0)->asStr()));
    const Column* c = asColumn(*p.get(0));
    if (!c) {
      throw Error(
          ErrorClass::PySparkTypeError,
          fmt::format("[NOT_COLUMN_OR_STR] Argument `condition` should be a Column or str, got {}.",
                      typeNameOf(*p.get(0))),
          pos);
    }
    return wrap(df_.filter(*c));
  }
  if (n == "withColumn") {
    Params p(a, fn, {"colName", "col"}, 2);
    const Column* c = asColumn(*p.get(1));
    if (!c) {
      throw Error(ErrorClass::PySparkTypeError,
                  fmt::format("[NOT_COLUMN] Argument `col` should be a Column, got {}.",
                              typeNameOf(*p.get(1))),
                  pos);
    }
    return wrap(df_.withColumn(requireStr(*p.get(0), "colName", pos), *c));
  }
  if (n == "withColumnRenamed") {
    Params p(a, fn, {"existing", "new"}, 2);
    return wrap(df_.withColumnRenamed(requireStr(*p.get(0), "existing", pos),
                                      requireStr(*p.get(1), "new", pos)));
  }
  if (n == "drop") {
    Params p(a, fn, {}, 0, true);
    if (!p.rest().empty() && asColumn(p.rest()[0])) return wrap(df_.drop(toColumns(p.rest(), pos)));
    return wrap(df_.drop(strings(p.rest(), "col", pos)));
  }
  if (n == "union" || n == "unionAll" || n == "unionByName") {
    Params p(a, fn, {"other", "allowMissingColumns"}, 1);
    const DataFrame* other = asDataFrame(*p.get(0));
    if (!other)
      throw Error(ErrorClass::TypeError, fmt::format("{}() expects a DataFrame", fn), pos);
    if (n == "unionByName")
      return wrap(df_.unionByName(*other, p.has(1) && in.truthy(*p.get(1), pos)));
    return wrap(df_.unionAll(*other));
  }
  if (n == "limit") {
    Params p(a, fn, {"num"}, 1);
    return wrap(df_.limit(requireInt(*p.get(0), "num", pos)));
  }
  if (n == "distinct") return wrap(df_.distinct());
  if (n == "dropDuplicates" || n == "drop_duplicates" || n == "dropDuplicatesWithinWatermark") {
    Params p(a, fn, {"subset"}, 0, true);
    std::vector<Value> subset = p.rest();
    if (p.has(0)) subset.insert(subset.begin(), *p.get(0));
    std::vector<std::string> names = strings(subset, "subset", pos);
    if (n == "dropDuplicatesWithinWatermark") return wrap(df_.dropDuplicatesWithinWatermark(names));
    return wrap(df_.dropDuplicates(names));
  }
  if (n == "withWatermark") {
    Params p(a, fn, {"eventTime", "delayThreshold"}, 2);
    return wrap(df_.withWatermark(requireStr(*p.get(0), "eventTime", pos),
                                  requireStr(*p.get(1), "delayThreshold", pos)));
  }
  if (n == "join") {
    Params p(a, fn, {"other", "on", "how"}, 1);
    const DataFrame* other = asDataFrame(*p.get(0));
    if (!other) throw Error(ErrorClass::TypeError, "join() expects a DataFrame", pos);
    std::string how = p.has(2) ? requireStr(*p.get(2), "how", pos) : "inner";
    if (p.has(1)) {
      if (const Column* c = asColumn(*p.get(1))) return wrap(df_.join(*other, *c, how));
      // A list of Column conditions: PySpark ANDs them (functools.reduce(operator.and_, on)).
      const Value& on = *p.get(1);
      if (on.isSequence() && !on.items().empty() && asColumn(on.items()[0])) {
        std::vector<Column> conds = toColumns(on.items(), pos);
        Column all = conds[0];
        for (size_t i = 1; i < conds.size(); ++i)
          all = all.binary("and", conds[i]);
        return wrap(df_.join(*other, all, how));
      }
    }
    std::vector<std::string> on =
        p.has(1) ? strings({*p.get(1)}, "on", pos) : std::vector<std::string>{};
    return wrap(df_.join(*other, on, how));
  }
  if (n == "alias") {
    Params p(a, fn, {"alias"}, 1);
    return wrap(df_.alias(requireStr(*p.get(0), "alias", pos)));
  }
  if (n == "toDF") {
    Params p(a, fn, {}, 0, true);
    std::vector<std::string> names = strings(p.rest(), "cols", pos);
    std::vector<std::string> current = df_.columns();
    if (names.size() != current.size()) {
      throw Error(ErrorClass::IllegalArgumentException,
                  fmt::format("requirement failed: The number of columns doesn't match.\nOld "
                              "column names ({}): {}\n"
                              "New column names ({}): {}",
                              current.size(), fmt::join(current, ", "), names.size(),
                              fmt::join(names, ", ")),
                  pos);
    }
    std::vector<Column> cols;
    for (size_t i = 0; i < names.size(); ++i)
      cols.push_back(df_[current[i]].alias(names[i]));
    return wrap(df_.select(cols));
  }
  if (n == "cache" || n == "persist" || n == "unpersist" || n == "repartition" || n == "coalesce")
    return wrap(df_);
  return dataFrameAction(in, ctx_, df_, n, a);
}

}  // namespace

Value wrapDataFrame(const ContextPtr& ctx, DataFrame df) {
  return host<DataFrameObject>(ctx, std::move(df));
}

const DataFrame* asDataFrame(const Value& v) {
  auto* d = v.as<DataFrameObject>();
  return d ? &d->df() : nullptr;
}

}  // namespace runnel::pyspark
