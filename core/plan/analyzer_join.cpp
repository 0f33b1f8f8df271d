// Analyzer: joins. Runnel does not run joins yet; the error says so where the user wrote the join.
#include "plan/analyzer.h"

namespace runnel::plan {

PlanPtr join(const PlanPtr& left, const PlanPtr& right, const std::vector<std::string>& using_cols,
             const expr::ExprPtr& condition, const std::string& how) {
  (void)left;
  (void)right;
  (void)using_cols;
  (void)condition;
  throw Error(ErrorClass::NotImplementedError,
              "DataFrame.join (" + how + ") is not supported by Runnel yet");
}

}  // namespace runnel::plan
