// SparkSession: batch data entry points (createDataFrame, range, table, sql, temp views).
#include <fmt/format.h>

#include "api/session_state.h"
#include "plan/analyzer.h"
#include "sql/select_statement.h"

namespace runnel {

namespace {

types::DataTypePtr inferType(const std::vector<std::vector<types::Value>>& rows, size_t c) {
  types::DataTypePtr t = types::nullType();
  for (const auto& row : rows) {
    if (c >= row.size() || row[c].is_null) continue;
    const auto& vt = row[c].type;
    if (t->id == types::TypeId::Null || (t->isIntegral() && vt->id == types::TypeId::Double))
      t = vt;
    if (t->id == types::TypeId::Int && vt->id == types::TypeId::BigInt) t = vt;
  }
  // Python ints are LongType in createDataFrame's inference.
  if (t->id == types::TypeId::Int) t = types::bigintType();
  if (t->id == types::TypeId::Null) t = types::stringType();
  return t;
}

}  // namespace

DataFrame SparkSession::createDataFrame(const std::vector<std::vector<types::Value>>& rows,
                                        const types::Schema& schema) {
  auto batch = std::make_shared<types::Batch>(types::Batch::empty(schema));
  std::vector<types::MutableColumnPtr> cols;
  for (const auto& f : schema.fields)
    cols.push_back(types::Column::make(f.type));
  for (const auto& row : rows) {
    if (row.size() != schema.size()) {
      throw Error(ErrorClass::PySparkValueError,
                  fmt::format("[LENGTH_SHOULD_BE_THE_SAME] obj and fields should be of the same "
                              "length, got {} and {}.",
                              row.size(), schema.size()));
    }
    for (size_t c = 0; c < cols.size(); ++c)
      cols[c]->appendValue(row[c]);
  }
  batch->num_rows = rows.size();
  batch->columns.assign(cols.begin(), cols.end());
  return DataFrame(shared_from_this(), plan::localRelation(batch));
}

DataFrame SparkSession::createDataFrame(const std::vector<std::vector<types::Value>>& rows,
                                        const std::vector<std::string>& column_names) {
  types::Schema schema;
  size_t n = column_names.size();
  for (size_t c = 0; c < n; ++c)
    schema.fields.push_back({column_names[c], inferType(rows, c), true});
  return createDataFrame(rows, schema);
}

DataFrame SparkSession::range(int64_t start, int64_t end, int64_t step) {
  types::Schema schema;
  schema.fields.push_back({"id", types::bigintType(), false});
  std::vector<std::vector<types::Value>> rows;
  if (step == 0)
    throw Error(ErrorClass::IllegalArgumentException, "requirement failed: step (0) cannot be 0");
  for (int64_t i = start; step > 0 ? i < end : i > end; i += step)
    rows.push_back({types::Value::int64(i)});
  return createDataFrame(rows, schema);
}

void SparkSession::createOrReplaceTempView(const std::string& name, const DataFrame& df) {
  state_->views[name] = df.plan();
}

DataFrame SparkSession::table(const std::string& name) {
  auto v = state_->views.find(name);
  if (v != state_->views.end()) return DataFrame(shared_from_this(), v->second);
  auto t = state_->tables.find(name);
  if (t != state_->tables.end()) {
    return DataFrame(shared_from_this(),
                     plan::localRelation(std::make_shared<types::Batch>(t->second), name));
  }
  throw Error(ErrorClass::AnalysisException,
              fmt::format("[TABLE_OR_VIEW_NOT_FOUND] The table or view `{}` cannot be found. "
                          "Verify the spelling and correctness of the schema and catalog.\n"
                          "If you did not qualify the name with a schema, verify the "
                          "current_schema() output, or qualify the name with the correct schema "
                          "and catalog.\nTo tolerate the error on drop use DROP VIEW IF EXISTS or "
                          "DROP TABLE IF EXISTS. SQLSTATE: 42P01",
                          name));
}

DataFrame SparkSession::sql(const std::string& query) {
  sql::SelectStatement s = sql::parseSelectStatement(query);
  DataFrame df = s.table.empty() ? range(0, 1) : table(s.table);
  // The FROM table qualifies its columns (words.word, w.word, w.*), as Spark's SubqueryAlias.
  if (!s.table.empty())
    df = df.alias(s.table_alias.empty() ? s.table.substr(s.table.rfind('.') + 1) : s.table_alias);
  plan::PlanPtr p = df.plan();
  if (s.where) p = plan::filter(p, s.where);
  bool has_aggregate = !s.group_by.empty();
  for (const auto& item : s.items)
    has_aggregate = has_aggregate || expr::containsAggregate(*item);
  if (has_aggregate) {
    p = plan::aggregate(p, s.group_by, s.items, false);
  } else {
    p = plan::project(p, s.items);
  }
  if (s.having) p = plan::filter(p, s.having);
  if (s.distinct) p = plan::deduplicate(p, {}, false);
  if (!s.order_by.empty()) p = plan::sort(p, s.order_by);
  if (s.limit) p = plan::limit(p, *s.limit);
  return DataFrame(shared_from_this(), p);
}

}  // namespace runnel
