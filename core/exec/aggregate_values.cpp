// Value-holding accumulators (min/max/first/last, collect_list/collect_set, distinct counts), the
// accumulator factory, and Value <-> JSON for checkpointed state.
#include <nlohmann/json.hpp>

#include "exec/aggregate_accumulators.h"
#include "exec/group_key_table.h"
#include "runnel/error.h"

namespace runnel::exec {

using types::TypeId;
using types::Value;

namespace {
// Spark's ordering for min/max: numbers by value (NaN largest), strings by bytes, booleans
// false<true.
bool less(const Value& a, const Value& b) {
  switch (a.type->id) {
    case TypeId::Double: {
      if (a.d != a.d) return false;
      if (b.d != b.d) return true;
      return a.d < b.d;
    }
    case TypeId::String:
      return a.s < b.s;
    default:
      return a.i < b.i;
  }
}
}  // namespace

void ValueAccumulator::resize(size_t groups) {
  has_.resize(groups, 0);
  values_.resize(groups, Value::null(type_));
}

void ValueAccumulator::update(const std::vector<uint32_t>& group_ids,
                              const std::vector<types::ColumnPtr>& args, const expr::EvalContext&) {
  const types::Column& in = *args[0];
  for (size_t r = 0; r < group_ids.size(); ++r) {
    uint32_t g = group_ids[r];
    bool null = in.isNull(r);
    switch (kind_) {
      case Kind::First:
        if (!has_[g]) values_[g] = in.valueAt(r), has_[g] = 1;
        break;
      case Kind::Last:
        values_[g] = in.valueAt(r), has_[g] = 1;
        break;
      case Kind::FirstIgnoreNulls:
        if (!has_[g] && !null) values_[g] = in.valueAt(r), has_[g] = 1;
        break;
      case Kind::LastIgnoreNulls:
        if (!null) values_[g] = in.valueAt(r), has_[g] = 1;
        break;
      case Kind::Min:
      case Kind::Max: {
        if (null) break;
        Value v = in.valueAt(r);
        if (!has_[g] || (kind_ == Kind::Min ? less(v, values_[g]) : less(values_[g], v))) {
          values_[g] = std::move(v);
          has_[g] = 1;
        }
        break;
      }
    }
  }
}

void ValueAccumulator::result(const std::vector<uint32_t>& groups, types::Column& out) const {
  for (uint32_t g : groups)
    out.appendValue(values_[g]);
}

void ValueAccumulator::merge(uint32_t into, uint32_t from, const expr::EvalContext&) {
  if (!has_[from]) return;
  bool take = !has_[into];
  switch (kind_) {
    case Kind::First:
    case Kind::FirstIgnoreNulls:
      break;  // `into` holds the earlier rows: its first value stays
    case Kind::Last:
    case Kind::LastIgnoreNulls:
      take = true;
      break;
    case Kind::Min:
      take = take || less(values_[from], values_[into]);
      break;
    case Kind::Max:
      take = take || less(values_[into], values_[from]);
      break;
  }
  if (take) {
    values_[into] = values_[from];
    has_[into] = 1;
  }
}

nlohmann::json ValueAccumulator::save(uint32_t g) const {
  return nlohmann::json::array({has_[g], valueToJson(values_[g])});
}
void ValueAccumulator::load(uint32_t g, const nlohmann::json& j) {
  has_[g] = j[0].get<uint8_t>();
  values_[g] = valueFromJson(j[1], type_);
}

void CollectAccumulator::resize(size_t groups) {
  lists_.resize(groups);
  seen_.resize(groups);
}

void CollectAccumulator::update(const std::vector<uint32_t>& group_ids,
                                const std::vector<types::ColumnPtr>& args,
                                const expr::EvalContext&) {
  std::string key;
  for (size_t r = 0; r < group_ids.size(); ++r) {
    bool null = false;
    for (const auto& a : args)
      null = null || a->isNull(r);
    if (null) continue;  // collect_* and distinct counts skip nulls
    uint32_t g = group_ids[r];
    if (kind_ == Kind::List) {
      lists_[g].push_back(args[0]->valueAt(r));
      continue;
    }
    key.clear();
    for (const auto& a : args)
      encodeKeyValue(*a, r, key);
    if (seen_[g].insert(key).second && kind_ == Kind::Set) lists_[g].push_back(args[0]->valueAt(r));
  }
}

void CollectAccumulator::result(const std::vector<uint32_t>& groups, types::Column& out) const {
  for (uint32_t g : groups) {
    if (kind_ == Kind::CountDistinct) {
      out.appendInt(static_cast<int64_t>(seen_[g].size()));
      continue;
    }
    for (const auto& v : lists_[g])
      out.children[0]->appendValue(v);
    out.closeArrayRow();
  }
}

void CollectAccumulator::merge(uint32_t into, uint32_t from, const expr::EvalContext&) {
  if (kind_ == Kind::List) {
    lists_[into].insert(lists_[into].end(), lists_[from].begin(), lists_[from].end());
    return;
  }
  if (kind_ == Kind::Set) {
    // A set keeps each value once, at its first occurrence: `into`'s values come first.
    std::vector<Value> added;
    for (const auto& v : lists_[from]) {
      bool present = false;
      for (const auto& w : lists_[into])
        present = present || w == v;
      if (!present) added.push_back(v);
    }
    lists_[into].insert(lists_[into].end(), added.begin(), added.end());
  }
  seen_[into].insert(seen_[from].begin(), seen_[from].end());
}

nlohmann::json CollectAccumulator::save(uint32_t g) const {
  nlohmann::json values = nlohmann::json::array();
  for (const auto& v : lists_[g])
    values.push_back(valueToJson(v));
  nlohmann::json seen = nlohmann::json::array();
  for (const auto& s : seen_[g])
    seen.push_back(nlohmann::json::binary({s.begin(), s.end()}));
  return nlohmann::json::array({values, seen});
}
void CollectAccumulator::load(uint32_t g, const nlohmann::json& j) {
  lists_[g].clear();
  for (const auto& v : j[0])
    lists_[g].push_back(valueFromJson(v, element_));
  seen_[g].clear();
  for (const auto& s : j[1]) {
    const auto& bytes = s.get_binary();
    seen_[g].insert(std::string(bytes.begin(), bytes.end()));
  }
}

std::unique_ptr<Accumulator> makeAccumulator(const expr::Expr& call) {
  const std::string& f = call.name;
  auto arg_type = call.args.empty() ? types::nullType() : call.args[0]->type;
  bool ignore_nulls = call.args.size() > 1 && call.args[1]->kind == expr::ExprKind::Literal &&
                      call.args[1]->literal.i != 0;
  if (f == "count" && call.distinct)
    return std::make_unique<CollectAccumulator>(CollectAccumulator::Kind::CountDistinct, arg_type);
  if (f == "count") return std::make_unique<CountAccumulator>();
  if (f == "sum") return std::make_unique<SumAccumulator>();
  if (f == "avg") return std::make_unique<AvgAccumulator>();
  using K = ValueAccumulator::Kind;
  if (f == "min") return std::make_unique<ValueAccumulator>(K::Min, call.type);
  if (f == "max") return std::make_unique<ValueAccumulator>(K::Max, call.type);
  if (f == "first")
    return std::make_unique<ValueAccumulator>(ignore_nulls ? K::FirstIgnoreNulls : K::First,
                                              call.type);
  if (f == "last")
    return std::make_unique<ValueAccumulator>(ignore_nulls ? K::LastIgnoreNulls : K::Last,
                                              call.type);
  if (f == "collect_list")
    return std::make_unique<CollectAccumulator>(CollectAccumulator::Kind::List, arg_type);
  if (f == "collect_set")
    return std::make_unique<CollectAccumulator>(CollectAccumulator::Kind::Set, arg_type);
  if (f == "approx_count_distinct")
    return std::make_unique<CollectAccumulator>(CollectAccumulator::Kind::CountDistinct, arg_type);
  throw Error(ErrorClass::NotImplementedError,
              "aggregate function " + f + " is not supported by Runnel yet", call.pos);
}

nlohmann::json valueToJson(const Value& v) {
  if (v.is_null) return nullptr;
  switch (v.type->id) {
    case TypeId::Double:
      return v.d;
    case TypeId::String:
      return v.s;
    case TypeId::Array:
    case TypeId::Struct: {
      nlohmann::json a = nlohmann::json::array();
      for (const auto& c : v.children)
        a.push_back(valueToJson(c));
      return a;
    }
    default:
      return v.i;
  }
}

Value valueFromJson(const nlohmann::json& j, const types::DataTypePtr& type) {
  if (j.is_null()) return Value::null(type);
  Value v;
  v.type = type;
  v.is_null = false;
  switch (type->id) {
    case TypeId::Double:
      v.d = j.get<double>();
      break;
    case TypeId::String:
      v.s = j.get<std::string>();
      break;
    case TypeId::Array:
      for (const auto& c : j)
        v.children.push_back(valueFromJson(c, type->element));
      break;
    case TypeId::Struct:
      for (size_t i = 0; i < type->fields.size(); ++i)
        v.children.push_back(valueFromJson(j[i], type->fields[i].type));
      break;
    default:
      v.i = j.get<int64_t>();
      break;
  }
  return v;
}

}  // namespace runnel::exec
