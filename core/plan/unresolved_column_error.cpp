// Spark's [UNRESOLVED_COLUMN.WITH_SUGGESTION] error: candidates ordered by Levenshtein distance
// (StringUtils.orderSuggestedIdentifiersBySimilarity), at most five.
#include <algorithm>

#include <fmt/format.h>

#include "plan/expression_resolver.h"

namespace runnel::plan {

namespace {
size_t levenshtein(const std::string& a, const std::string& b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j)
    prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}
}  // namespace

Error unresolvedColumnError(const std::string& name, const types::Schema& input,
                            const std::string& plan_string, SourcePosition pos) {
  std::string quoted = "`" + name + "`";
  std::string tail = plan_string.empty() ? "" : ";\n" + plan_string;
  if (input.fields.empty()) {
    return Error(
        ErrorClass::AnalysisException,
        fmt::format("[UNRESOLVED_COLUMN.WITHOUT_SUGGESTION] A column, variable, or function "
                    "parameter with name {} cannot be resolved. SQLSTATE: 42703{}",
                    quoted, tail),
        pos);
  }
  std::vector<std::string> candidates;
  for (const auto& f : input.fields)
    candidates.push_back("`" + f.name + "`");
  std::stable_sort(candidates.begin(), candidates.end(),
                   [&](const std::string& a, const std::string& b) {
                     return levenshtein(a, quoted) < levenshtein(b, quoted);
                   });
  if (candidates.size() > 5) candidates.resize(5);
  std::string list;
  for (size_t i = 0; i < candidates.size(); ++i)
    list += (i ? ", " : "") + candidates[i];
  return Error(ErrorClass::AnalysisException,
               fmt::format("[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column, variable, or function "
                           "parameter with name {} cannot be resolved. Did you mean one of the "
                           "following? [{}]. SQLSTATE: 42703{}",
                           quoted, list, tail),
               pos);
}

}  // namespace runnel::plan
