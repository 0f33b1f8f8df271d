// evaluateDataFrameCell: runs a prelude (imports, `spark`), binds the given names, then the cell
// with its last top-level expression assigned to a hidden name, and returns that DataFrame.
#include "pyspark/query_cell.h"

#include <sstream>

#include "pyspark/bindings.h"
#include "pyspark/interpreter.h"

namespace runnel::pyspark {

namespace {
constexpr const char* kResult = "__runnel_cell_result__";

// Rewrites the last top-level line "expr" as "<result> = expr" (a line that starts a new
// statement).
std::string assignLastExpression(const std::string& code) {
  std::vector<std::string> lines;
  std::istringstream in(code);
  for (std::string l; std::getline(in, l);)
    lines.push_back(l);
  for (size_t i = lines.size(); i-- > 0;) {
    const std::string& l = lines[i];
    if (l.find_first_not_of(" \t") == std::string::npos || l[0] == '#') continue;
    if (l[0] != ' ' && l[0] != '\t') lines[i] = std::string(kResult) + " = " + l;
    break;
  }
  std::string out;
  for (const auto& l : lines)
    out += l + "\n";
  return out;
}
}  // namespace

DataFrame evaluateDataFrameCell(const std::shared_ptr<SparkSession>& spark, const std::string& code,
                                const std::vector<std::pair<std::string, DataFrame>>& bindings,
                                int first_line) {
  auto ctx = std::make_shared<PySparkContext>();
  ctx->session = spark;
  InterpreterOptions options;
  options.output = [spark](const std::string& text) { spark->output(text); };
  options.max_steps = 10'000'000;
  Interpreter in(std::move(options));
  ctx->interpreter = &in;
  installPySpark(in, ctx);
  in.run(
      "from pyspark.sql import SparkSession\nfrom pyspark.sql.functions import *\n"
      "spark = SparkSession.builder.getOrCreate()\n");
  for (const auto& [name, df] : bindings)
    in.setGlobal(name, wrapDataFrame(ctx, df));
  try {
    in.run(assignLastExpression(code));
  } catch (Error& e) {
    if (e.hasPosition())
      e = Error(e.errorClass(), e.message(), {e.line() + first_line - 1, e.column()});
    throw;
  }
  auto result = in.global(kResult);
  const DataFrame* df = result ? asDataFrame(*result) : nullptr;
  if (df == nullptr) {
    throw Error(ErrorClass::TypeError,
                "the query block's last line must be a DataFrame expression");
  }
  return *df;
}

}  // namespace runnel::pyspark
