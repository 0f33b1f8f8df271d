// pyspark.sql.GroupedData: groupBy(...).count()/agg(...)/sum/avg/mean/min/max, including
// agg({"col": "fn"}).
#include <fmt/format.h>

#include "expr/expression.h"
#include "pyspark/bindings.h"
#include "pyspark/call_args.h"

namespace runnel::pyspark {
namespace {

class GroupedDataObject final : public HostObject {
 public:
  GroupedDataObject(ContextPtr ctx, GroupedData g) : ctx_(std::move(ctx)), g_(std::move(g)) {}
  const char* typeName() const override { return "GroupedData"; }
  bool hasMethod(const std::string& n) const override {
    return n == "agg" || n == "count" || n == "sum" || n == "avg" || n == "mean" || n == "min" ||
           n == "max";
  }

  std::optional<Value> callMethod(Interpreter&, const std::string& n, CallArgs& a) override {
    SourcePosition pos = a.pos;
    if (n == "count") {
      Params p(a, "GroupedData.count", {}, 0);
      return wrapDataFrame(ctx_, g_.count());
    }
    if (n == "agg") {
      Params p(a, "GroupedData.agg", {}, 0, true);
      std::vector<Column> aggs;
      if (p.rest().size() == 1 && p.rest()[0].type() == ValueType::Dict) {
        for (const auto& [k, v] : p.rest()[0].asDict().entries) {
          std::string fn = requireStr(v, "aggregate function", pos);
          if (fn == "mean") fn = "avg";
          expr::ExprPtr arg = requireStr(k, "column", pos) == "*" && fn == "count"
                                  ? toLiteral(Value::integer(1), pos).expr()
                                  : columnByName(k.asStr(), pos).expr();
          aggs.emplace_back(expr::call(fn, {arg}, pos));
        }
      } else {
        for (const Value& v : p.rest()) {
          const Column* c = asColumn(v);
          if (!c) {
            throw Error(ErrorClass::PySparkTypeError,
                        fmt::format("[NOT_COLUMN] Argument `exprs` should be a Column, got {}.",
                                    typeNameOf(v)),
                        pos);
          }
          aggs.push_back(*c);
        }
      }
      return wrapDataFrame(ctx_, g_.agg(aggs));
    }
    if (hasMethod(n)) {
      Params p(a, "GroupedData." + n, {}, 0, true);
      std::vector<std::string> cols;
      for (const Value& v : p.rest())
        cols.push_back(requireStr(v, "cols", pos));
      return wrapDataFrame(ctx_, g_.aggregate(n == "mean" ? "avg" : n, cols));
    }
    return std::nullopt;
  }

 private:
  ContextPtr ctx_;
  GroupedData g_;
};

}  // namespace

Value wrapGroupedData(const ContextPtr& ctx, GroupedData g) {
  return host<GroupedDataObject>(ctx, std::move(g));
}

}  // namespace runnel::pyspark
