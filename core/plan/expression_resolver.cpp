// ExpressionResolver: Spark's reference/function resolution and implicit casts for one expression
// tree.
#include "plan/expression_resolver.h"

#include <fmt/format.h>

#include "expr/function_registry.h"
#include "expr/type_coercion.h"
#include "plan/column_origin.h"
#include "plan/type_coercion.h"
#include "types/calendar_interval.h"

namespace runnel::plan {

using expr::Expr;
using expr::ExprKind;
using expr::ExprPtr;

namespace {

std::string quoteId(const std::string& name) {
  return "`" + name + "`";
}

class Resolver {
 public:
  Resolver(const types::Schema& input, const ResolveOptions& options)
      : input_(input), options_(options) {}

  ExprPtr resolve(const ExprPtr& e, bool top_level) {
    switch (e->kind) {
      case ExprKind::ColumnRef:
        // A reference already bound to this input (withColumn, drop and toDF keep the columns they
        // do not touch by position) stays: its name may be one a join made ambiguous.
        if (e->resolved && e->ordinal >= 0 && static_cast<size_t>(e->ordinal) < input_.size() &&
            input_[static_cast<size_t>(e->ordinal)].name == e->name)
          return e;
        return resolveColumn(*e);
      case ExprKind::Literal: {
        auto r = std::make_shared<Expr>(*e);
        r->resolved = true;
        r->type = e->literal.type;
        r->nullable = e->literal.is_null;
        return r;
      }
      case ExprKind::Alias: {
        auto child = resolve(e->args[0], top_level);
        auto r = std::make_shared<Expr>(*e);
        r->args = {child};
        r->type = child->type;
        r->nullable = child->nullable;
        r->resolved = true;
        return r;
      }
      case ExprKind::Star:
        throw Error(ErrorClass::AnalysisException,
                    "[INVALID_USAGE_OF_STAR_OR_REGEX] Invalid usage of '*' in expression. "
                    "SQLSTATE: 42000",
                    e->pos);
      case ExprKind::Call:
        return resolveCall(e, top_level);
      case ExprKind::Cast: {
        auto child = resolve(e->args[0], false);
        auto r = std::make_shared<Expr>(*e);
        r->args = {child};
        r->nullable = true;
        r->resolved = true;
        checkCastable(*child->type, *e->type, *r);
        return r;
      }
      case ExprKind::CaseWhen:
        return resolveCaseWhen(*e);
      case ExprKind::SortOrder: {
        auto child = resolve(e->args[0], false);
        auto r = std::make_shared<Expr>(*e);
        r->args = {child};
        r->type = child->type;
        r->nullable = child->nullable;
        r->resolved = true;
        return r;
      }
      case ExprKind::GetField: {
        auto child = resolve(e->args[0], false);
        return fieldOf(child, e->name, e->pos);
      }
    }
    RUNNEL_ASSERT(false, "every expression kind is handled");
  }

 private:
  ExprPtr fieldOf(const ExprPtr& child, const std::string& field, SourcePosition pos) {
    if (child->type->id != types::TypeId::Struct) {
      throw Error(
          ErrorClass::AnalysisException,
          fmt::format("[INVALID_EXTRACT_BASE_FIELD_TYPE] Can't extract a value from \"{}\". "
                      "Need a complex type [STRUCT, ARRAY, MAP] but got \"{}\". "
                      "SQLSTATE: 42000",
                      expr::prettyName(*child), child->type->sql()),
          pos);
    }
    const auto& fields = child->type->fields;
    for (size_t i = 0; i < fields.size(); ++i) {
      if (types::equalsIgnoreCase(fields[i].name, field)) {
        auto r = std::make_shared<Expr>();
        r->kind = ExprKind::GetField;
        r->name = fields[i].name;
        r->ordinal = static_cast<int>(i);
        r->args = {child};
        r->type = fields[i].type;
        r->nullable = true;
        r->resolved = true;
        r->pos = pos;
        return r;
      }
    }
    throw Error(ErrorClass::AnalysisException,
                fmt::format("[FIELD_NOT_FOUND] No such struct field {} in {}. SQLSTATE: 42704",
                            quoteId(field),
                            [&] {
                              std::string names;
                              for (size_t i = 0; i < fields.size(); ++i)
                                names += (i ? ", " : "") + quoteId(fields[i].name);
                              return names;
                            }()),
                pos);
  }

  ExprPtr resolveColumn(const Expr& e) {
    std::string name = e.name;
    if (name.size() >= 2 && name.front() == '`' && name.back() == '`')
      name = name.substr(1, name.size() - 2);
    if (auto match = lookupColumn(e, name, input_, options_.input_plan, join_side_)) {
      ExprPtr cur = bound(match->ordinal, e.pos);
      for (const auto& field : match->fields)
        cur = fieldOf(cur, field, e.pos);
      return cur;
    }
    // "a.b": a struct field of column a.
    auto dot = name.find('.');
    if (dot != std::string::npos) {
      if (auto idx = input_.indexOf(name.substr(0, dot))) {
        ExprPtr cur = bound(*idx, e.pos);
        std::string rest = name.substr(dot + 1);
        while (!rest.empty()) {
          auto next = rest.find('.');
          cur = fieldOf(cur, rest.substr(0, next), e.pos);
          rest = next == std::string::npos ? "" : rest.substr(next + 1);
        }
        return cur;
      }
    }
    throw unresolvedColumnError(name, input_, options_.plan_string, e.pos);
  }

  ExprPtr bound(size_t idx, SourcePosition pos) {
    auto r = std::make_shared<Expr>(*boundReference(input_, idx));
    r->pos = pos;
    return r;
  }

  ExprPtr resolveCall(const ExprPtr& e, bool top_level);
  ExprPtr resolveCaseWhen(const Expr& e);
  void checkCastable(const types::DataType& from, const types::DataType& to, const Expr& e);

  const types::Schema& input_;
  const ResolveOptions& options_;
  int join_side_ = -1;  // set while resolving one side of a self-join equality
};

}  // namespace

namespace {

// `interval '<text>'` (the SQL parser's interval(...) call) as signed microseconds, or nothing.
std::optional<int64_t> intervalMicros(const Expr& e) {
  if (e.kind != ExprKind::Call || e.name != "interval" || e.args.size() != 1 ||
      e.args[0]->kind != ExprKind::Literal || e.args[0]->literal.is_null)
    return std::nullopt;
  types::CalendarInterval i = types::stringToInterval(e.args[0]->literal.s);
  if (i.months != 0) {
    throw Error(ErrorClass::NotImplementedError,
                "Runnel does not support month or year intervals in timestamp arithmetic yet",
                e.pos);
  }
  constexpr int64_t kMicrosPerDay = 86400LL * 1000 * 1000;
  return i.days * kMicrosPerDay + i.micros;
}

ExprPtr Resolver::resolveCall(const ExprPtr& e, bool top_level) {
  // ts + interval / ts - interval / interval + ts: Spark's TimeAdd.
  if ((e->name == "+" || e->name == "-") && e->args.size() == 2) {
    bool swap = e->name == "+" && intervalMicros(*e->args[0]).has_value();
    const ExprPtr& ts = swap ? e->args[1] : e->args[0];
    if (auto micros = intervalMicros(*(swap ? e->args[0] : e->args[1]))) {
      auto call = std::make_shared<Expr>(*expr::call(
          "time_add", {ts, expr::lit(types::Value::int64(e->name == "-" ? -*micros : *micros))},
          e->pos));
      return resolveCall(call, top_level);
    }
  }
  const auto* def = expr::FunctionRegistry::builtin().find(e->name);
  if (def == nullptr) {
    throw Error(ErrorClass::AnalysisException,
                fmt::format("[UNRESOLVED_ROUTINE] Cannot resolve routine {} on search path "
                            "[`system`.`builtin`, `system`.`session`, `spark_catalog`.`default`]. "
                            "SQLSTATE: 42883",
                            quoteId(e->name)),
                e->pos);
  }
  int n = static_cast<int>(e->args.size());
  if (n < def->min_args || (def->max_args >= 0 && n > def->max_args)) {
    std::string expected =
        def->max_args == def->min_args
            ? std::to_string(def->min_args)
            : (def->max_args < 0 ? fmt::format(">= {}", def->min_args)
                                 : fmt::format("[{}, {}]", def->min_args, def->max_args));
    throw Error(ErrorClass::AnalysisException,
                fmt::format("[WRONG_NUM_ARGS.WITHOUT_SUGGESTION] The `{}` requires {} parameters "
                            "but the actual number is {}. Please, refer to "
                            "'https://spark.apache.org/docs/latest/sql-ref-functions.html' for a "
                            "fix. SQLSTATE: 42605",
                            def->name, expected, n),
                e->pos);
  }
  if (def->kind == expr::FunctionKind::Aggregate && !options_.allow_aggregates) {
    throw Error(ErrorClass::AnalysisException,
                fmt::format("[UNSUPPORTED_EXPR_FOR_OPERATOR] A query operator contains one or more "
                            "unsupported expressions. Consider to rewrite it to avoid window "
                            "functions, aggregate functions, and generator functions in the WHERE "
                            "clause. Invalid expressions: [{}] SQLSTATE: 42K0E",
                            expr::prettyName(*e)),
                e->pos);
  }
  if (def->kind == expr::FunctionKind::Generator && !(options_.allow_generators && top_level)) {
    throw Error(ErrorClass::AnalysisException,
                fmt::format("[UNSUPPORTED_GENERATOR.NESTED_IN_EXPRESSIONS] The generator is not "
                            "supported: nested in expressions \"{}\". SQLSTATE: 42K0E",
                            expr::prettyName(*e)),
                e->pos);
  }
  std::vector<ExprPtr> args;
  std::vector<types::DataTypePtr> arg_types;
  bool inner_aggregates = def->kind != expr::FunctionKind::Aggregate && options_.allow_aggregates;
  bool self_join_equality = isSelfJoinEquality(*e, options_.input_plan);
  for (const auto& a : e->args) {
    if (self_join_equality) join_side_ = static_cast<int>(args.size());
    // count(*) counts rows: Spark turns the star into the literal 1.
    if (a->kind == ExprKind::Star && def->kind == expr::FunctionKind::Aggregate) {
      args.push_back(resolve(expr::lit(types::Value::int32(1)), false));
    } else if (def->kind == expr::FunctionKind::Aggregate) {
      ResolveOptions inner = options_;
      inner.allow_aggregates = false;
      args.push_back(Resolver(input_, inner).resolve(a, false));
    } else {
      (void)inner_aggregates;
      args.push_back(resolve(a, false));
    }
    arg_types.push_back(args.back()->type);
    join_side_ = -1;
  }
  auto r = std::make_shared<Expr>(*e);
  r->name = def->name;
  auto wanted = arg_types;
  r->args = args;
  r->type = def->result_type ? def->result_type(*r, wanted) : types::nullType();
  for (size_t i = 0; i < args.size(); ++i) {
    if (!types::sameType(wanted[i], arg_types[i])) {
      args[i] = expr::implicitCast(args[i], wanted[i]);
    }
  }
  r->args = std::move(args);
  r->nullable = expr::callNullable(*def, *r);
  r->resolved = true;
  return r;
}

ExprPtr Resolver::resolveCaseWhen(const Expr& e) {
  std::vector<ExprPtr> args;
  for (const auto& a : e.args)
    args.push_back(resolve(a, false));
  size_t n = args.size();
  std::vector<size_t> value_idx;
  for (size_t i = 0; i + 1 < n; i += 2) {
    if (args[i]->type->id != types::TypeId::Boolean && args[i]->type->id != types::TypeId::Null) {
      throw Error(
          ErrorClass::AnalysisException,
          fmt::format("[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve \"{}\" due "
                      "to data type mismatch: Parameter 1 requires the \"BOOLEAN\" type, "
                      "however \"{}\" has the type \"{}\". SQLSTATE: 42K09",
                      expr::prettyName(e), expr::prettyName(*args[i]), args[i]->type->sql()),
          e.pos);
    }
    value_idx.push_back(i + 1);
  }
  if (e.has_else) value_idx.push_back(n - 1);
  types::DataTypePtr result = types::nullType();
  for (size_t i : value_idx)
    result = commonType(result, args[i]->type, e);
  for (size_t i : value_idx) {
    if (!types::sameType(args[i]->type, result)) {
      args[i] = expr::implicitCast(args[i], result);
    }
  }
  auto r = std::make_shared<Expr>(e);
  r->args = std::move(args);
  r->type = result;
  r->nullable = true;
  r->resolved = true;
  return r;
}

void Resolver::checkCastable(const types::DataType& from, const types::DataType& to,
                             const Expr& e) {
  if (canCast(from, to)) return;
  throw Error(
      ErrorClass::AnalysisException,
      fmt::format("[DATATYPE_MISMATCH.CAST_WITHOUT_SUGGESTION] Cannot resolve \"{}\" due to "
                  "data type mismatch: cannot cast \"{}\" to \"{}\". SQLSTATE: 42K09",
                  expr::prettyName(e), from.sql(), to.sql()),
      e.pos);
}

}  // namespace

ExprPtr resolveExpression(const ExprPtr& e, const types::Schema& input,
                          const ResolveOptions& options) {
  return Resolver(input, options).resolve(e, true);
}

ExprPtr boundReference(const types::Schema& input, size_t ordinal) {
  auto r = std::make_shared<Expr>();
  r->kind = ExprKind::ColumnRef;
  r->name = input.fields[ordinal].name;
  r->ordinal = static_cast<int>(ordinal);
  r->type = input.fields[ordinal].type;
  r->nullable = input.fields[ordinal].nullable;
  r->resolved = true;
  return r;
}

bool semanticEquals(const Expr& a, const Expr& b) {
  if (a.kind != b.kind || a.args.size() != b.args.size()) return false;
  switch (a.kind) {
    case ExprKind::ColumnRef:
      if (a.ordinal != b.ordinal) return false;
      break;
    case ExprKind::Literal:
      if (!(a.literal == b.literal)) return false;
      break;
    case ExprKind::Cast:
      if (!types::sameType(a.type, b.type)) return false;
      break;
    case ExprKind::Alias:
      return semanticEquals(*a.args[0], *b.args[0]) && a.name == b.name;
    default:
      if (!types::equalsIgnoreCase(a.name, b.name) || a.distinct != b.distinct) return false;
  }
  for (size_t i = 0; i < a.args.size(); ++i) {
    if (!semanticEquals(*a.args[i], *b.args[i])) return false;
  }
  return true;
}

}  // namespace runnel::plan
