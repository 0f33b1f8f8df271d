// Analyzer: joins (Spark's Dataset.join and the ResolveNaturalAndUsingJoin rule). A USING join
// becomes a Join on key equality plus a Project that keeps each key once; a Column condition is
// resolved over [left columns..., right columns...], by column origin (df1.key), qualifier
// (col("a.key")) or name (ambiguous when both sides have it).
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>
#include <optional>

#include "plan/analyzer.h"
#include "plan/expression_resolver.h"

namespace runnel::plan {

using expr::Expr;
using expr::ExprKind;
using expr::ExprPtr;

namespace {

// JoinType.apply: the accepted spellings of `how`.
std::string canonicalJoinType(const std::string& how) {
  std::string t;
  for (char c : how) {
    if (c != '_') t += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  if (t == "inner") return "inner";
  if (t == "cross") return "cross";
  if (t == "outer" || t == "full" || t == "fullouter") return "full_outer";
  if (t == "leftouter" || t == "left") return "left_outer";
  if (t == "rightouter" || t == "right") return "right_outer";
  if (t == "leftsemi" || t == "semi") return "left_semi";
  if (t == "leftanti" || t == "anti") return "left_anti";
  throw Error(ErrorClass::IllegalArgumentException,
              fmt::format("Unsupported join type '{}'. Supported join types include: 'inner', "
                          "'outer', 'full', 'fullouter', 'full_outer', 'leftouter', 'left', "
                          "'left_outer', 'rightouter', 'right', 'right_outer', 'leftsemi', "
                          "'left_semi', 'semi', 'leftanti', 'left_anti', 'anti', 'cross'.",
                          how));
}

// `e` resolved over a two-column scratch schema, with ordinals 0 and 1 moved to `a` and `b`.
ExprPtr remapped(const ExprPtr& e, int a, int b) {
  auto r = std::make_shared<Expr>(*e);
  if (r->kind == ExprKind::ColumnRef) r->ordinal = r->ordinal == 0 ? a : b;
  for (auto& arg : r->args)
    arg = remapped(arg, a, b);
  return r;
}

// `function(left column, right column)` resolved with the usual coercions, over the joined schema.
ExprPtr pairCall(const std::string& function, const types::Schema& joined, size_t l, size_t r) {
  types::Schema scratch;
  scratch.fields = {{"l", joined[l].type, joined[l].nullable},
                    {"r", joined[r].type, joined[r].nullable}};
  ResolveOptions opts;
  ExprPtr resolved =
      resolveExpression(expr::call(function, {expr::col("l"), expr::col("r")}), scratch, opts);
  return remapped(resolved, static_cast<int>(l), static_cast<int>(r));
}

size_t usingColumn(const std::string& name, const types::Schema& side, const char* which) {
  if (auto idx = side.indexOf(name)) return *idx;
  std::vector<std::string> cols;
  for (const auto& f : side.fields)
    cols.push_back("`" + f.name + "`");
  throw Error(ErrorClass::AnalysisException,
              fmt::format("[UNRESOLVED_USING_COLUMN_FOR_JOIN] USING column `{}` cannot be resolved "
                          "on the {} side of the join. The {}-side columns: [{}]. SQLSTATE: 42703",
                          name, which, which, fmt::join(cols, ", ")));
}

ExprPtr conjunction(const std::vector<ExprPtr>& parts) {
  ExprPtr out;
  for (const auto& p : parts) {
    if (!out) {
      out = p;
      continue;
    }
    auto c = std::make_shared<Expr>(*expr::call("and", {out, p}));
    c->type = types::booleanType();
    c->nullable = out->nullable || p->nullable;
    c->resolved = true;
    out = c;
  }
  return out;
}

}  // namespace

PlanPtr join(const PlanPtr& left, const PlanPtr& right, const std::vector<std::string>& using_cols,
             const ExprPtr& condition, const std::string& how) {
  std::string type = canonicalJoinType(how);
  bool semi = type == "left_semi" || type == "left_anti";
  auto j = std::make_shared<LogicalPlan>();
  j->kind = PlanKind::Join;
  j->children = {left, right};
  j->streaming = left->streaming || right->streaming;
  j->join_type = type;
  types::Schema joined = left->output;
  for (auto& f : joined.fields)
    f.nullable = f.nullable || type == "right_outer" || type == "full_outer";
  for (auto f : right->output.fields) {
    f.nullable = f.nullable || type == "left_outer" || type == "full_outer";
    joined.fields.push_back(f);
  }
  size_t nl = left->output.size();
  j->output = joined;
  if (semi) j->output.fields.resize(nl);

  if (condition) {
    // Resolved over both sides' columns, semi joins included: a column taken from either
    // DataFrame (df1.key == df2.key) binds to its side; a bare name both sides have is ambiguous.
    LogicalPlan scope = *j;
    scope.output = joined;
    ResolveOptions opts;
    opts.input_plan = &scope;
    ExprPtr resolved = resolveExpression(condition, joined, opts);
    if (resolved->type->id != types::TypeId::Boolean) {
      throw Error(ErrorClass::AnalysisException,
                  fmt::format("[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve \"{}\" due "
                              "to data type mismatch: the join condition has the type \"{}\", "
                              "not \"BOOLEAN\". SQLSTATE: 42K09",
                              expr::prettyName(*condition), resolved->type->sql()),
                  condition->pos);
    }
    j->condition = resolved;
    return j;
  }
  if (using_cols.empty()) return j;  // a cross join

  std::vector<size_t> lkeys, rkeys;
  std::vector<ExprPtr> equalities;
  for (const auto& name : using_cols) {
    lkeys.push_back(usingColumn(name, left->output, "left"));
    rkeys.push_back(nl + usingColumn(name, right->output, "right"));
    equalities.push_back(pairCall("=", joined, lkeys.back(), rkeys.back()));
  }
  j->condition = conjunction(equalities);

  // The Project Spark's ResolveNaturalAndUsingJoin puts on top: keys, then the other columns.
  auto p = std::make_shared<LogicalPlan>();
  p->kind = PlanKind::Project;
  p->children = {j};
  p->streaming = j->streaming;
  auto keep = [&](ExprPtr e, const types::Field& f) {
    p->exprs.push_back(std::move(e));
    p->output.fields.push_back(f);
  };
  for (size_t k = 0; k < lkeys.size(); ++k) {
    size_t l = lkeys[k], r = rkeys[k];
    if (type == "full_outer") {
      ExprPtr merged = expr::alias(pairCall("coalesce", joined, l, r), joined[l].name);
      auto a = std::make_shared<Expr>(*merged);
      a->type = merged->args[0]->type;
      a->nullable = joined[l].nullable && joined[r].nullable;
      a->resolved = true;
      keep(a, {joined[l].name, a->type, a->nullable});
    } else {
      size_t from = type == "right_outer" ? r : l;
      keep(boundReference(joined, from), joined[from]);
    }
  }
  for (size_t i = 0; i < joined.size(); ++i) {
    if (semi && i >= nl) break;
    bool key = std::find(lkeys.begin(), lkeys.end(), i) != lkeys.end() ||
               std::find(rkeys.begin(), rkeys.end(), i) != rkeys.end();
    if (!key) keep(boundReference(joined, i), joined[i]);
  }
  return p;
}

}  // namespace runnel::plan
