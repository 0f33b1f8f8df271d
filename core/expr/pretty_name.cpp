// Column names of expressions: Spark's toPrettySQL (usePrettyExpression + Expression.sql) and the
// naming rules of ResolveAliases (a Cast over a named column keeps the name; generators name
// `col`).
#include <fmt/format.h>

#include "expr/expression.h"
#include "expr/function_registry.h"
#include "format/double_format.h"
#include "types/timestamp.h"

namespace runnel::expr {

using types::TypeId;

namespace {

std::string literalName(const types::Value& v) {
  if (v.is_null) return "NULL";
  switch (v.type->id) {
    case TypeId::Boolean:
      return v.i ? "true" : "false";
    case TypeId::Int:
    case TypeId::BigInt:
      return std::to_string(v.i);
    case TypeId::Double:
      return format::javaDoubleToString(v.d);
    case TypeId::String:
      return v.s;
    case TypeId::Timestamp:
      return "TIMESTAMP '" + types::formatTimestamp(v.i) + "'";
    case TypeId::Array: {
      std::string out = "array(";
      for (size_t i = 0; i < v.children.size(); ++i) {
        if (i > 0) out += ", ";
        out += literalName(v.children[i]);
      }
      return out + ")";
    }
    case TypeId::Struct: {
      std::string out = "struct(";
      for (size_t i = 0; i < v.children.size(); ++i) {
        if (i > 0) out += ", ";
        out += literalName(v.children[i]);
      }
      return out + ")";
    }
    case TypeId::Null:
      return "NULL";
  }
  return "NULL";
}

// `a.b` as written, without the back-quotes that protect dots inside one name part.
std::string unquoted(const std::string& name) {
  std::string out;
  for (char c : name) {
    if (c != '`') out += c;
  }
  return out;
}

// The last part of a (maybe qualified / nested) column reference: `t.value` -> `value`.
std::string lastNamePart(const std::string& name) {
  bool quoted = false;
  size_t start = 0;
  for (size_t i = 0; i < name.size(); ++i) {
    if (name[i] == '`')
      quoted = !quoted;
    else if (name[i] == '.' && !quoted)
      start = i + 1;
  }
  return unquoted(name.substr(start));
}

std::string callName(const Expr& e) {
  std::vector<std::string> args;
  const FunctionDef* def = FunctionRegistry::builtin().find(e.name);
  std::string fname = def ? def->name : e.name;
  for (const auto& a : e.args) {
    // functions.count turns `*` into lit(1).
    if (a->kind == ExprKind::Star && fname == "count")
      args.push_back("1");
    else
      args.push_back(prettyName(*a));
  }
  if (def && def->pretty_name) return def->pretty_name(e, args);
  std::string out = fname + "(";
  if (e.distinct) out += "DISTINCT ";
  for (size_t i = 0; i < args.size(); ++i) {
    if (i > 0) out += ", ";
    out += args[i];
  }
  return out + ")";
}

}  // namespace

std::string prettyName(const Expr& e) {
  switch (e.kind) {
    case ExprKind::ColumnRef:
      return unquoted(e.name);
    case ExprKind::Literal:
      return literalName(e.literal);
    case ExprKind::Alias:
      return prettyName(*e.args[0]) + " AS `" + e.name + "`";
    case ExprKind::Star:
      return e.name.empty() ? "*" : e.name + ".*";
    case ExprKind::Call:
      return callName(e);
    case ExprKind::Cast:
      if (e.implicit_cast) return prettyName(*e.args[0]);
      return fmt::format("{}({} AS {})", e.try_mode ? "TRY_CAST" : "CAST", prettyName(*e.args[0]),
                         e.type->sql());
    case ExprKind::CaseWhen: {
      std::string out = "CASE";
      size_t branches = e.has_else ? e.args.size() - 1 : e.args.size();
      for (size_t i = 0; i + 1 < branches; i += 2) {
        out += " WHEN " + prettyName(*e.args[i]) + " THEN " + prettyName(*e.args[i + 1]);
      }
      if (e.has_else) out += " ELSE " + prettyName(*e.args.back());
      return out + " END";
    }
    case ExprKind::SortOrder:
      return prettyName(*e.args[0]) + (e.ascending ? " ASC" : " DESC") +
             (e.nulls_first ? " NULLS FIRST" : " NULLS LAST");
    case ExprKind::GetField:
      return prettyName(*e.args[0]) + "." + e.name;
  }
  return e.name;
}

std::string outputName(const Expr& e) {
  switch (e.kind) {
    case ExprKind::Alias:
      return e.name;
    case ExprKind::ColumnRef:
      return lastNamePart(e.name);
    case ExprKind::Cast: {
      const Expr& child = *e.args[0];
      if (e.implicit_cast || child.kind == ExprKind::ColumnRef || child.kind == ExprKind::Alias)
        return outputName(child);
      return prettyName(e);
    }
    case ExprKind::Call: {
      const FunctionDef* def = FunctionRegistry::builtin().find(e.name);
      if (def && def->kind == FunctionKind::Generator) return "col";
      return prettyName(e);
    }
    default:
      return prettyName(e);
  }
}

bool containsAggregate(const Expr& e) {
  if (e.kind == ExprKind::Call) {
    const FunctionDef* def = FunctionRegistry::builtin().find(e.name);
    if (def && def->kind == FunctionKind::Aggregate) return true;
  }
  for (const auto& a : e.args) {
    if (containsAggregate(*a)) return true;
  }
  return false;
}

bool containsGenerator(const Expr& e) {
  if (e.kind == ExprKind::Call) {
    const FunctionDef* def = FunctionRegistry::builtin().find(e.name);
    if (def && def->kind == FunctionKind::Generator) return true;
  }
  for (const auto& a : e.args) {
    if (containsGenerator(*a)) return true;
  }
  return false;
}

}  // namespace runnel::expr
