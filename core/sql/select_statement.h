// SelectStatement: the AST of the one-table SELECT that spark.sql accepts in Runnel (Spark's
// querySpecification + queryOrganization); the API turns it into DataFrame operations.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "expr/expression.h"

namespace runnel::sql {

struct SelectStatement {
  bool distinct = false;
  std::vector<expr::ExprPtr> items;  // named expressions; may contain Star
  std::string table;                 // FROM name ("db.t" for a qualified name); empty: no FROM
  std::string table_alias;           // FROM t AS x
  expr::ExprPtr where;               // null when absent
  std::vector<expr::ExprPtr> group_by;
  expr::ExprPtr having;                 // null when absent
  std::vector<expr::ExprPtr> order_by;  // SortOrder nodes
  std::optional<int64_t> limit;
};

// Parses `SELECT [DISTINCT] items [FROM name [[AS] alias]] [WHERE e] [GROUP BY e, ...] [HAVING e]
// [ORDER BY e [ASC|DESC] [NULLS FIRST|LAST], ...] [LIMIT n] [;]`. Syntax errors are Spark's
// ParseException; valid Spark SQL outside this subset (joins, subqueries, UNION, WITH, ...) is a
// NotImplementedError at the construct.
SelectStatement parseSelectStatement(std::string_view sql);

}  // namespace runnel::sql
