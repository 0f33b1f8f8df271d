// PhysicalPlan: the operator tree planned once from an analysed LogicalPlan (Spark's SparkPlanner +
// IncrementalExecution), and the push-based executor that runs one micro-batch (or one batch
// query).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "exec/physical_operator.h"
#include "plan/logical_plan.h"

namespace runnel::exec {

class PhysicalPlan {
 public:
  explicit PhysicalPlan(const plan::PlanPtr& root);

  // Runs every operator over this batch's input: `source_batches[i]` feeds streaming relation i.
  // Returns the root's output chunks.
  std::vector<types::Batch> execute(const std::vector<types::Batch>& source_batches,
                                    ExecContext& ctx) const;
  // The streaming relations in source-index order.
  const std::vector<const plan::LogicalPlan*>& streamingRelations() const { return relations_; }
  struct StatefulInfo {
    int op_id;
    std::string name;  // "stateStoreSave", "dedupe", "globalLimit"
  };
  const std::vector<StatefulInfo>& statefulOperators() const { return stateful_; }
  // Watermark operators: op id and delay.
  const std::vector<std::pair<int, int64_t>>& watermarks() const { return watermarks_; }
  std::string explain() const;
  // Creates (and so loads from the checkpoint) every stateful operator's store before a batch runs.
  void loadState(ExecContext& ctx) const;

 private:
  struct Node {
    std::unique_ptr<PhysicalOperator> op;
    int parent = -1;
    size_t parent_input = 0;
    std::vector<int> children;
    const plan::LogicalPlan* relation = nullptr;  // leaves
    int source_index = -1;                        // streaming leaves
  };
  int build(const plan::PlanPtr& p, int parent, size_t parent_input);

  std::vector<Node> nodes_;
  int root_ = -1;
  std::vector<const plan::LogicalPlan*> relations_;
  std::vector<plan::PlanPtr> keep_alive_;
  std::vector<StatefulInfo> stateful_;
  std::vector<std::pair<int, int64_t>> watermarks_;
};

}  // namespace runnel::exec
