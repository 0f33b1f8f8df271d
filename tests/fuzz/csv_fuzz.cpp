// Fuzz target for the CSV reader (spark.read.csv and the csv file stream): tokenizer, schema
// inference and conversion. The first byte picks the options; a runnel::Error other than an
// InternalError is an acceptable answer, anything else is a crash.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "format/csv_reader.h"
#include "runnel/error.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t flags = data[0];
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  runnel::format::ReadOptions o;
  o.options["header"] = (flags & 1) ? "true" : "false";
  o.options["inferschema"] = (flags & 2) ? "true" : "false";
  o.options["mode"] = (flags & 4) ? "DROPMALFORMED" : ((flags & 8) ? "FAILFAST" : "PERMISSIVE");
  if (flags & 16) o.options["sep"] = ";";
  if (flags & 32) o.options["quote"] = "";
  if (flags & 64) o.options["nullvalue"] = "NA";
  try {
    auto options = runnel::format::CsvOptions::from(o);
    // Split the input in two "files" at the first NUL, to cover per-file headers.
    size_t cut = text.find('\0');
    std::vector<std::string_view> files = {text.substr(0, cut)};
    if (cut != std::string_view::npos) files.push_back(text.substr(cut + 1));
    auto schema = runnel::format::csvSchema(files, options);
    auto batch = runnel::format::readCsv(files, schema, options);
    if (batch.columns.size() != schema.size()) std::abort();
    for (const auto& c : batch.columns) {
      if (c->size != batch.num_rows) std::abort();
    }
  } catch (const runnel::Error& e) {
    if (e.errorClass() == runnel::ErrorClass::InternalError) std::abort();
  }
  return 0;
}
