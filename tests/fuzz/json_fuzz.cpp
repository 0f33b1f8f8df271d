// Fuzz target for the JSON Lines reader (spark.read.json and the json file stream): schema
// inference, then conversion with the inferred schema and with a fixed one. The first byte picks
// the mode; a runnel::Error other than an InternalError is an acceptable answer.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "format/json_reader.h"
#include "format/json_schema_inference.h"
#include "runnel/error.h"

namespace {

void checkShape(const runnel::types::Batch& batch, size_t width) {
  if (batch.columns.size() != width) std::abort();
  for (const auto& c : batch.columns) {
    if (c->size != batch.num_rows) std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t flags = data[0];
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  runnel::format::ReadOptions o;
  o.options["mode"] = (flags & 1) ? "DROPMALFORMED" : ((flags & 2) ? "FAILFAST" : "PERMISSIVE");
  auto options = runnel::format::JsonOptions::from(o);
  using namespace runnel::types;
  try {
    Schema inferred = runnel::format::inferJsonSchema({text}, options);
    checkShape(runnel::format::readJson({text}, inferred, options), inferred.size());
  } catch (const runnel::Error& e) {
    if (e.errorClass() == runnel::ErrorClass::InternalError) std::abort();
  }
  try {
    Schema fixed;
    fixed.fields = {{"a", bigintType(), true},
                    {"b", doubleType(), true},
                    {"c", timestampType(), true},
                    {"d", arrayType(structType({{"x", intType(), true}})), true},
                    {"_corrupt_record", stringType(), true}};
    checkShape(runnel::format::readJson({text}, fixed, options), fixed.size());
  } catch (const runnel::Error& e) {
    if (e.errorClass() == runnel::ErrorClass::InternalError) std::abort();
  }
  return 0;
}
