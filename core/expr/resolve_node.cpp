// resolveNode: types one expression node whose children are resolved (Spark's per-node resolution:
// FunctionRegistry lookup, arity check, TypeCoercion via the TypeRule, nullability, struct fields).
#include <fmt/format.h>

#include "expr/function_registry.h"
#include "expr/type_coercion.h"
#include "types/schema.h"

namespace runnel::expr {

using types::DataTypePtr;
using types::TypeId;

namespace {

[[noreturn]] void analysisError(const Expr& e, std::string message) {
  throw Error(ErrorClass::AnalysisException, std::move(message), e.pos);
}

// Spark's FunctionRegistry arity message: "1", "[2, 3]" style is "one of 2 and 3".
std::string expectedArity(const FunctionDef& def) {
  if (def.max_args == def.min_args) return std::to_string(def.min_args);
  std::string out = "one of ";
  for (int n = def.min_args; n < def.max_args; ++n) {
    if (n > def.min_args) out += ", ";
    out += std::to_string(n);
  }
  return out + " and " + std::to_string(def.max_args);
}

bool anyArgNullable(const Expr& e) {
  for (const auto& a : e.args) {
    if (a->nullable) return true;
  }
  return false;
}

// Nullability of a call, Spark's per-expression `nullable`.

ExprPtr resolveCall(const ExprPtr& e) {
  const FunctionDef* def = FunctionRegistry::builtin().find(e->name);
  if (def == nullptr) {
    analysisError(*e, fmt::format("[UNRESOLVED_ROUTINE] Cannot resolve routine `{}` on search path "
                                  "[`system`.`builtin`, `system`.`session`, "
                                  "`spark_catalog`.`default`]. SQLSTATE: 42883",
                                  e->name));
  }
  int n = static_cast<int>(e->args.size());
  if (n < def->min_args || (def->max_args >= 0 && n > def->max_args)) {
    analysisError(*e, fmt::format("[WRONG_NUM_ARGS.WITHOUT_SUGGESTION] The `{}` requires {} "
                                  "parameters but the actual number is {}. Please, refer to "
                                  "'https://spark.apache.org/docs/latest/sql-ref-functions.html' "
                                  "for a fix. SQLSTATE: 42605",
                                  def->name, expectedArity(*def), n));
  }
  std::vector<DataTypePtr> arg_types;
  for (const auto& a : e->args)
    arg_types.push_back(a->type);
  DataTypePtr result = def->result_type ? def->result_type(*e, arg_types) : types::nullType();
  auto out = std::make_shared<Expr>(*e);
  for (size_t i = 0; i < out->args.size(); ++i) {
    if (!types::sameType(arg_types[i], out->args[i]->type))
      out->args[i] = implicitCast(out->args[i], arg_types[i]);
  }
  out->type = result;
  out->resolved = true;
  out->nullable = callNullable(*def, *out);
  return out;
}

ExprPtr resolveCaseWhen(const ExprPtr& e) {
  auto out = std::make_shared<Expr>(*e);
  size_t n = out->args.size();
  size_t branches = out->has_else ? n - 1 : n;
  DataTypePtr wider = types::nullType();
  std::vector<size_t> values;
  for (size_t i = 0; i < branches; i += 2)
    values.push_back(i + 1);
  if (out->has_else) values.push_back(n - 1);
  for (size_t i = 0; i < branches; i += 2) {
    const auto& cond = out->args[i];
    if (cond->type->id == TypeId::Null) {
      out->args[i] = implicitCast(cond, types::booleanType());
    } else if (cond->type->id != TypeId::Boolean) {
      throwDataTypeMismatch(
          *out, "UNEXPECTED_INPUT_TYPE",
          fmt::format("The {} parameter requires the \"BOOLEAN\" type, however {} "
                      "has the type {}.",
                      ordinalNumber(i), toSQLExpr(*cond), toSQLType(*cond->type)));
    }
  }
  for (size_t v : values) {
    DataTypePtr next = findWiderType(wider, out->args[v]->type);
    if (!next) {
      std::string list;
      for (size_t w : values) {
        list += (list.empty() ? "" : ", ") + toSQLType(*out->args[w]->type);
      }
      throwDataTypeMismatch(*out, "DATA_DIFF_TYPES",
                            fmt::format("Input to `casewhen` should all be the same type, but "
                                        "it's [{}].",
                                        list));
    }
    wider = next;
  }
  bool nullable = !out->has_else;
  for (size_t v : values) {
    if (!types::sameType(out->args[v]->type, wider))
      out->args[v] = implicitCast(out->args[v], wider);
    nullable = nullable || out->args[v]->nullable;
  }
  out->type = wider;
  out->nullable = nullable;
  out->resolved = true;
  return out;
}

ExprPtr resolveGetField(const ExprPtr& e) {
  const Expr& child = *e->args[0];
  if (child.type->id != TypeId::Struct) {
    analysisError(*e,
                  fmt::format("[INVALID_EXTRACT_BASE_FIELD_TYPE] Can't extract a value from {}. "
                              "Need a complex type [STRUCT, ARRAY, MAP] but got {}. "
                              "SQLSTATE: 42000",
                              toSQLExpr(child), toSQLType(*child.type)));
  }
  const auto& fields = child.type->fields;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (types::equalsIgnoreCase(fields[i].name, e->name)) {
      auto out = std::make_shared<Expr>(*e);
      out->ordinal = static_cast<int>(i);
      out->type = fields[i].type;
      out->nullable = child.nullable || fields[i].nullable;
      out->resolved = true;
      return out;
    }
  }
  std::string names;
  for (const auto& f : fields)
    names += (names.empty() ? "`" : ", `") + f.name + "`";
  analysisError(
      *e, fmt::format("[FIELD_NOT_FOUND] No such struct field `{}` in {}. SQLSTATE: 42704", e->name,
                      names));
}

}  // namespace

bool callNullable(const FunctionDef& def, const Expr& e) {
  const std::string& n = def.name;
  if (n == "isnull" || n == "isnotnull" || n == "<=>" || n == "current_timestamp") return false;
  if (n == "coalesce" || n == "nvl") {
    for (const auto& a : e.args) {
      if (!a->nullable) return false;
    }
    return true;
  }
  if (def.kind != FunctionKind::Scalar) return def.nullable_result;
  // Scalars with nullable_result == false propagate nulls only.
  return def.nullable_result || anyArgNullable(e);
}

ExprPtr implicitCast(ExprPtr child, DataTypePtr to) {
  auto e = std::make_shared<Expr>();
  e->kind = ExprKind::Cast;
  e->type = std::move(to);
  e->implicit_cast = true;
  e->resolved = true;
  e->nullable = child->nullable;
  e->pos = child->pos;
  e->args = {std::move(child)};
  return e;
}

ExprPtr resolveNode(const ExprPtr& e) {
  switch (e->kind) {
    case ExprKind::Call:
      return resolveCall(e);
    case ExprKind::CaseWhen:
      return resolveCaseWhen(e);
    case ExprKind::GetField:
      return resolveGetField(e);
    case ExprKind::Cast: {
      const Expr& child = *e->args[0];
      if (!canCast(*child.type, *e->type)) {
        throwDataTypeMismatch(
            *e, "CAST_WITHOUT_SUGGESTION",
            fmt::format("cannot cast {} to {}.", toSQLType(*child.type), toSQLType(*e->type)));
      }
      auto out = std::make_shared<Expr>(*e);
      // A string may fail to parse (null without ANSI, or under try_cast).
      out->nullable = child.nullable || e->try_mode ||
                      (child.type->id == TypeId::String && e->type->id != TypeId::String);
      out->resolved = true;
      return out;
    }
    case ExprKind::Literal: {
      auto out = std::make_shared<Expr>(*e);
      out->type = e->literal.type;
      out->nullable = e->literal.is_null;
      out->resolved = true;
      return out;
    }
    case ExprKind::Alias:
    case ExprKind::SortOrder: {
      auto out = std::make_shared<Expr>(*e);
      out->type = e->args[0]->type;
      out->nullable = e->args[0]->nullable;
      out->resolved = true;
      return out;
    }
    case ExprKind::ColumnRef:
    case ExprKind::Star:
      break;
  }
  RUNNEL_ASSERT(e->resolved, "column references are resolved by the Analyzer");
  return e;
}

}  // namespace runnel::expr
