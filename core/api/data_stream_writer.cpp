// DataStreamWriter: output mode, sink, trigger and checkpoint resolution, the unsupported-operation
// check, then a MicroBatchExecution that the session's tick() drives.
#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "api/session_state.h"
#include "api/source_reading.h"
#include "api/stream_source_factory.h"
#include "format/csv_writer.h"
#include "format/file_format.h"
#include "plan/analyzer.h"
#include "plan/unsupported_operation_checker.h"
#include "stream/console_sink.h"
#include "stream/file_stream_sink.h"
#include "stream/memory_sink.h"
#include "stream/micro_batch_execution.h"
#include "stream/noop_sink.h"
#include "stream/socket_source.h"

namespace runnel {

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

exec::OutputMode parseOutputMode(const std::string& mode) {
  std::string m = lower(mode);
  if (m == "append") return exec::OutputMode::Append;
  if (m == "complete") return exec::OutputMode::Complete;
  if (m == "update") return exec::OutputMode::Update;
  throw Error(ErrorClass::IllegalArgumentException,
              fmt::format("Unknown output mode {}. Accepted output modes are 'append', "
                          "'complete', 'update'",
                          mode));
}

bool parseBoolOption(const std::string& v) {
  std::string l = lower(v);
  if (l == "true") return true;
  if (l == "false") return false;
  throw Error(ErrorClass::IllegalArgumentException, v + " is not a boolean string.");
}

std::shared_ptr<stream::Source> makeSource(SparkSession& session, const plan::LogicalPlan& relation,
                                           const std::string& metadata_dir) {
  const plan::SourceSpec& spec = *relation.source;
  if (auto source = makeRateOrFileSource(session, relation, metadata_dir)) return source;
  if (spec.format == "memory") return std::static_pointer_cast<stream::Source>(spec.instance);
  if (spec.format == "socket") {
    std::string host, port, ts = "false";
    for (const auto& [k, v] : spec.options) {
      if (k == "host") host = v;
      if (k == "port") port = v;
      if (k == "includetimestamp") ts = lower(v);
    }
    return std::make_shared<stream::SocketSource>(session.socketHub(), host, std::stoi(port),
                                                  ts == "true");
  }
  if (spec.instance) return std::static_pointer_cast<stream::Source>(spec.instance);
  throw Error(ErrorClass::NotImplementedError,
              "the streaming source " + spec.format + " is not supported by Runnel yet");
}

// DataSource.createSink for a file format, then ResolveWriteToStream's checkpoint rule: a file sink
// needs a path, append mode and a checkpoint location of its own.
void checkFileSink(const std::string& format, exec::OutputMode mode, const std::string* path,
                   bool has_checkpoint) {
  if (path == nullptr) throw Error(ErrorClass::IllegalArgumentException, "'path' is not specified");
  if (mode != exec::OutputMode::Append) {
    throw Error(ErrorClass::AnalysisException,
                fmt::format("[STREAMING_OUTPUT_MODE.UNSUPPORTED_DATASOURCE] Invalid streaming "
                            "output mode: {}. This output mode is not supported in Data Source "
                            "{}. SQLSTATE: 42KDE",
                            lower(exec::outputModeName(mode)), format));
  }
  if (!has_checkpoint) {
    throw Error(
        ErrorClass::AnalysisException,
        "checkpointLocation must be specified either through option(\"checkpointLocation\", "
        "...) or SparkSession.conf.set(\"spark.sql.streaming.checkpointLocation\", ...)");
  }
}

}  // namespace

DataStreamWriter& DataStreamWriter::outputMode(const std::string& mode) {
  parseOutputMode(mode);
  output_mode_ = mode;
  return *this;
}
DataStreamWriter& DataStreamWriter::format(const std::string& sink) {
  format_ = sink;
  return *this;
}
DataStreamWriter& DataStreamWriter::option(const std::string& key, const std::string& value) {
  options_.set(key, value);
  return *this;
}
DataStreamWriter& DataStreamWriter::queryName(const std::string& name) {
  query_name_ = name;
  return *this;
}
DataStreamWriter& DataStreamWriter::triggerProcessingTime(const std::string& interval) {
  stream::Trigger::processingTime(interval);  // validates now, as Spark's ProcessingTimeTrigger
  trigger_kind_ = "processingTime";
  trigger_interval_ = interval;
  return *this;
}
DataStreamWriter& DataStreamWriter::triggerOnce() {
  trigger_kind_ = "once";
  return *this;
}
DataStreamWriter& DataStreamWriter::triggerAvailableNow() {
  trigger_kind_ = "availableNow";
  return *this;
}
DataStreamWriter& DataStreamWriter::triggerContinuous(const std::string& interval) {
  stream::Trigger::continuous(interval);
  trigger_kind_ = "continuous";
  trigger_interval_ = interval;
  return *this;
}
DataStreamWriter& DataStreamWriter::foreachBatch(ForeachBatchFunction fn) {
  foreach_batch_ = std::move(fn);
  format_ = "foreachBatch";
  return *this;
}

StreamingQuery DataStreamWriter::start(const std::string& path) {
  auto session = df_.session();
  exec::OutputMode mode = parseOutputMode(output_mode_);
  if (trigger_kind_ == "continuous") {
    throw Error(ErrorClass::NotImplementedError,
                "continuous processing (trigger(continuous=...)) is not supported by Runnel; use "
                "processingTime");
  }
  std::string f = lower(format_);
  if (!path.empty()) options_.set("path", path);
  const std::string* file_path = options_.find("path");
  if (f == "csv" || f == "json") {
    bool has_checkpoint = options_.find("checkpointLocation") != nullptr ||
                          session->getConf("spark.sql.streaming.checkpointLocation").has_value();
    checkFileSink(f, mode, file_path, has_checkpoint);
  }
  plan::checkForStreaming(*df_.plan(), mode);
  stream::QueryConfig cfg;
  cfg.plan = df_.plan();
  cfg.output_mode = mode;
  cfg.name = query_name_;
  if (trigger_kind_ == "processingTime")
    cfg.trigger = stream::Trigger::processingTime(trigger_interval_);
  if (trigger_kind_ == "once") cfg.trigger.kind = stream::TriggerKind::Once;
  if (trigger_kind_ == "availableNow") cfg.trigger.kind = stream::TriggerKind::AvailableNow;
  if (query_name_) {
    for (const auto& q : session->activeQueries()) {
      if (q.name() == query_name_) {
        throw Error(ErrorClass::IllegalArgumentException,
                    fmt::format("Cannot start query with name {} as a query with that name is "
                                "already active in this SparkSession",
                                *query_name_));
      }
    }
  }
  const SessionListener& listener = session->listener();
  // Callbacks reach the query through a weak handle: the execution owns them, so a strong one would
  // keep it alive forever.
  auto self = std::make_shared<std::weak_ptr<stream::MicroBatchExecution>>();
  if (f == "console") {
    int num_rows = 20;
    if (const auto* n = options_.find("numRows")) num_rows = std::stoi(*n);
    bool truncate = true;
    if (const auto* t = options_.find("truncate")) truncate = parseBoolOption(*t);
    std::weak_ptr<SparkSession> weak = session;
    cfg.sink = std::make_unique<stream::ConsoleSink>(
        num_rows, truncate, session->timeZone(),
        [weak, self](int64_t batch_id, const types::Batch& rows, const std::string& text) {
          auto s = weak.lock();
          if (!s) return;
          s->output(text);
          auto e = self->lock();
          if (s->listener().on_batch && e)
            s->listener().on_batch(StreamingQuery(e), batch_id, rows, text);
        });
  } else if (f == "memory") {
    if (!query_name_) {
      throw Error(ErrorClass::AnalysisException, "queryName must be specified for memory sink");
    }
    std::weak_ptr<SparkSession> weak = session;
    std::string name = *query_name_;
    cfg.sink =
        std::make_unique<stream::MemorySink>([weak, name](const types::Batch& rows, bool append) {
          if (auto s = weak.lock()) s->putTable(name, rows, append);
        });
  } else if (f == "foreachbatch") {
    std::weak_ptr<SparkSession> weak = session;
    ForeachBatchFunction fn = foreach_batch_;
    cfg.sink = std::make_unique<stream::ForeachBatchSink>(
        [weak, fn](int64_t batch_id, const types::Batch& rows) {
          auto s = weak.lock();
          if (!s) return;
          fn(DataFrame(s, plan::localRelation(std::make_shared<types::Batch>(rows))), batch_id);
        });
  } else if (f == "csv" || f == "json") {
    if (f == "csv") format::checkUserSchema(format::FileFormatKind::Csv, df_.schema());
    cfg.sink = std::make_unique<stream::FileStreamSink>(
        session->fileSystem(), *file_path,
        f == "csv" ? stream::FileSinkFormat::Csv : stream::FileSinkFormat::Json,
        readOptions(*session, options_),
        // Weak: the session owns the query that owns this sink.
        [weak = std::weak_ptr<SparkSession>(session)] {
          auto s = weak.lock();
          return s ? s->newUuid() : std::string("00000000-0000-4000-8000-000000000000");
        });
  } else if (f == "noop") {
    cfg.sink = std::make_unique<stream::NoopSink>();
  } else {
    throw Error(ErrorClass::NotImplementedError,
                fmt::format("the streaming sink format \"{}\" is not supported by Runnel yet "
                            "(supported: console, memory, foreachBatch, csv, json, noop)",
                            format_.empty() ? "parquet" : format_));
  }
  std::optional<std::string> temporary_checkpoint;  // deleted when the query ends without failure
  const std::string* cp = options_.find("checkpointLocation");
  std::optional<std::string> conf_cp = session->getConf("spark.sql.streaming.checkpointLocation");
  if (cp != nullptr) {
    cfg.checkpoint_dir = *cp;
    cfg.durable_state = true;
  } else if (conf_cp) {
    cfg.checkpoint_dir = *conf_cp + "/" + query_name_.value_or(session->newUuid());
    cfg.durable_state = true;
  } else {
    cfg.checkpoint_dir = kTemporaryCheckpointPrefix + session->newUuid();
    temporary_checkpoint = cfg.checkpoint_dir;
    session->log("WARN",
                 "Temporary checkpoint location created which is deleted normally when "
                 "the query didn't fail: " +
                     cfg.checkpoint_dir +
                     ". If it's required to delete it under any circumstances, please "
                     "set spark.sql.streaming.forceDeleteTempCheckpointLocation to true. "
                     "Important to know deleting temp checkpoint folder is best effort.");
  }
  cfg.fs = &session->fileSystem();
  cfg.clock = &session->clock();
  cfg.eval.ansi = session->ansiEnabled();
  cfg.eval.time_zone = session->timeZone();
  cfg.chunk_capacity = session->chunkCapacity();
  auto existing = cfg.fs->read(cfg.checkpoint_dir + "/metadata");
  if (existing) {
    auto at = existing->find("\"id\":\"");
    cfg.id = at == std::string::npos ? session->newUuid() : existing->substr(at + 6, 36);
  } else {
    cfg.id = session->newUuid();
  }
  cfg.run_id = session->newUuid();
  exec::PhysicalPlan probe(cfg.plan);
  for (const auto* rel : probe.streamingRelations()) {
    std::string metadata_dir =
        cfg.checkpoint_dir + "/sources/" + std::to_string(cfg.sources.size());
    cfg.sources.push_back(makeSource(*session, *rel, metadata_dir));
  }
  std::weak_ptr<SparkSession> weak = session;
  cfg.on_progress = [weak, self](const stream::StreamingQueryProgress& p) {
    auto s = weak.lock();
    auto e = self->lock();
    if (s && s->listener().on_progress && e) s->listener().on_progress(StreamingQuery(e));
  };
  cfg.on_terminated = [weak, self, temporary_checkpoint](const std::optional<Error>& e) {
    auto s = weak.lock();
    auto q = self->lock();
    if (s && temporary_checkpoint && !e) s->fileSystem().remove(*temporary_checkpoint);
    if (s && s->listener().on_query_terminated && q)
      s->listener().on_query_terminated(StreamingQuery(q), e);
  };
  auto execution = std::make_shared<stream::MicroBatchExecution>(std::move(cfg));
  StreamingQuery query(execution);
  *self = execution;
  execution->start();
  session->registerQuery(query);
  if (listener.on_query_started) listener.on_query_started(query);
  return query;
}

}  // namespace runnel
