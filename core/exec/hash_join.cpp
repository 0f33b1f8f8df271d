// HashJoin: build a hash table on the right side's keys, probe with the left, check the condition
// on the candidate pairs, then add the rows an outer join keeps without a match.
#include "exec/hash_join.h"

#include <unordered_map>

#include "exec/joined_rows.h"

namespace runnel::exec {

namespace {

struct JoinInputs final : OperatorState {
  std::vector<types::Batch> sides[2];
};

}  // namespace

HashJoin::HashJoin(JoinSpec spec, types::Schema output)
    : spec_(std::move(spec)), output_(std::move(output)) {
  bool semi = spec_.join_type == "left_semi" || spec_.join_type == "left_anti";
  joined_ = semi ? spec_.left : output_;
  if (semi)
    joined_.fields.insert(joined_.fields.end(), spec_.right.fields.begin(),
                          spec_.right.fields.end());
}

std::unique_ptr<OperatorState> HashJoin::makeState(ExecContext&) const {
  return std::make_unique<JoinInputs>();
}

void HashJoin::push(size_t input, const types::Batch& chunk, ExecContext&, OperatorState* raw,
                    const Emit&) const {
  static_cast<JoinInputs*>(raw)->sides[input].push_back(chunk);
}

void HashJoin::finish(ExecContext& ctx, OperatorState* raw, const Emit& emit) const {
  auto& in = *static_cast<JoinInputs*>(raw);
  types::Batch left = types::concatBatches(spec_.left, in.sides[0]);
  types::Batch right = types::concatBatches(spec_.right, in.sides[1]);
  if (in.sides[0].empty()) left = types::Batch::empty(spec_.left);
  if (in.sides[1].empty()) right = types::Batch::empty(spec_.right);

  // Candidate pairs: equal non-null keys, or every pair when there are no equi-join keys.
  std::vector<uint32_t> li, ri;
  if (spec_.left_keys.empty()) {
    for (uint32_t l = 0; l < left.num_rows; ++l) {
      for (uint32_t r = 0; r < right.num_rows; ++r) {
        li.push_back(l);
        ri.push_back(r);
      }
    }
  } else {
    auto lkeys = joinKeys(spec_.left_keys, left, ctx.eval);
    auto rkeys = joinKeys(spec_.right_keys, right, ctx.eval);
    std::unordered_multimap<std::string, uint32_t> table;
    for (uint32_t r = 0; r < right.num_rows; ++r) {
      if (rkeys[r]) table.emplace(*rkeys[r], r);
    }
    for (uint32_t l = 0; l < left.num_rows; ++l) {
      if (!lkeys[l]) continue;
      auto range = table.equal_range(*lkeys[l]);
      for (auto it = range.first; it != range.second; ++it) {
        li.push_back(l);
        ri.push_back(it->second);
      }
    }
  }
  std::vector<uint8_t> pass =
      conditionMask(spec_.condition, joinedRows(joined_, left, right, li, ri), ctx.eval);
  std::vector<uint8_t> left_matched(left.num_rows, 0), right_matched(right.num_rows, 0);
  std::vector<uint32_t> out_l, out_r;
  for (size_t k = 0; k < li.size(); ++k) {
    if (!pass[k]) continue;
    left_matched[li[k]] = 1;
    right_matched[ri[k]] = 1;
    out_l.push_back(li[k]);
    out_r.push_back(ri[k]);
  }
  const std::string& t = spec_.join_type;
  if (t == "left_semi" || t == "left_anti") {
    std::vector<uint32_t> keep;
    for (uint32_t l = 0; l < left.num_rows; ++l) {
      if (left_matched[l] == (t == "left_semi" ? 1 : 0)) keep.push_back(l);
    }
    if (!keep.empty()) emitChunked(left.gather(keep), ctx.chunk_capacity, emit);
    return;
  }
  if (t == "left_outer" || t == "full_outer") {
    for (uint32_t l = 0; l < left.num_rows; ++l) {
      if (left_matched[l]) continue;
      out_l.push_back(l);
      out_r.push_back(kNoRow);
    }
  }
  if (t == "right_outer" || t == "full_outer") {
    for (uint32_t r = 0; r < right.num_rows; ++r) {
      if (right_matched[r]) continue;
      out_l.push_back(kNoRow);
      out_r.push_back(r);
    }
  }
  if (!out_l.empty())
    emitChunked(joinedRows(output_, left, right, out_l, out_r), ctx.chunk_capacity, emit);
}

}  // namespace runnel::exec
