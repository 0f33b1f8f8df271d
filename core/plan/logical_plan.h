// LogicalPlan: Spark's analysed logical plan nodes. Built resolved by the Analyzer (DataFrame
// operations analyse eagerly, as Spark does), immutable, shared between DataFrames.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "expr/expression.h"
#include "types/batch.h"
#include "types/schema.h"

namespace runnel::plan {

enum class PlanKind {
  Relation,            // a source: streaming (source_spec) or static rows (local_rows)
  Project,             // exprs: one output column each
  Filter,              // condition
  Generate,            // generator call (explode...), passthrough columns = exprs (ColumnRefs)
  Aggregate,           // grouping keys + exprs (the output list: keys and aggregate calls)
  Sort,                // exprs: SortOrder
  Limit,               // limit
  Union,               // children by position
  Join,                // condition, join_type
  Deduplicate,         // grouping: key columns; within_watermark
  EventTimeWatermark,  // watermark_column, watermark_delay_ms
};

// What a streaming relation reads: the format and options as DataStreamReader collected them.
struct SourceSpec {
  std::string format;                                        // "socket", "memory", "rate", "csv"...
  std::vector<std::pair<std::string, std::string>> options;  // lower-cased keys
  std::string path;
  std::shared_ptr<void> instance;  // memory streams: the MemoryStream object itself
  std::string description;         // "TextSocketV2[host: localhost, port: 9999]"
};

struct LogicalPlan;
using PlanPtr = std::shared_ptr<const LogicalPlan>;

struct LogicalPlan {
  PlanKind kind = PlanKind::Relation;
  std::vector<PlanPtr> children;
  types::Schema output;
  bool streaming = false;

  std::shared_ptr<const SourceSpec> source;        // Relation (streaming)
  std::shared_ptr<const types::Batch> local_rows;  // Relation (static)
  std::vector<expr::ExprPtr>
      exprs;  // Project list, Aggregate outputs, Sort orders, Generate passthrough
  std::vector<expr::ExprPtr> grouping;  // Aggregate keys, Deduplicate keys
  // Aggregate: the distinct aggregate calls (resolved over the child). `exprs` are then resolved
  // over the intermediate row [grouping..., aggregates...] that HashAggregate produces.
  std::vector<expr::ExprPtr> aggregates;
  expr::ExprPtr condition;                   // Filter, Join
  expr::ExprPtr generator;                   // Generate: the resolved generator call
  std::vector<std::string> generator_names;  // Generate: output names of the generated columns
  bool generator_outer = false;
  bool generator_position = false;  // posexplode: a pos column before the element
  int64_t limit = 0;
  std::string join_type;  // inner, left_outer, right_outer, full_outer, left_semi, left_anti
  std::string watermark_column;
  int64_t watermark_delay_ms = 0;
  bool within_watermark = false;
  std::string relation_name;  // a view or table name, for plan strings
  // DataFrame.alias (Spark's SubqueryAlias): the qualifier of this node's output columns, so
  // col("a.key") picks the aliased side of a join. The aliased node is a copy of the DataFrame's.
  std::string subquery_alias;
  // The node this aliased copy was made from: df.alias("a") keeps df's attribute ids in Spark, so
  // df["key"] still resolves against the copy.
  std::shared_ptr<const LogicalPlan> aliased;

  // Spark's treeString, e.g. "Aggregate [word#1], [word#1, count(1) AS count#5L]".
  std::string treeString() const;
};

const char* planKindName(PlanKind kind);

}  // namespace runnel::plan
