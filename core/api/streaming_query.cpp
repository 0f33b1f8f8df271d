// StreamingQuery: a handle on a MicroBatchExecution (status, progress, stop, processAllAvailable).
#include "runnel/streaming_query.h"

#include <nlohmann/json.hpp>

#include "stream/micro_batch_execution.h"

namespace runnel {

StreamingQuery::StreamingQuery(std::shared_ptr<stream::MicroBatchExecution> execution)
    : execution_(std::move(execution)) {}

std::string StreamingQuery::id() const {
  return execution_->config().id;
}
std::string StreamingQuery::runId() const {
  return execution_->config().run_id;
}
std::optional<std::string> StreamingQuery::name() const {
  return execution_->config().name;
}
bool StreamingQuery::isActive() const {
  return execution_->isActive();
}

std::string StreamingQuery::statusJson() const {
  nlohmann::ordered_json j;
  j["message"] = execution_->statusMessage();
  j["isDataAvailable"] = execution_->isDataAvailable();
  j["isTriggerActive"] = execution_->isTriggerActive();
  return stream::sparkPrettyJson(j);
}

std::optional<std::string> StreamingQuery::lastProgressJson() const {
  const auto& recent = execution_->recentProgress();
  if (recent.empty()) return std::nullopt;
  return recent.back().prettyJson();
}

std::vector<std::string> StreamingQuery::recentProgressJson() const {
  std::vector<std::string> out;
  for (const auto& p : execution_->recentProgress())
    out.push_back(p.prettyJson());
  return out;
}

std::optional<Error> StreamingQuery::exception() const {
  return execution_->exception();
}
void StreamingQuery::stop() {
  execution_->stop();
}
void StreamingQuery::processAllAvailable() {
  execution_->processAllAvailable();
  if (execution_->exception()) throw *execution_->exception();
}
std::string StreamingQuery::checkpointLocation() const {
  return execution_->config().checkpoint_dir;
}
std::optional<int64_t> StreamingQuery::resumedAtBatchId() const {
  return execution_->resumedAtBatchId();
}
std::string StreamingQuery::explain(bool) const {
  return "== Physical Plan ==\n" + execution_->explain();
}

}  // namespace runnel
