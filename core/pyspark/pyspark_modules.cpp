// The importable PySpark package tree: pyspark.sql (SparkSession, Row, functions, types),
// pyspark.sql.functions, pyspark.sql.types, pyspark.sql.streaming and pyspark.errors /
// pyspark.sql.utils; and Python's time module.
#include "pyspark/bindings.h"
#include "pyspark/exceptions.h"

namespace runnel::pyspark {

Value rowConstructor();

void installPySpark(Interpreter& in, const ContextPtr& ctx) {
  in.addModule("pyspark.sql.functions", functionsModule());
  in.addModule("pyspark.sql.types", typesModule());
  auto sql = sqlModule(ctx);
  sql.emplace_back("Row", rowConstructor());
  in.addModule("pyspark.sql", std::move(sql));
  ctx->listener_class = streamingQueryListenerClass();
  in.addModule("pyspark.sql.streaming", {{"StreamingQueryListener", ctx->listener_class}});
  std::vector<std::pair<std::string, Value>> errors;
  for (const char* name :
       {"AnalysisException", "ParseException", "StreamingQueryException",
        "IllegalArgumentException", "PySparkException", "PySparkValueError", "PySparkTypeError",
        "UnsupportedOperationException", "ArithmeticException", "NumberFormatException",
        "DateTimeException", "CapturedException"}) {
    errors.emplace_back(name, exceptionClass(name));
  }
  in.addModule("time", timeModule(ctx));
  in.addModule("pyspark.errors", errors);
  in.addModule("pyspark.sql.utils", errors);
  in.addModule(
      "pyspark",
      {{"SparkContext", Value::builtin("SparkContext", [](Interpreter&, CallArgs& a) -> Value {
          throw Error(ErrorClass::NotImplementedError,
                      "SparkContext() is not supported; use SparkSession.builder", a.pos);
        })}});
}

}  // namespace runnel::pyspark
