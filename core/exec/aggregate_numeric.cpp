// Accumulators for count, sum and avg: plain vectors indexed by group id, no allocation per row.
#include <nlohmann/json.hpp>

#include "exec/aggregate_accumulators.h"
#include "runnel/error.h"

namespace runnel::exec {

using types::TypeId;

namespace {
// bigint addition as Spark's Add: wraps around unless ANSI mode asks for the overflow error.
int64_t addLongs(int64_t a, int64_t b, const expr::EvalContext& ctx) {
  int64_t sum;
  if (!__builtin_add_overflow(a, b, &sum)) return sum;
  if (ctx.ansi) {
    throw Error(ErrorClass::ArithmeticException,
                "[ARITHMETIC_OVERFLOW] long overflow. Use 'try_add' to tolerate overflow "
                "and return NULL instead. If necessary set \"spark.sql.ansi.enabled\" to "
                "\"false\" to bypass this error. SQLSTATE: 22003");
  }
  return static_cast<int64_t>(static_cast<uint64_t>(a) + static_cast<uint64_t>(b));
}
}  // namespace

void CountAccumulator::resize(size_t groups) {
  counts_.resize(groups, 0);
}

void CountAccumulator::update(const std::vector<uint32_t>& group_ids,
                              const std::vector<types::ColumnPtr>& args, const expr::EvalContext&) {
  // count(1) / count(*) counts rows; count(x, ...) counts rows where every argument is non-null.
  bool any_nullable = false;
  for (const auto& a : args)
    any_nullable = any_nullable || a->hasNulls();
  if (!any_nullable) {
    for (uint32_t g : group_ids)
      ++counts_[g];
    return;
  }
  for (size_t r = 0; r < group_ids.size(); ++r) {
    bool null = false;
    for (const auto& a : args)
      null = null || a->isNull(r);
    if (!null) ++counts_[group_ids[r]];
  }
}

void CountAccumulator::result(const std::vector<uint32_t>& groups, types::Column& out) const {
  for (uint32_t g : groups)
    out.appendInt(counts_[g]);
}

void CountAccumulator::merge(uint32_t into, uint32_t from, const expr::EvalContext&) {
  counts_[into] += counts_[from];
}

nlohmann::json CountAccumulator::save(uint32_t g) const {
  return counts_[g];
}
void CountAccumulator::load(uint32_t g, const nlohmann::json& j) {
  counts_[g] = j.get<int64_t>();
}

void SumAccumulator::resize(size_t groups) {
  has_.resize(groups, 0);
  ints_.resize(groups, 0);
  doubles_.resize(groups, 0);
}

void SumAccumulator::update(const std::vector<uint32_t>& group_ids,
                            const std::vector<types::ColumnPtr>& args,
                            const expr::EvalContext& ctx) {
  const types::Column& in = *args[0];
  const bool is_double = in.type->id == TypeId::Double;
  for (size_t r = 0; r < group_ids.size(); ++r) {
    if (in.isNull(r)) continue;
    uint32_t g = group_ids[r];
    has_[g] = 1;
    if (is_double) {
      doubles_[g] += in.doubles[r];
    } else {
      ints_[g] = addLongs(ints_[g], in.ints[r], ctx);
    }
  }
}

void SumAccumulator::result(const std::vector<uint32_t>& groups, types::Column& out) const {
  const bool is_double = out.type->id == TypeId::Double;
  for (uint32_t g : groups) {
    if (!has_[g])
      out.appendNull();
    else if (is_double)
      out.appendDouble(doubles_[g]);
    else
      out.appendInt(ints_[g]);
  }
}

void SumAccumulator::merge(uint32_t into, uint32_t from, const expr::EvalContext& ctx) {
  if (!has_[from]) return;
  has_[into] = 1;
  ints_[into] = addLongs(ints_[into], ints_[from], ctx);
  doubles_[into] += doubles_[from];
}

nlohmann::json SumAccumulator::save(uint32_t g) const {
  return nlohmann::json::array({has_[g], ints_[g], doubles_[g]});
}
void SumAccumulator::load(uint32_t g, const nlohmann::json& j) {
  has_[g] = j[0].get<uint8_t>();
  ints_[g] = j[1].get<int64_t>();
  doubles_[g] = j[2].get<double>();
}

void AvgAccumulator::resize(size_t groups) {
  sums_.resize(groups, 0);
  counts_.resize(groups, 0);
}

void AvgAccumulator::update(const std::vector<uint32_t>& group_ids,
                            const std::vector<types::ColumnPtr>& args, const expr::EvalContext&) {
  const types::Column& in = *args[0];
  const bool is_double = in.type->id == TypeId::Double;
  for (size_t r = 0; r < group_ids.size(); ++r) {
    if (in.isNull(r)) continue;
    uint32_t g = group_ids[r];
    sums_[g] += is_double ? in.doubles[r] : static_cast<double>(in.ints[r]);
    ++counts_[g];
  }
}

void AvgAccumulator::result(const std::vector<uint32_t>& groups, types::Column& out) const {
  for (uint32_t g : groups) {
    if (counts_[g] == 0)
      out.appendNull();
    else
      out.appendDouble(sums_[g] / static_cast<double>(counts_[g]));
  }
}

void AvgAccumulator::merge(uint32_t into, uint32_t from, const expr::EvalContext&) {
  sums_[into] += sums_[from];
  counts_[into] += counts_[from];
}

nlohmann::json AvgAccumulator::save(uint32_t g) const {
  return nlohmann::json::array({sums_[g], counts_[g]});
}
void AvgAccumulator::load(uint32_t g, const nlohmann::json& j) {
  sums_[g] = j[0].get<double>();
  counts_[g] = j[1].get<int64_t>();
}

}  // namespace runnel::exec
