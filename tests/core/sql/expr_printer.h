// A compact, unambiguous rendering of an unresolved expression tree for the SQL parser tests:
// columns bare, literals typed (1, 1L, 1.5D, 'x', true, NULL), calls as name(args).
#pragma once

#include <fmt/format.h>

#include <string>

#include "expr/expression.h"

namespace runnel::sql::testing {

inline std::string printLiteral(const types::Value& v) {
  if (v.is_null) return "NULL";
  switch (v.type->id) {
    case types::TypeId::Boolean:
      return v.i != 0 ? "true" : "false";
    case types::TypeId::Int:
      return fmt::format("{}", v.i);
    case types::TypeId::BigInt:
      return fmt::format("{}L", v.i);
    case types::TypeId::Double:
      return fmt::format("{}D", v.d);
    case types::TypeId::String:
      return "'" + v.s + "'";
    default:
      return "?" + v.type->simpleString();
  }
}

inline std::string print(const expr::ExprPtr& e) {
  auto join = [](const std::vector<expr::ExprPtr>& args, size_t from = 0) {
    std::string out;
    for (size_t i = from; i < args.size(); ++i)
      out += (i > from ? ", " : "") + print(args[i]);
    return out;
  };
  switch (e->kind) {
    case expr::ExprKind::ColumnRef:
      return e->name;
    case expr::ExprKind::Literal:
      return printLiteral(e->literal);
    case expr::ExprKind::Star:
      return e->name.empty() ? "*" : e->name + ".*";
    case expr::ExprKind::Call:
      return e->name + "(" + (e->distinct ? "DISTINCT " : "") + join(e->args) + ")";
    case expr::ExprKind::Cast:
      return std::string(e->try_mode ? "try_cast(" : "cast(") + print(e->args[0]) + " AS " +
             e->type->simpleString() + ")";
    case expr::ExprKind::Alias: {
      if (e->names.size() > 1) {
        std::string names;
        for (const auto& n : e->names)
          names += (names.empty() ? "" : ", ") + n;
        return print(e->args[0]) + " AS (" + names + ")";
      }
      return print(e->args[0]) + " AS " + e->name;
    }
    case expr::ExprKind::CaseWhen: {
      std::string out = "CASE";
      const size_t pairs = (e->args.size() - (e->has_else ? 1 : 0)) / 2;
      for (size_t i = 0; i < pairs; ++i)
        out += " WHEN " + print(e->args[2 * i]) + " THEN " + print(e->args[2 * i + 1]);
      if (e->has_else) out += " ELSE " + print(e->args.back());
      return out + " END";
    }
    case expr::ExprKind::SortOrder:
      return print(e->args[0]) + (e->ascending ? " ASC" : " DESC") +
             (e->nulls_first ? " NULLS FIRST" : " NULLS LAST");
    case expr::ExprKind::GetField:
      return "getField(" + print(e->args[0]) + ", " + e->name + ")";
  }
  return "?";
}

}  // namespace runnel::sql::testing
