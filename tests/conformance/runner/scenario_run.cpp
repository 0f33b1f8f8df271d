// ScenarioRun: binds inputs to MemoryStreams, evaluates the query cell, writes it to a memory sink
// with a runner-owned checkpoint, and executes the steps (StreamTest's AddData / CheckAnswer /
// StopStream ...).
#include "runner/scenario_run.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "pyspark/query_cell.h"
#include "stream/micro_batch_execution.h"

namespace runnel::conformance {

namespace {

std::string whitespaceNormalised(const std::string& s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = !out.empty();
    } else {
      if (space) out += ' ';
      out += c;
      space = false;
    }
  }
  return out;
}

class Run {
 public:
  Run(const Scenario& s, const RunnerOptions& o) : s_(s), o_(o) {}

  CaseResult execute() {
    SessionOptions opts;
    opts.clock = clock_;
    opts.chunk_capacity = o_.one_row_chunks ? 1 : 4096;
    spark_ = SparkSession::create(opts);
    spark_->setConf("spark.sql.session.timeZone", "UTC");
    std::vector<std::pair<std::string, DataFrame>> bindings;
    for (const auto& in : s_.inputs) {
      auto [ms, df] = spark_->memoryStream(in.schema);
      streams_[in.name] = ms;
      bindings.push_back({in.name, df});
    }
    for (const auto& st : s_.statics)
      bindings.push_back({st.name, spark_->createDataFrame(st.rows, st.schema)});
    size_t first = 0;
    try {
      df_ = pyspark::evaluateDataFrameCell(spark_, s_.query_code, bindings, s_.query_line);
      startQuery();
    } catch (const Error& e) {
      return expectedError(e);
    }
    if (!s_.steps.empty() && s_.steps[0].kind == StepKind::ExpectError)
      return fail(0, "expected an error, but the query started");
    for (size_t i = first; i < s_.steps.size(); ++i) {
      std::string why;
      try {
        why = step(s_.steps[i]);
      } catch (const Error& e) {
        why = e.describe();
      }
      if (!why.empty()) return fail(i, why);
    }
    return {true, "", ""};
  }

 private:
  void startQuery() {
    DataStreamWriter w = df_->writeStream()
                             .outputMode(s_.output_mode)
                             .format("memory")
                             .queryName("sink")
                             .option("checkpointLocation", "/conformance/" + s_.name);
    if (s_.trigger_processing_time_ms)
      w.triggerProcessingTime(std::to_string(*s_.trigger_processing_time_ms) + " milliseconds");
    query_ = w.start();
    if (s_.trigger_processing_time_ms) spark_->tick();  // the first trigger fires at start
  }

  bool manualTrigger() const { return s_.trigger_processing_time_ms.has_value(); }

  void processAll() {
    if (manualTrigger() || !query_->isActive()) return;
    query_->processAllAvailable();
    if (o_.restart_every_batch) {
      query_->stop();
      startQuery();
    }
  }

  types::Batch sinkRows() const {
    auto rows = spark_->tableRows("sink");
    return rows ? *rows : types::Batch::empty(df_->schema());
  }

  std::string step(const Step& st) {
    if (query_ && query_->exception()) return query_->exception()->describe();
    switch (st.kind) {
      case StepKind::AddData: {
        auto it = streams_.find(st.input);
        if (it == streams_.end()) return "unknown input " + st.input;
        it->second->addData(st.rows);
        return "";
      }
      case StepKind::Process:
        processAll();
        return "";
      case StepKind::CheckLastBatch:
      case StepKind::CheckAnswer: {
        processAll();
        if (query_->exception()) return query_->exception()->describe();
        types::Batch rows = sinkRows();
        size_t from = 0;
        bool complete = s_.output_mode == "complete";
        if (st.kind == StepKind::CheckLastBatch && !complete)
          from = std::min(last_check_, rows.num_rows);
        last_check_ = rows.num_rows;
        return compare(st, rows, from);
      }
      case StepKind::CheckNumStateRows: {
        processAll();
        int64_t n = query_->execution()->numStateRows();
        if (n != st.number) return fmt::format("expected {} state rows, found {}", st.number, n);
        return "";
      }
      case StepKind::AdvanceClock:
        clock_->advance(st.number);
        query_->execution()->tick();
        return "";
      case StepKind::StopStream:
        if (!manualTrigger()) query_->processAllAvailable();
        query_->stop();
        return "";
      case StepKind::StartStream:
        startQuery();
        return "";
      case StepKind::ExpectError:
        return "expect_error must come first";
    }
    return "";
  }

  std::string compare(const Step& st, const types::Batch& rows, size_t from) {
    std::vector<std::string> header = rows.schema.names();
    std::vector<std::string> actual, expected;
    for (size_t r = from; r < rows.num_rows; ++r) {
      std::vector<std::string> cells;
      for (const auto& c : rows.columns)
        cells.push_back(conformanceCell(c->valueAt(r)));
      actual.push_back(fmt::format("{}", fmt::join(cells, " | ")));
    }
    for (const auto& row : st.table.rows)
      expected.push_back(fmt::format("{}", fmt::join(row, " | ")));
    if (header != st.table.header) {
      return fmt::format("columns differ: expected [{}], got [{}]",
                         fmt::join(st.table.header, ", "), fmt::join(header, ", "));
    }
    std::vector<std::string> a = actual, e = expected;
    if (!st.ordered) {
      std::sort(a.begin(), a.end());
      std::sort(e.begin(), e.end());
    }
    if (a == e) return "";
    diff_ = "expected:\n";
    for (const auto& r : expected)
      diff_ += "  " + r + "\n";
    diff_ += "actual:\n";
    for (const auto& r : actual)
      diff_ += "  " + r + "\n";
    return st.ordered && std::is_permutation(a.begin(), a.end(), e.begin(), e.end())
               ? "rows match but not in order"
               : "rows differ";
  }

  CaseResult expectedError(const Error& e) {
    if (s_.steps.empty() || s_.steps[0].kind != StepKind::ExpectError) return fail(0, e.describe());
    const Step& st = s_.steps[0];
    std::string cls = e.className();
    bool class_ok = cls == st.error_class || (st.error_class == "StreamingQueryException" &&
                                              cls == "StreamingQueryException");
    if (!class_ok) return fail(0, "expected " + st.error_class + ", got " + e.describe());
    std::string msg = whitespaceNormalised(e.message());
    for (const auto& t : st.error_texts) {
      if (msg.find(whitespaceNormalised(t)) == std::string::npos)
        return fail(0, "the message lacks \"" + t + "\": " + e.message());
    }
    return {true, "", ""};
  }

  CaseResult fail(size_t at, const std::string& why) {
    CaseResult r;
    r.why = why.substr(0, why.find('\n'));
    std::string d = diff_;
    d += "scenario:\n";
    for (size_t i = 0; i < s_.steps.size(); ++i)
      d += (i == at ? "=> " : "   ") + s_.steps[i].source + "\n";
    if (query_) {
      d += fmt::format("batches run: {}, state rows: {}\nplan:\n{}",
                       query_->execution()->currentBatchId(), query_->execution()->numStateRows(),
                       query_->explain());
    }
    r.details = d;
    return r;
  }

  const Scenario& s_;
  const RunnerOptions& o_;
  std::shared_ptr<ManualClock> clock_ = std::make_shared<ManualClock>(0);
  std::shared_ptr<SparkSession> spark_;
  std::map<std::string, std::shared_ptr<stream::MemoryStream>> streams_;
  std::optional<DataFrame> df_;
  std::optional<StreamingQuery> query_;
  size_t last_check_ = 0;
  std::string diff_;
};

}  // namespace

CaseResult runScenario(const Scenario& scenario, const RunnerOptions& options) {
  try {
    return Run(scenario, options).execute();
  } catch (const Error& e) {
    return {false, e.describe(), ""};
  }
}

}  // namespace runnel::conformance
