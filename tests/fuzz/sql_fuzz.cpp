// Fuzz target for the Spark SQL parsers: expressions (expr, selectExpr, filter strings) and
// spark.sql SELECT statements. A runnel::Error is an acceptable answer; anything else is a crash.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "runnel/error.h"
#include "sql/expression_parser.h"
#include "sql/select_statement.h"

namespace {

template <typename Parse>
void parseOrFail(Parse parse) {
  try {
    parse();
  } catch (const runnel::Error& e) {
    // An InternalError is a broken invariant; a ParseException must say where it happened.
    if (e.errorClass() == runnel::ErrorClass::InternalError) std::abort();
    if (e.errorClass() == runnel::ErrorClass::ParseException && !e.hasPosition()) std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view sql(reinterpret_cast<const char*>(data), size);
  parseOrFail([&] { runnel::sql::parseExpression(sql); });
  parseOrFail([&] { runnel::sql::parseSelectStatement(sql); });
  return 0;
}
