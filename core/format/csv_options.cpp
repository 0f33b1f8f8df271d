// CsvOptions::from: Spark's CSVOptions parsing (CSVExprUtils.toDelimiterStr for sep, getChar for
// quote and escape).
#include "format/csv_options.h"

#include "runnel/error.h"

namespace runnel::format {

namespace {

// CSVExprUtils.toDelimiterStr: "\t" and the other backslash escapes name one character.
std::string delimiter(const std::string& s) {
  if (s.empty())
    throw Error(ErrorClass::IllegalArgumentException, "Delimiter cannot be empty string");
  if (s == "\\t") return "\t";
  if (s == "\\n") return "\n";
  if (s == "\\r") return "\r";
  if (s == "\\\\") return "\\";
  if (s == "\\'") return "'";
  if (s == "\\\"") return "\"";
  if (s == "\\u0000") return std::string(1, '\0');
  if (s == "\\") {
    throw Error(ErrorClass::IllegalArgumentException,
                "Single backslash is prohibited. It has special "
                "meaning as beginning of an escape sequence. "
                "To get the backslash character, pass a string "
                "with two backslashes as the delimiter.");
  }
  return s;
}

// CSVOptions.getChar: "" switches the character off, more than one character is an error.
char oneChar(const ReadOptions& o, const std::string& key, char fallback) {
  const std::string* v = o.find(key);
  if (v == nullptr) return fallback;
  if (v->empty()) return '\0';
  if (v->size() == 1) return (*v)[0];
  throw Error(ErrorClass::IllegalArgumentException, key + " cannot be more than one character");
}

}  // namespace

CsvOptions CsvOptions::from(const ReadOptions& o) {
  CsvOptions c;
  const std::string* sep = o.find("sep");
  if (sep == nullptr) sep = o.find("delimiter");
  if (sep != nullptr) c.sep = delimiter(*sep);
  c.quote = oneChar(o, "quote", '"');
  c.escape = oneChar(o, "escape", '\\');
  c.header = o.getBool("header", false);
  c.infer_schema = o.getBool("inferSchema", false);
  if (const std::string* n = o.find("nullValue")) c.null_value = *n;
  c.mode = o.mode();
  c.zone = o.zone;
  return c;
}

}  // namespace runnel::format
