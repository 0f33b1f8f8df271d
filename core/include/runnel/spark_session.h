// SparkSession: the entry point (spark.read, spark.readStream, createDataFrame, sql, conf, streams)
// and the hub a host drives: it owns the running queries, routes socket lines to them and ticks
// them.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "runnel/clock.h"
#include "runnel/data_frame.h"
#include "runnel/data_stream_reader.h"
#include "runnel/error.h"
#include "runnel/file_system.h"
#include "runnel/streaming_query.h"

namespace runnel {

namespace types {
struct Value;
}
namespace stream {
class MemoryStream;
class SocketHub;
}  // namespace stream

// What a host hears from the session. Every callback is optional.
struct SessionListener {
  std::function<void(const std::string& text)> on_output;  // print(), show(), console sink text
  // A sink received a batch: the query, the batch id, and the rows (console text is sent via
  // on_output).
  std::function<void(const StreamingQuery& query, int64_t batch_id, const types::Batch& rows,
                     const std::string& console_text)>
      on_batch;
  // A trigger made progress: the query's lastProgress is new. The host renders what it needs of it
  // (a JSON text costs more than the batch of a typed line).
  std::function<void(const StreamingQuery& query)> on_progress;
  std::function<void(const StreamingQuery& query)> on_query_started;
  std::function<void(const StreamingQuery& query, const std::optional<Error>& error)>
      on_query_terminated;
  std::function<void(const std::string& level, const std::string& message)> on_log;  // WARN lines
};

struct SessionOptions {
  std::shared_ptr<const Clock> clock;       // required
  std::shared_ptr<FileSystem> file_system;  // defaults to an in-memory one
  SessionListener listener;
  size_t chunk_capacity =
      4096;  // rows per columnar chunk inside a micro-batch (1 in --one-row-chunks)
  std::string app_name = "runnel";
};

class SparkSession : public std::enable_shared_from_this<SparkSession> {
 public:
  static std::shared_ptr<SparkSession> create(SessionOptions options);
  ~SparkSession();

  DataStreamReader readStream();
  DataFrameReader read();
  DataFrame createDataFrame(const std::vector<std::vector<types::Value>>& rows,
                            const types::Schema& schema);
  DataFrame createDataFrame(const std::vector<std::vector<types::Value>>& rows,
                            const std::vector<std::string>& column_names);  // types inferred
  DataFrame range(int64_t start, int64_t end, int64_t step = 1);
  DataFrame sql(const std::string& query);
  DataFrame table(const std::string& name);
  void createOrReplaceTempView(const std::string& name, const DataFrame& df);

  // spark.conf
  void setConf(const std::string& key, const std::string& value);
  std::optional<std::string> getConf(const std::string& key) const;
  bool ansiEnabled() const;
  std::string timeZone() const;

  // Test and runner support: Spark's MemoryStream bound to a streaming DataFrame.
  std::pair<std::shared_ptr<stream::MemoryStream>, DataFrame> memoryStream(
      const types::Schema& schema);

  // spark.streams
  std::vector<StreamingQuery> activeQueries() const;
  std::optional<StreamingQuery> queryById(const std::string& id) const;
  void registerQuery(const StreamingQuery& query);
  void stopAll();

  // Host side: lines from the socket `target` ("localhost:9999") -- numbered from `first_offset`
  // when the host keeps a log of them --, the lines that log holds from before this session (a
  // query resuming from its checkpoint re-reads them), the host could not connect, ticking.
  void pushSocketLines(const std::string& target, const std::vector<std::string>& lines,
                       std::optional<int64_t> first_offset = std::nullopt);
  void replaySocketLog(const std::string& target, int64_t first_offset,
                       const std::vector<std::string>& lines);
  void failSocketTarget(const std::string& target, const std::string& reason);
  std::vector<std::string> socketTargets() const;  // targets active socket sources read
  // Runs every trigger that is due at the clock's current time. Returns true if a batch ran.
  bool tick();
  // The earliest time (ms) at which tick() may have work (a due trigger), or nullopt if none.
  std::optional<int64_t> nextWakeMs() const;

  const Clock& clock() const;
  FileSystem& fileSystem();
  const SessionListener& listener() const;
  size_t chunkCapacity() const;
  void setChunkCapacity(size_t rows);
  std::shared_ptr<stream::SocketHub> socketHub();
  void output(const std::string& text) const;  // to the listener's on_output
  void log(const std::string& level, const std::string& message) const;
  // Memory sink tables (queryName -> rows), readable through table()/sql().
  void putTable(const std::string& name, const types::Batch& rows, bool append);
  std::optional<types::Batch> tableRows(const std::string& name) const;
  std::string newUuid();

 private:
  explicit SparkSession(SessionOptions options);
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace runnel
