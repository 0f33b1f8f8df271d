// Expression builders (pyspark.sql.functions vocabulary) and tree copying.
#include "expr/expression.h"

namespace runnel::expr {

ExprPtr col(std::string name, SourcePosition pos) {
  auto e = std::make_shared<Expr>();
  e->kind = ExprKind::ColumnRef;
  e->name = std::move(name);
  e->pos = pos;
  return e;
}

ExprPtr lit(types::Value v) {
  auto e = std::make_shared<Expr>();
  e->kind = ExprKind::Literal;
  e->type = v.type;
  e->nullable = v.is_null;
  e->literal = std::move(v);
  return e;
}

ExprPtr star(std::string qualifier) {
  auto e = std::make_shared<Expr>();
  e->kind = ExprKind::Star;
  e->name = std::move(qualifier);
  return e;
}

ExprPtr call(std::string function, std::vector<ExprPtr> args, SourcePosition pos) {
  auto e = std::make_shared<Expr>();
  e->kind = ExprKind::Call;
  e->name = std::move(function);
  e->args = std::move(args);
  e->pos = pos;
  return e;
}

ExprPtr alias(ExprPtr child, std::string name) {
  auto e = std::make_shared<Expr>();
  e->kind = ExprKind::Alias;
  e->name = std::move(name);
  e->pos = child->pos;
  e->args = {std::move(child)};
  return e;
}

ExprPtr multiAlias(ExprPtr child, std::vector<std::string> names) {
  auto e = std::make_shared<Expr>();
  e->kind = ExprKind::Alias;
  if (!names.empty()) e->name = names[0];
  e->names = std::move(names);
  e->pos = child->pos;
  e->args = {std::move(child)};
  return e;
}

ExprPtr cast(ExprPtr child, types::DataTypePtr to, bool try_mode) {
  auto e = std::make_shared<Expr>();
  e->kind = ExprKind::Cast;
  e->type = std::move(to);
  e->try_mode = try_mode;
  e->pos = child->pos;
  e->args = {std::move(child)};
  return e;
}

ExprPtr caseWhen(std::vector<ExprPtr> branches, bool has_else) {
  auto e = std::make_shared<Expr>();
  e->kind = ExprKind::CaseWhen;
  e->has_else = has_else;
  e->args = std::move(branches);
  return e;
}

ExprPtr sortOrder(ExprPtr child, bool ascending, bool nulls_first) {
  auto e = std::make_shared<Expr>();
  e->kind = ExprKind::SortOrder;
  e->ascending = ascending;
  e->nulls_first = nulls_first;
  e->pos = child->pos;
  e->args = {std::move(child)};
  return e;
}

ExprPtr getField(ExprPtr child, std::string field) {
  auto e = std::make_shared<Expr>();
  e->kind = ExprKind::GetField;
  e->name = std::move(field);
  e->pos = child->pos;
  e->args = {std::move(child)};
  return e;
}

ExprPtr withArgs(const ExprPtr& e, std::vector<ExprPtr> args) {
  auto copy = std::make_shared<Expr>(*e);
  copy->args = std::move(args);
  return copy;
}

}  // namespace runnel::expr
