// Vectorised evaluation of resolved expressions (Spark's Expression.eval, a batch at a time):
// column references are shared, literals become constant columns, calls run their registry kernel.
#include "expr/evaluator.h"

#include "expr/branch_evaluator.h"
#include "expr/function_registry.h"
#include "expr/functions/simple_function.h"

namespace runnel::expr {

using types::Column;
using types::ColumnPtr;

namespace {

// A struct field, null wherever the struct itself is null.
ColumnPtr structField(const Expr& e, const ColumnPtr& parent) {
  RUNNEL_ASSERT(parent->type->id == types::TypeId::Struct, "GetField is resolved over a struct");
  size_t idx = 0;
  if (e.ordinal >= 0) {
    idx = static_cast<size_t>(e.ordinal);
  } else {
    const auto& fields = parent->type->fields;
    while (idx < fields.size() && fields[idx].name != e.name)
      ++idx;
  }
  RUNNEL_ASSERT(idx < parent->children.size(), "GetField names an existing field");
  ColumnPtr field = parent->children[idx];
  if (!parent->hasNulls()) return field;
  auto out = std::make_shared<Column>(*field);
  if (out->nulls.empty()) out->nulls.assign(out->size, 0);
  for (size_t r = 0; r < out->size; ++r)
    out->nulls[r] |= parent->nulls[r];
  return out;
}

ColumnPtr evaluateCall(const Expr& e, const types::Batch& input, const EvalContext& ctx) {
  if (e.name == "and" || e.name == "or") return evaluateLogic(e, input, ctx);
  const FunctionDef* def = FunctionRegistry::builtin().find(e.name);
  RUNNEL_ASSERT(def != nullptr, "the Analyzer resolved the function");
  RUNNEL_ASSERT(def->kind != FunctionKind::Aggregate, "aggregates are computed by HashAggregate");
  RUNNEL_ASSERT(static_cast<bool>(def->eval), "the function has a kernel");
  std::vector<ColumnPtr> args;
  args.reserve(e.args.size());
  for (const auto& a : e.args)
    args.push_back(evaluate(*a, input, ctx));
  try {
    return def->eval(e, args, input.num_rows, ctx);
  } catch (Error& err) {
    throw err.withPosition(e.pos);
  }
}

}  // namespace

ColumnPtr evaluate(const Expr& e, const types::Batch& input, const EvalContext& ctx) {
  switch (e.kind) {
    case ExprKind::ColumnRef:
      RUNNEL_ASSERT(e.ordinal >= 0 && static_cast<size_t>(e.ordinal) < input.columns.size(),
                    "column references are resolved to an input ordinal");
      return input.columns[static_cast<size_t>(e.ordinal)];
    case ExprKind::Literal: {
      if (e.literal.is_null && e.type && e.type->id != e.literal.type->id) {
        return allNulls(e.type, input.num_rows);
      }
      return types::constantColumn(e.literal, input.num_rows);
    }
    case ExprKind::Alias:
    case ExprKind::SortOrder:
      return evaluate(*e.args[0], input, ctx);
    case ExprKind::Cast:
      try {
        return castColumn(evaluate(*e.args[0], input, ctx), e.type, ctx, e.try_mode);
      } catch (Error& err) {
        throw err.withPosition(e.pos);
      }
    case ExprKind::CaseWhen:
      return evaluateCaseWhen(e, input, ctx);
    case ExprKind::GetField:
      return structField(e, evaluate(*e.args[0], input, ctx));
    case ExprKind::Call:
      return evaluateCall(e, input, ctx);
    case ExprKind::Star:
      break;
  }
  RUNNEL_ASSERT(false, "a star is expanded by the Analyzer");
  return nullptr;
}

}  // namespace runnel::expr
