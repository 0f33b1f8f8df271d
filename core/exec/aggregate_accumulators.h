// The concrete accumulators (private to exec/): numeric ones in aggregate_numeric.cpp,
// value-holding ones (min/max, first/last, collect_*, distinct counts) in aggregate_values.cpp.
#pragma once

#include <set>
#include <string>
#include <unordered_set>

#include "exec/aggregate_function.h"

namespace runnel::exec {

class CountAccumulator final : public Accumulator {
 public:
  void resize(size_t groups) override;
  void update(const std::vector<uint32_t>& group_ids, const std::vector<types::ColumnPtr>& args,
              const expr::EvalContext& ctx) override;
  void result(const std::vector<uint32_t>& groups, types::Column& out) const override;
  void merge(uint32_t into, uint32_t from, const expr::EvalContext& ctx) override;
  nlohmann::json save(uint32_t group) const override;
  void load(uint32_t group, const nlohmann::json& state) override;

 private:
  std::vector<int64_t> counts_;
};

class SumAccumulator final : public Accumulator {
 public:
  void resize(size_t groups) override;
  void update(const std::vector<uint32_t>& group_ids, const std::vector<types::ColumnPtr>& args,
              const expr::EvalContext& ctx) override;
  void result(const std::vector<uint32_t>& groups, types::Column& out) const override;
  void merge(uint32_t into, uint32_t from, const expr::EvalContext& ctx) override;
  nlohmann::json save(uint32_t group) const override;
  void load(uint32_t group, const nlohmann::json& state) override;

 private:
  std::vector<uint8_t> has_;
  std::vector<int64_t> ints_;
  std::vector<double> doubles_;
};

class AvgAccumulator final : public Accumulator {
 public:
  void resize(size_t groups) override;
  void update(const std::vector<uint32_t>& group_ids, const std::vector<types::ColumnPtr>& args,
              const expr::EvalContext& ctx) override;
  void result(const std::vector<uint32_t>& groups, types::Column& out) const override;
  void merge(uint32_t into, uint32_t from, const expr::EvalContext& ctx) override;
  nlohmann::json save(uint32_t group) const override;
  void load(uint32_t group, const nlohmann::json& state) override;

 private:
  std::vector<double> sums_;
  std::vector<int64_t> counts_;
};

// min, max, first, last: one Value per group (rows only at the edge of a group's change).
class ValueAccumulator final : public Accumulator {
 public:
  enum class Kind { Min, Max, First, Last, FirstIgnoreNulls, LastIgnoreNulls };
  ValueAccumulator(Kind kind, types::DataTypePtr type) : kind_(kind), type_(std::move(type)) {}
  void resize(size_t groups) override;
  void update(const std::vector<uint32_t>& group_ids, const std::vector<types::ColumnPtr>& args,
              const expr::EvalContext& ctx) override;
  void result(const std::vector<uint32_t>& groups, types::Column& out) const override;
  void merge(uint32_t into, uint32_t from, const expr::EvalContext& ctx) override;
  nlohmann::json save(uint32_t group) const override;
  void load(uint32_t group, const nlohmann::json& state) override;

 private:
  Kind kind_;
  types::DataTypePtr type_;
  std::vector<uint8_t> has_;
  std::vector<types::Value> values_;
};

// collect_list, collect_set, count(DISTINCT), approx_count_distinct.
class CollectAccumulator final : public Accumulator {
 public:
  enum class Kind { List, Set, CountDistinct };
  CollectAccumulator(Kind kind, types::DataTypePtr element)
      : kind_(kind), element_(std::move(element)) {}
  void resize(size_t groups) override;
  void update(const std::vector<uint32_t>& group_ids, const std::vector<types::ColumnPtr>& args,
              const expr::EvalContext& ctx) override;
  void result(const std::vector<uint32_t>& groups, types::Column& out) const override;
  void merge(uint32_t into, uint32_t from, const expr::EvalContext& ctx) override;
  nlohmann::json save(uint32_t group) const override;
  void load(uint32_t group, const nlohmann::json& state) override;

 private:
  Kind kind_;
  types::DataTypePtr element_;
  std::vector<std::vector<types::Value>> lists_;
  std::vector<std::set<std::string>> seen_;  // encoded values (sets and distinct counts)
};

}  // namespace runnel::exec
