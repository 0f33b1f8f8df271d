// SparkSession::State: everything a session owns (private to core/api).
#pragma once

#include <map>
#include <random>

#include "runnel/spark_session.h"
#include "stream/memory_stream.h"
#include "stream/socket_hub.h"
#include "types/batch.h"

namespace runnel {

struct SparkSession::State {
  SessionOptions options;
  std::map<std::string, std::string> conf;  // lower-cased keys
  std::shared_ptr<stream::SocketHub> hub = std::make_shared<stream::SocketHub>();
  std::vector<StreamingQuery> queries;
  std::map<std::string, types::Batch> tables;                             // memory sinks
  std::map<std::string, std::shared_ptr<const plan::LogicalPlan>> views;  // temp views
  std::mt19937_64 random;
  int next_memory_stream_id = 0;
};

}  // namespace runnel
