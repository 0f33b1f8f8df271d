// Options shared by the file formats (Spark's CSVOptions/JSONOptions basics): the lower-cased
// option map as DataFrameReader collected it, the parse mode, and Spark's boolean and char option
// rules.
#pragma once

#include <map>
#include <string>

#include "types/timestamp.h"

namespace runnel::format {

using OptionMap = std::map<std::string, std::string>;  // lower-cased keys

// ASCII lower case: option keys and Spark's case-insensitive option values ("true", "UTF-8").
std::string lower(std::string s);

// Spark's ParseMode: what a reader does with a record it cannot parse.
enum class ParseMode {
  Permissive,     // the fields that failed become null (Spark 3.0+ keeps the parsed ones)
  DropMalformed,  // the record is dropped
  FailFast,       // the read fails
};

struct ReadOptions {
  OptionMap options;
  types::TimeZone zone = types::TimeZone::utc();  // timestamps without an offset are read here

  const std::string* find(const std::string& key) const;
  // CSVOptions.getBool: "true"/"false" in any case, else "<key> flag can be true or false."
  bool getBool(const std::string& key, bool fallback) const;
  // ParseMode.fromString: unknown names fall back to PERMISSIVE, as Spark does (it only warns).
  ParseMode mode() const;
};

// FailureSafeParser's FAILFAST error for one bad record (rendered the way Spark prints the row).
[[noreturn]] void throwMalformedRecord(const std::string& record);

}  // namespace runnel::format
