// JsonWriteOptions: Spark's JSONOptions rules for the writer's options. dateFormat is accepted and
// has nothing to format (Runnel has no DATE columns).
#include "format/json_write_options.h"

#include <fmt/format.h>

#include "runnel/error.h"

namespace runnel::format {

namespace {

// Scala's String.toBoolean, which JSONOptions applies to ignoreNullFields.
bool scalaToBoolean(const std::string& v) {
  if (lower(v) == "true") return true;
  if (lower(v) == "false") return false;
  throw Error(ErrorClass::IllegalArgumentException, fmt::format("For input string: \"{}\"", v));
}

}  // namespace

JsonWriteOptions JsonWriteOptions::from(const ReadOptions& options) {
  JsonWriteOptions o;
  o.zone = options.zone;
  if (const std::string* v = options.find("ignoreNullFields"))
    o.ignore_null_fields = scalaToBoolean(*v);
  if (const std::string* v = options.find("timestampFormat")) o.timestamp_format = *v;
  if (const std::string* v = options.find("lineSep")) {
    if (v->empty()) {
      throw Error(ErrorClass::IllegalArgumentException,
                  "requirement failed: 'lineSep' cannot be an empty string.");
    }
    o.line_sep = *v;
  }
  if (const std::string* v = options.find("encoding")) {
    const std::string e = lower(*v);
    if (e != "utf-8" && e != "utf8") {
      throw Error(ErrorClass::NotImplementedError,
                  fmt::format("the JSON writer's encoding \"{}\" is not supported by Runnel; files "
                              "are written in UTF-8",
                              *v));
    }
  }
  return o;
}

}  // namespace runnel::format
