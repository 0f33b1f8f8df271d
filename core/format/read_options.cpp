// ReadOptions: option lookups with Spark's validation texts (CSVOptions, ParseMode,
// FailureSafeParser).
#include "format/read_options.h"

#include <algorithm>
#include <cctype>

#include "runnel/error.h"

namespace runnel::format {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

const std::string* ReadOptions::find(const std::string& key) const {
  auto it = options.find(lower(key));
  return it == options.end() ? nullptr : &it->second;
}

bool ReadOptions::getBool(const std::string& key, bool fallback) const {
  const std::string* v = find(key);
  if (v == nullptr) return fallback;
  std::string l = lower(*v);
  if (l == "true") return true;
  if (l == "false") return false;
  throw Error(ErrorClass::SparkException, key + " flag can be true or false.");
}

ParseMode ReadOptions::mode() const {
  const std::string* v = find("mode");
  std::string m = v == nullptr ? "" : lower(*v);
  if (m == "dropmalformed") return ParseMode::DropMalformed;
  if (m == "failfast") return ParseMode::FailFast;
  return ParseMode::Permissive;
}

void throwMalformedRecord(const std::string& record) {
  throw Error(ErrorClass::SparkException,
              "[MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION] Malformed records are detected in "
              "record parsing: " +
                  record +
                  ".\nParse Mode: FAILFAST. To process malformed records as null result, try "
                  "setting the option 'mode' as 'PERMISSIVE'. SQLSTATE: 22023");
}

}  // namespace runnel::format
