// runnel-bench: the peer harness's runner CLI (shared/bench/results.md, "Plugging in Runnel") over
// Runnel's public API. Lines are loaded into a memory stream untimed; timed is the query
// select(explode(split(col("value"), " ")).alias("word")).groupBy("word").count() from the source's
// batch to the aggregate's state, with a sink that only counts what it is handed.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "runnel/spark_session.h"
#include "stream/memory_stream.h"
#include "types/batch.h"

namespace {

using namespace runnel;  // a program, not a header

struct Args {
  std::string workload, input;
  int runs = 5, batches = 100, batch_lines = 10000;
  bool smoke = false;
};

const char* kUsage =
    "usage: runnel-bench --workload wordcount|microbatch --input FILE [--runs N]\n"
    "                    [--batches 100] [--batch-lines 10000] [--smoke]\n";

struct Tally {
  int64_t rows_out = 0;
  int64_t words = 0;
  int64_t distinct = 0;
  std::string top;
  int64_t top_count = 0;
};

types::Batch linesBatch(const std::vector<std::string>& lines, size_t from, size_t count) {
  types::Schema schema;
  schema.fields.push_back({"value", types::stringType(), true});
  auto col = types::Column::make(types::stringType());
  size_t bytes = 0;
  for (size_t i = from; i < from + count; ++i)
    bytes += lines[i].size();
  col->chars.reserve(bytes);
  col->reserve(count);
  for (size_t i = from; i < from + count; ++i)
    col->appendString(lines[i]);
  types::Batch b;
  b.schema = schema;
  b.num_rows = count;
  b.columns.push_back(col);
  return b;
}

// One timed run: `parts` are the micro-batches; returns seconds.
double run(const std::vector<types::Batch>& parts, bool last_state, Tally& tally) {
  auto clock = std::make_shared<ManualClock>(0);
  SessionOptions opts;
  opts.clock = clock;
  auto spark = SparkSession::create(opts);
  types::Schema schema = parts[0].schema;
  auto [source, lines] = spark->memoryStream(schema);
  using functions::call;
  using functions::col;
  DataFrame counts =
      lines
          .select({call("explode", {call("split", {col("value"), functions::litString(" ")})})
                       .alias("word")})
          .groupBy({col("word")})
          .count();
  std::map<std::string, int64_t>* final_counts = nullptr;
  std::map<std::string, int64_t> seen;
  if (last_state) final_counts = &seen;
  auto query = counts.writeStream()
                   .outputMode("update")
                   .foreachBatch([&tally, final_counts](const DataFrame& df, int64_t) {
                     types::Batch rows = df.collect();
                     tally.rows_out += static_cast<int64_t>(rows.num_rows);
                     if (final_counts == nullptr) return;
                     for (size_t r = 0; r < rows.num_rows; ++r)
                       (*final_counts)[std::string(rows.columns[0]->stringAt(r))] =
                           rows.columns[1]->ints[r];
                   })
                   .start();
  auto t0 = std::chrono::steady_clock::now();
  for (const auto& part : parts) {
    source->addBatch(part);
    query.processAllAvailable();
  }
  auto t1 = std::chrono::steady_clock::now();
  query.stop();
  if (last_state) {
    tally.distinct = static_cast<int64_t>(seen.size());
    tally.words = 0;
    for (const auto& [w, n] : seen) {
      tally.words += n;
      if (n > tally.top_count) tally.top = w, tally.top_count = n;
    }
  }
  return std::chrono::duration<double>(t1 - t0).count();
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  Args a;
  for (int i = 1; i < argc; ++i) {
    std::string k = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "missing value for %s\n%s", k.c_str(), kUsage);
        std::exit(2);
      }
      return argv[++i];
    };
    if (k == "--workload")
      a.workload = next();
    else if (k == "--input")
      a.input = next();
    else if (k == "--runs")
      a.runs = std::stoi(next());
    else if (k == "--batches")
      a.batches = std::stoi(next());
    else if (k == "--batch-lines")
      a.batch_lines = std::stoi(next());
    else if (k == "--smoke")
      a.smoke = true;
    else if (k == "--campaigns")
      next();
    else {
      std::fprintf(stderr, "unknown argument %s\n%s", k.c_str(), kUsage);
      return 2;
    }
  }
  if (a.workload != "wordcount" && a.workload != "microbatch") {
    std::fprintf(stderr, "runnel-bench: workload '%s' is not supported\n%s", a.workload.c_str(),
                 kUsage);
    return 3;
  }
  std::vector<std::string> lines;
  if (a.smoke) {
    for (int i = 0; i < 2000; ++i)
      lines.push_back("cat dog cat w" + std::to_string(i % 97));
    a.runs = 1;
    a.batches = 4;
    a.batch_lines = 500;
  } else {
    std::ifstream in(a.input);
    if (!in) {
      std::fprintf(stderr, "runnel-bench: cannot open %s\n", a.input.c_str());
      return 1;
    }
    std::string line;
    while (std::getline(in, line))
      lines.push_back(line);
  }
  std::vector<types::Batch> parts;
  if (a.workload == "wordcount") {
    parts.push_back(linesBatch(lines, 0, lines.size()));
  } else {
    if (lines.size() < static_cast<size_t>(a.batches) * a.batch_lines) {
      std::fprintf(stderr, "input has fewer than %d x %d lines\n", a.batches, a.batch_lines);
      return 1;
    }
    for (int b = 0; b < a.batches; ++b)
      parts.push_back(linesBatch(lines, static_cast<size_t>(b) * a.batch_lines, a.batch_lines));
  }
  std::vector<double> seconds;
  int64_t rows_out = 0;
  for (int r = 0; r < a.runs; ++r) {
    Tally t;
    seconds.push_back(run(parts, false, t));
    rows_out = t.rows_out;
  }
  // An untimed extra run collects the final counts for the # check line.
  Tally tally;
  run(parts, true, tally);
  std::vector<double> rates;
  for (double s : seconds)
    rates.push_back(static_cast<double>(tally.words) / s / 1e6);
  for (double r : rates)
    std::printf("%s %.3f Mwords/s\n", a.workload.c_str(), r);
  std::printf("# summary %s median=%.3f min=%.3f max=%.3f runs=%zu Mwords/s\n", a.workload.c_str(),
              median(rates), *std::min_element(rates.begin(), rates.end()),
              *std::max_element(rates.begin(), rates.end()), rates.size());
  std::printf("# check %s words=%lld distinct=%lld top=%s:%lld", a.workload.c_str(),
              static_cast<long long>(tally.words), static_cast<long long>(tally.distinct),
              tally.top.c_str(), static_cast<long long>(tally.top_count));
  if (a.workload == "microbatch")
    std::printf(" updated_rows=%lld", static_cast<long long>(rows_out));
  std::printf("\n");
  return 0;
}
