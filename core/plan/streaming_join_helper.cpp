// StreamingJoinHelper: condition splitting, watermark propagation and range-condition solving for
// joins (Spark's StreamingJoinHelper.getStateValueWatermark and UnsupportedOperationChecker's
// joins).
#include "plan/streaming_join_helper.h"

#include <algorithm>

#include "plan/expression_resolver.h"

namespace runnel::plan {

using expr::Expr;
using expr::ExprKind;
using expr::ExprPtr;

namespace {

constexpr double kMicrosPerSecond = 1e6;
constexpr int64_t kMicrosPerMilli = 1000;

void conjuncts(const ExprPtr& e, std::vector<ExprPtr>& out) {
  if (e->kind == ExprKind::Call && e->name == "and") {
    for (const auto& a : e->args)
      conjuncts(a, out);
  } else {
    out.push_back(e);
  }
}

void refs(const Expr& e, std::set<int>& out) {
  if (e.kind == ExprKind::ColumnRef) out.insert(e.ordinal);
  for (const auto& a : e.args)
    refs(*a, out);
}

bool within(const std::set<int>& s, int lo, int hi) {
  return !s.empty() && *s.begin() >= lo && *s.rbegin() < hi;
}

// The same tree with every column ordinal moved down by `offset` (right-side parts over the right
// schema).
ExprPtr shifted(const ExprPtr& e, int offset) {
  auto r = std::make_shared<Expr>(*e);
  if (r->kind == ExprKind::ColumnRef) r->ordinal -= offset;
  for (auto& a : r->args)
    a = shifted(a, offset);
  return r;
}

ExprPtr andAll(const std::vector<ExprPtr>& parts) {
  if (parts.empty()) return nullptr;
  ExprPtr out = parts[0];
  for (size_t i = 1; i < parts.size(); ++i) {
    auto c = std::make_shared<Expr>(*expr::call("and", {out, parts[i]}));
    c->type = types::booleanType();
    c->resolved = true;
    out = c;
  }
  return out;
}

// One term of a linear sum: a column (ordinal >= 0) or a constant, in microseconds.
struct Term {
  int ordinal = -1;
  bool negative = false;
  double micros = 0;
};

// StreamingJoinHelper.collectTerms: flattens +, -, unary minus, numeric/timestamp casts and
// timestamp +/- interval into terms; false when something else is in the way.
bool collectTerms(const Expr& e, bool negate, std::vector<Term>& out) {
  switch (e.kind) {
    case ExprKind::ColumnRef:
      out.push_back({e.ordinal, negate, 0});
      return true;
    case ExprKind::Literal: {
      if (e.literal.is_null) return false;
      double v = e.literal.type->id == types::TypeId::Double ? e.literal.d
                                                             : static_cast<double>(e.literal.i);
      if (e.literal.type->id != types::TypeId::Timestamp) v *= kMicrosPerSecond;
      out.push_back({-1, negate, negate ? -v : v});
      return true;
    }
    case ExprKind::Cast:
      if (e.type->id == types::TypeId::String || e.type->id == types::TypeId::Boolean) return false;
      return collectTerms(*e.args[0], negate, out);
    case ExprKind::Call:
      if (e.name == "+" && e.args.size() == 2)
        return collectTerms(*e.args[0], negate, out) && collectTerms(*e.args[1], negate, out);
      if (e.name == "-" && e.args.size() == 2)
        return collectTerms(*e.args[0], negate, out) && collectTerms(*e.args[1], !negate, out);
      if ((e.name == "negative" || e.name == "-") && e.args.size() == 1)
        return collectTerms(*e.args[0], !negate, out);
      if (e.name == "time_add" && e.args[1]->kind == ExprKind::Literal) {
        // The interval operand is already in microseconds.
        double v = static_cast<double>(e.args[1]->literal.i);
        if (!collectTerms(*e.args[0], negate, out)) return false;
        out.push_back({-1, negate, negate ? -v : v});
        return true;
      }
      return false;
    default:
      return false;
  }
}

// getStateWatermarkFromLessThenPredicate for `smaller < larger`: rewritten as smaller - larger < 0,
// the state column must appear negated (-T + rest < 0, so T > rest); the other side's watermarked
// column is replaced by the watermark, and `rest` is the state watermark.
std::optional<int64_t> solveLessThan(const Expr& smaller, const Expr& larger,
                                     const std::set<int>& this_side,
                                     const std::set<int>& other_side,
                                     const std::set<int>& watermarked, int64_t watermark_ms) {
  std::set<int> used;
  refs(smaller, used);
  refs(larger, used);
  int mine = 0, theirs = 0;
  for (int o : used) {
    mine += this_side.count(o) ? 1 : 0;
    theirs += other_side.count(o) ? 1 : 0;
  }
  if (mine > 1 || theirs > 1) return std::nullopt;
  std::vector<Term> terms;
  if (!collectTerms(smaller, false, terms) || !collectTerms(larger, true, terms))
    return std::nullopt;
  const Term* constraint = nullptr;
  double rest = 0;
  bool has_rest = false;
  for (const Term& t : terms) {
    if (t.ordinal >= 0 && this_side.count(t.ordinal)) {
      constraint = &t;
      continue;
    }
    has_rest = true;
    if (t.ordinal < 0) {
      rest += t.micros;
    } else if (watermarked.count(t.ordinal)) {
      double wm = static_cast<double>(watermark_ms) * kMicrosPerMilli;
      rest += t.negative ? -wm : wm;
    } else {
      return std::nullopt;  // an unbounded column of the other side: nothing can be solved
    }
  }
  if (constraint == nullptr || !constraint->negative || !has_rest) return std::nullopt;
  return static_cast<int64_t>(rest / kMicrosPerMilli);
}

}  // namespace

JoinConditionParts splitJoinCondition(const ExprPtr& condition, size_t left_width) {
  JoinConditionParts parts;
  if (!condition) return parts;
  int nl = static_cast<int>(left_width);
  std::vector<ExprPtr> all, left_only, right_only, both;
  conjuncts(condition, all);
  for (const auto& c : all) {
    std::set<int> r;
    refs(*c, r);
    if (c->kind == ExprKind::Call && c->name == "=" && c->args.size() == 2) {
      std::set<int> a, b;
      refs(*c->args[0], a);
      refs(*c->args[1], b);
      if (within(a, 0, nl) && within(b, nl, INT32_MAX)) {
        parts.left_keys.push_back(c->args[0]);
        parts.right_keys.push_back(shifted(c->args[1], nl));
        continue;
      }
      if (within(b, 0, nl) && within(a, nl, INT32_MAX)) {
        parts.left_keys.push_back(c->args[1]);
        parts.right_keys.push_back(shifted(c->args[0], nl));
        continue;
      }
    }
    if (within(r, 0, nl))
      left_only.push_back(c);
    else if (within(r, nl, INT32_MAX))
      right_only.push_back(shifted(c, nl));
    else
      both.push_back(c);
  }
  parts.left_only = andAll(left_only);
  parts.right_only = andAll(right_only);
  parts.both_sides = andAll(both);
  return parts;
}

std::string joinTypeName(const std::string& t) {
  if (t == "inner") return "Inner";
  if (t == "cross") return "Cross";
  if (t == "left_outer") return "LeftOuter";
  if (t == "right_outer") return "RightOuter";
  if (t == "full_outer") return "FullOuter";
  if (t == "left_semi") return "LeftSemi";
  if (t == "left_anti") return "LeftAnti";
  return t;
}

bool isWatermarkInJoinKeys(const LogicalPlan& join) {
  size_t nl = join.children[0]->output.size();
  JoinConditionParts parts = splitJoinCondition(join.condition, nl);
  std::set<int> left_wm = watermarkedOrdinals(*join.children[0]);
  std::set<int> right_wm = watermarkedOrdinals(*join.children[1]);
  for (size_t i = 0; i < parts.left_keys.size(); ++i) {
    const Expr& l = *parts.left_keys[i];
    const Expr& r = *parts.right_keys[i];
    if (l.kind == ExprKind::ColumnRef && left_wm.count(l.ordinal)) return true;
    if (r.kind == ExprKind::ColumnRef && right_wm.count(r.ordinal)) return true;
  }
  return false;
}

std::optional<int64_t> stateValueWatermark(const std::set<int>& this_side,
                                           const std::set<int>& other_side,
                                           const std::set<int>& watermarked,
                                           const ExprPtr& condition, int64_t event_watermark_ms) {
  if (!condition) return std::nullopt;
  bool has_watermark = std::any_of(this_side.begin(), this_side.end(),
                                   [&](int o) { return watermarked.count(o) > 0; });
  if (!has_watermark) return std::nullopt;
  std::vector<ExprPtr> all;
  conjuncts(condition, all);
  std::optional<int64_t> result;
  for (const auto& c : all) {
    if (c->kind != ExprKind::Call || c->args.size() != 2) continue;
    const Expr& a = *c->args[0];
    const Expr& b = *c->args[1];
    std::optional<int64_t> w;
    // The cleanup is inclusive (rows <= W go), so a non-strict bound T >= W keeps W: W - 1.
    if (c->name == "<")
      w = solveLessThan(a, b, this_side, other_side, watermarked, event_watermark_ms);
    if (c->name == ">")
      w = solveLessThan(b, a, this_side, other_side, watermarked, event_watermark_ms);
    if (c->name == "<=" || c->name == ">=") {
      w = c->name == "<="
              ? solveLessThan(a, b, this_side, other_side, watermarked, event_watermark_ms)
              : solveLessThan(b, a, this_side, other_side, watermarked, event_watermark_ms);
      if (w) *w -= 1;
    }
    if (w) result = result ? std::min(*result, *w) : *w;
  }
  return result;
}

std::optional<int64_t> stateValueWatermarkOf(const LogicalPlan& join, bool left_side,
                                             int64_t event_watermark_ms) {
  int nl = static_cast<int>(join.children[0]->output.size());
  int n = static_cast<int>(join.output.size());
  if (join.join_type == "left_semi" || join.join_type == "left_anti")
    n = nl + static_cast<int>(join.children[1]->output.size());
  std::set<int> left, right, watermarked = watermarkedOrdinals(*join.children[0]);
  for (int i = 0; i < nl; ++i)
    left.insert(i);
  for (int i = nl; i < n; ++i)
    right.insert(i);
  for (int o : watermarkedOrdinals(*join.children[1]))
    watermarked.insert(o + nl);
  return left_side
             ? stateValueWatermark(left, right, watermarked, join.condition, event_watermark_ms)
             : stateValueWatermark(right, left, watermarked, join.condition, event_watermark_ms);
}

}  // namespace runnel::plan
