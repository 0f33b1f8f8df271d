// EvalContext: what expression evaluation needs from the session and the running batch.
#pragma once

#include <cstdint>
#include <string>

namespace runnel::expr {

struct EvalContext {
  bool ansi = true;                    // spark.sql.ansi.enabled (true as in Spark 4.0)
  std::string time_zone = "UTC";       // spark.sql.session.timeZone (only UTC and fixed offsets)
  int64_t batch_timestamp_micros = 0;  // current_timestamp() inside a micro-batch
};

}  // namespace runnel::expr
