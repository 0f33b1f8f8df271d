// Fuzz target for Spark type strings and DDL schemas (Column.cast, DataStreamReader.schema).
// A runnel::Error is an acceptable answer; anything else is a crash.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "runnel/error.h"
#include "sql/data_type_parser.h"

namespace {

template <typename Parse>
void parseOrFail(Parse parse) {
  try {
    parse();
  } catch (const runnel::Error& e) {
    if (e.errorClass() == runnel::ErrorClass::InternalError) std::abort();
    if (e.errorClass() == runnel::ErrorClass::ParseException && !e.hasPosition()) std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  parseOrFail([&] { runnel::sql::parseDdlSchema(text); });
  parseOrFail([&] { runnel::sql::parseDataType(text); });
  return 0;
}
