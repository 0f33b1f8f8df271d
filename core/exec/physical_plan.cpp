// PhysicalPlan: one operator per logical node; leaves are Scans. Execution pushes every leaf's
// chunks (static leaves first, so join build sides are complete), then finishes operators
// children-first.
#include "exec/physical_plan.h"

#include <functional>

#include "exec/deduplicate.h"
#include "exec/explode.h"
#include "exec/filter.h"
#include "exec/hash_aggregate.h"
#include "exec/join_selection.h"
#include "exec/project.h"
#include "exec/scan.h"
#include "exec/session_window_aggregate.h"
#include "exec/sort.h"
#include "plan/event_time.h"
#include "plan/time_windowing.h"
#include "runnel/error.h"

namespace runnel::exec {

using plan::PlanKind;

PhysicalPlan::PhysicalPlan(const plan::PlanPtr& root) {
  keep_alive_.push_back(root);
  root_ = build(root, -1, 0);
}

int PhysicalPlan::build(const plan::PlanPtr& p, int parent, size_t parent_input) {
  int id = static_cast<int>(nodes_.size());
  nodes_.emplace_back();
  nodes_[id].parent = parent;
  nodes_[id].parent_input = parent_input;
  std::unique_ptr<PhysicalOperator> op;
  switch (p->kind) {
    case PlanKind::Relation: {
      nodes_[id].relation = p.get();
      std::string desc = p->source ? p->source->description : "LocalTableScan";
      if (p->streaming) {
        nodes_[id].source_index = static_cast<int>(relations_.size());
        relations_.push_back(p.get());
      }
      op = std::make_unique<Scan>(desc, p->output);
      break;
    }
    case PlanKind::Project:
      op = std::make_unique<Project>(p->exprs, p->output);
      break;
    case PlanKind::Filter:
      op = std::make_unique<Filter>(p->condition, p->output);
      break;
    case PlanKind::Generate:
      op = std::make_unique<Explode>(p->generator->args[0], p->exprs, p->generator_outer,
                                     p->generator_position, p->output);
      break;
    case PlanKind::Aggregate:
      if (int session_key = plan::sessionWindowKey(*p); session_key >= 0) {
        op = std::make_unique<SessionWindowAggregate>(id, p->grouping, session_key, p->aggregates,
                                                      p->exprs, p->output);
        if (p->streaming) stateful_.push_back({id, "sessionWindowStateStoreSaveExec"});
        break;
      }
      op = std::make_unique<HashAggregate>(id, p->grouping, p->aggregates, p->exprs, p->output,
                                           plan::eventTimeKey(*p));
      if (p->streaming) stateful_.push_back({id, "stateStoreSave"});
      break;
    case PlanKind::Sort:
      op = std::make_unique<Sort>(p->exprs, p->output);
      break;
    case PlanKind::Limit:
      op = std::make_unique<Limit>(id, p->limit, p->output);
      if (p->streaming) stateful_.push_back({id, "globalLimit"});
      break;
    case PlanKind::Union:
      op = std::make_unique<Union>(p->output);
      break;
    case PlanKind::Deduplicate:
      op = std::make_unique<Deduplicate>(id, p->grouping, p->output, dedupWatermarkOf(*p));
      if (p->streaming) stateful_.push_back({id, "dedupe"});
      break;
    case PlanKind::EventTimeWatermark: {
      auto idx = p->output.indexOf(p->watermark_column);
      op = std::make_unique<EventTimeWatermark>(id, static_cast<int>(*idx), p->output);
      watermarks_.push_back({id, p->watermark_delay_ms});
      break;
    }
    case PlanKind::Join:
      op = planJoin(id, p);
      if (op->isStateful()) stateful_.push_back({id, "symmetricHashJoin"});
      break;
  }
  nodes_[id].op = std::move(op);
  for (size_t i = 0; i < p->children.size(); ++i) {
    int child = build(p->children[i], id, i);
    nodes_[id].children.push_back(child);
  }
  return id;
}

std::vector<types::Batch> PhysicalPlan::execute(const std::vector<types::Batch>& source_batches,
                                                ExecContext& ctx) const {
  std::vector<std::unique_ptr<OperatorState>> states(nodes_.size());
  for (size_t i = 0; i < nodes_.size(); ++i)
    states[i] = nodes_[i].op->makeState(ctx);
  std::vector<types::Batch> out;
  std::vector<Emit> emits(nodes_.size());
  for (size_t i = 0; i < nodes_.size(); ++i) {
    int parent = nodes_[i].parent;
    if (parent < 0) {
      emits[i] = [&out](const types::Batch& b) { out.push_back(b); };
    } else {
      size_t input = nodes_[i].parent_input;
      emits[i] = [this, parent, input, &ctx, &states, &emits](const types::Batch& b) {
        nodes_[parent].op->push(input, b, ctx, states[parent].get(), emits[parent]);
      };
    }
  }
  // Chunks bound what one operator holds at a time; a relation that is the whole plan (collect()
  // of a foreachBatch DataFrame) goes out as it is, not sliced and concatenated again.
  auto feed = [&](size_t i, const types::Batch& batch) {
    const size_t capacity = nodes_[i].parent < 0 ? 0 : ctx.chunk_capacity;
    emitChunked(batch, capacity, [&](const types::Batch& chunk) {
      nodes_[i].op->push(0, chunk, ctx, states[i].get(), emits[i]);
    });
  };
  for (size_t i = 0; i < nodes_.size(); ++i) {
    if (nodes_[i].relation != nullptr && nodes_[i].source_index < 0)
      feed(i, *nodes_[i].relation->local_rows);
  }
  for (size_t i = 0; i < nodes_.size(); ++i) {
    if (nodes_[i].source_index >= 0) {
      RUNNEL_ASSERT(static_cast<size_t>(nodes_[i].source_index) < source_batches.size(),
                    "one input batch per streaming relation");
      feed(i, source_batches[static_cast<size_t>(nodes_[i].source_index)]);
    }
  }
  // Children were built after their parents, so finishing in reverse id order is children-first.
  for (size_t i = nodes_.size(); i-- > 0;)
    nodes_[i].op->finish(ctx, states[i].get(), emits[i]);
  return out;
}

void PhysicalPlan::loadState(ExecContext& ctx) const {
  for (const auto& n : nodes_) {
    if (n.op->isStateful()) n.op->makeState(ctx);
  }
}

std::string PhysicalPlan::explain() const {
  std::string out;
  std::function<void(int, int)> walk = [&](int id, int depth) {
    out += std::string(depth == 0 ? 0 : (depth - 1) * 3, ' ') + (depth == 0 ? "" : "+- ") +
           nodes_[id].op->name() + "\n";
    for (int c : nodes_[id].children)
      walk(c, depth + 1);
  };
  walk(root_, 0);
  return out;
}

}  // namespace runnel::exec
