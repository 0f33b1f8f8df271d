// DataFrame actions: show, printSchema, collect/first/head/take, count, explain and temp views.
// Text goes to the session's output, as PySpark prints to stdout.
#include <fmt/format.h>

#include "pyspark/bindings.h"
#include "pyspark/call_args.h"
#include "types/batch.h"

namespace runnel::pyspark {

std::optional<Value> dataFrameAction(Interpreter& in, const ContextPtr& ctx, const DataFrame& df,
                                     const std::string& n, CallArgs& a) {
  SourcePosition pos = a.pos;
  std::string fn = "DataFrame." + n;
  if (n == "show") {
    Params p(a, fn, {"n", "truncate", "vertical"}, 0);
    int rows = p.has(0) ? static_cast<int>(requireInt(*p.get(0), "n", pos)) : 20;
    int truncate = 20;
    if (p.has(1)) {
      const Value& t = *p.get(1);
      truncate = t.type() == ValueType::Bool ? (t.asBool() ? 20 : 0)
                                             : static_cast<int>(requireInt(t, "truncate", pos));
    }
    bool vertical = p.has(2) && in.truthy(*p.get(2), pos);
    ctx->session->output(df.showString(rows, truncate, vertical) + "\n");  // PySpark print()s it
    return Value();
  }
  if (n == "printSchema") {
    Params p(a, fn, {"level"}, 0);
    ctx->session->output(df.printSchemaString() + "\n");
    return Value();
  }
  if (n == "count") {
    Params p(a, fn, {}, 0);
    return Value::integer(df.count());
  }
  if (n == "collect") {
    Params p(a, fn, {}, 0);
    return rowsToPython(df.collect());
  }
  if (n == "first" || n == "head" || n == "take") {
    Params p(a, fn, {"n"}, n == "take" ? 1 : 0);
    int64_t count = p.has(0) ? requireInt(*p.get(0), "n", pos) : 1;
    Value rows = rowsToPython(df.limit(count).collect());
    if (n == "take" || (n == "head" && p.has(0))) return rows;
    return rows.items().empty() ? Value() : rows.items()[0];
  }
  if (n == "createOrReplaceTempView") {
    Params p(a, fn, {"name"}, 1);
    ctx->session->createOrReplaceTempView(requireStr(*p.get(0), "name", pos), df);
    return Value();
  }
  if (n == "explain") {
    throw Error(ErrorClass::NotImplementedError,
                "DataFrame.explain() is not supported; use query.explain()", pos);
  }
  return std::nullopt;
}

}  // namespace runnel::pyspark
