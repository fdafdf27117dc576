// Runs the 22 TPC-H queries on the embedded engine over data held in memory, and writes the
// timings and the result rows as JSON for bench/tpch/compare-duckdb.js to set beside DuckDB's.
//
// The eight tables are first copied from the tpch connector into the memory connector
// (CREATE TABLE memory.default.T AS SELECT * FROM tpch.sfN.T), so that queries read resident
// columnar pages rather than generating data; with `--tables tpch` the queries read the tpch
// connector instead, generating the rows as they go (as a cluster's workers do). Each query then
// runs `warmup` times untimed and `runs` times timed, wall clock around LocalQueryRunner::execute
// (parse, plan, optimize and run; no client formatting). A query that exceeds the time limit is
// canceled and reported as such.
//
//   tpch_runner --scale 1 --runs 3 --warmup 1 --threads 2 --queries DIR --output FILE
//                  [--only q01,q06] [--timeout-seconds 600] [--tables memory|tpch]

#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "engine/LocalQueryRunner.h"
#include "vector/VectorValues.h"

namespace presto::engine {
namespace {

using Clock = std::chrono::steady_clock;
using Json = nlohmann::ordered_json;

const char* const kTables[] = {"nation", "region", "part", "supplier", "partsupp", "customer", "orders", "lineitem"};

struct Options {
  std::string scale = "1";
  int runs = 3;
  int warmup = 1;
  int threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  std::string queryDirectory;
  std::string output;
  std::vector<std::string> only;
  double timeoutSeconds = 600;
  /// Where the queries read the tables: `memory` (copied there first) or `tpch` (generated).
  std::string tables = "memory";
};

/// Collects a statement's pages and cancels it once its deadline has passed.
class DeadlineListener : public StatementListener {
 public:
  explicit DeadlineListener(Clock::time_point deadline) : deadline_(deadline) {}

  void onColumns(const std::vector<std::string>& names, const std::vector<TypePtr>& types) override {
    names_ = names;
    types_ = types;
  }
  void onPage(PagePtr page) override { pages_.push_back(std::move(page)); }
  bool isCanceled() const override { return Clock::now() > deadline_; }

  const std::vector<std::string>& names() const { return names_; }
  const std::vector<TypePtr>& types() const { return types_; }
  const std::vector<PagePtr>& pages() const { return pages_; }

 private:
  Clock::time_point deadline_;
  std::vector<std::string> names_;
  std::vector<TypePtr> types_;
  std::vector<PagePtr> pages_;
};

std::string readFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    throw std::runtime_error("cannot read " + path);
  }
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

int64_t peakResidentBytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<int64_t>(usage.ru_maxrss) * 1024;
}

double millisSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

/// The rows of a result as text (NULL as JSON null), with the column names and types.
Json resultJson(const DeadlineListener& result) {
  Json columns = Json::array();
  for (size_t column = 0; column < result.names().size(); ++column) {
    columns.push_back({{"name", result.names()[column]}, {"type", result.types()[column]->toString()}});
  }
  Json rows = Json::array();
  for (const auto& page : result.pages()) {
    for (vector_size_t row = 0; row < page->numRows(); ++row) {
      Json values = Json::array();
      for (size_t column = 0; column < page->columns().size(); ++column) {
        auto value = valueAt(*page->column(column), row);
        values.push_back(value.isNull() ? Json(nullptr) : Json(value.toString(*result.types()[column])));
      }
      rows.push_back(std::move(values));
    }
  }
  return {{"columns", std::move(columns)}, {"rows", std::move(rows)}};
}

/// Runs `sql` once; returns the elapsed milliseconds and, through `result`, its rows.
double runOnce(LocalQueryRunner& runner, const std::string& sql, const Options& options, Json* result) {
  auto deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                     std::chrono::duration<double>(options.timeoutSeconds));
  DeadlineListener listener(deadline);
  static std::atomic<int64_t> sequence{0};
  const auto start = Clock::now();
  runner.execute(runner.session(), sql, fmt::format("tpch_bench_{}", sequence++), &listener);
  const double elapsed = millisSince(start);
  if (result != nullptr) {
    *result = resultJson(listener);
  }
  return elapsed;
}

Json runQuery(LocalQueryRunner& runner, const std::string& name, const Options& options) {
  Json entry = {{"query", name}};
  const std::string sql = readFile(options.queryDirectory + "/" + name + ".sql");
  std::vector<double> timings;
  try {
    for (int i = 0; i < options.warmup; ++i) {
      runOnce(runner, sql, options, nullptr);
    }
    Json result;
    for (int i = 0; i < options.runs; ++i) {
      timings.push_back(runOnce(runner, sql, options, i + 1 == options.runs ? &result : nullptr));
    }
    entry["timings_ms"] = timings;
    entry["result"] = std::move(result);
  } catch (const std::exception& error) {
    entry["timings_ms"] = timings;
    entry["error"] = error.what();
  }
  return entry;
}

LocalQueryRunnerOptions runnerOptions(const Options& options) {
  LocalQueryRunnerOptions runnerOptions;
  runnerOptions.concurrency = options.threads;
  runnerOptions.maxQueryMemoryBytes = 64LL << 30;
  runnerOptions.catalogs = {
      {"tpch", {{"connector.name", "tpch"}, {"tpch.column-naming", "STANDARD"}}},
      {"memory",
          {{"connector.name", "memory"},
              {"memory.max-data-per-node", "256GB"},
              {"memory.splits-per-node", std::to_string(options.threads)}}},
  };
  return runnerOptions;
}

int run(const Options& options) {
  LocalQueryRunner runner(runnerOptions(options));
  Json report = {{"engine", "presto-cpp"}, {"scale_factor", options.scale}, {"threads", options.threads},
      {"runs", options.runs}, {"warmup", options.warmup}, {"tables", options.tables}};

  if (options.tables == "tpch") {
    runner.execute(fmt::format("USE tpch.\"{}\"", options.scale == "0.01" ? "tiny" : "sf" + options.scale));
    report["load_ms"] = 0;
  } else {
    const auto loadStart = Clock::now();
    for (const char* table : kTables) {
      runner.execute(fmt::format(
          "CREATE TABLE memory.default.{0} AS SELECT * FROM tpch.\"sf{1}\".{0}", table, options.scale));
    }
    runner.execute("USE memory.default");
    report["load_ms"] = millisSince(loadStart);
    std::cerr << fmt::format("presto-cpp: loaded sf{} into the memory connector in {:.1f} s\n", options.scale,
        report["load_ms"].get<double>() / 1000);
  }
  report["loaded_peak_rss_bytes"] = peakResidentBytes();

  Json queries = Json::array();
  for (int number = 1; number <= 22; ++number) {
    const std::string name = fmt::format("q{:02d}", number);
    if (!options.only.empty() && std::find(options.only.begin(), options.only.end(), name) == options.only.end()) {
      continue;
    }
    Json entry = runQuery(runner, name, options);
    const auto& timings = entry["timings_ms"];
    if (entry.contains("error")) {
      std::cerr << fmt::format("presto-cpp: {} failed: {}\n", name, entry["error"].get<std::string>());
    } else {
      std::vector<double> sorted = timings.get<std::vector<double>>();
      std::sort(sorted.begin(), sorted.end());
      std::cerr << fmt::format("presto-cpp: {} {:.1f} ms\n", name, sorted[sorted.size() / 2]);
    }
    queries.push_back(std::move(entry));
  }
  report["queries"] = std::move(queries);
  report["peak_rss_bytes"] = peakResidentBytes();

  std::ofstream out(options.output);
  out << report.dump(1) << "\n";
  if (!out.flush()) {
    std::cerr << "tpch_runner: cannot write " << options.output << "\n";
    return 1;
  }
  return 0;
}

std::vector<std::string> splitList(const std::string& text) {
  std::vector<std::string> items;
  std::stringstream stream(text);
  std::string item;
  while (std::getline(stream, item, ',')) {
    if (!item.empty()) {
      items.push_back(item.size() < 3 && item[0] != 'q' ? fmt::format("q{:02d}", std::stoi(item)) : item);
    }
  }
  return items;
}

} // namespace
} // namespace presto::engine

int main(int argc, char** argv) {
  presto::engine::Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    if (i + 1 >= argc) {
      std::cerr << "tpch_runner: " << flag << " needs a value\n";
      return 2;
    }
    const std::string value = argv[++i];
    if (flag == "--scale") {
      options.scale = value;
    } else if (flag == "--runs") {
      options.runs = std::max(1, std::stoi(value));
    } else if (flag == "--warmup") {
      options.warmup = std::max(0, std::stoi(value));
    } else if (flag == "--threads") {
      options.threads = std::max(1, std::stoi(value));
    } else if (flag == "--queries") {
      options.queryDirectory = value;
    } else if (flag == "--output") {
      options.output = value;
    } else if (flag == "--only") {
      options.only = presto::engine::splitList(value);
    } else if (flag == "--timeout-seconds") {
      options.timeoutSeconds = std::stod(value);
    } else if (flag == "--tables") {
      if (value != "memory" && value != "tpch") {
        std::cerr << "tpch_runner: --tables is memory or tpch, not " << value << "\n";
        return 2;
      }
      options.tables = value;
    } else {
      std::cerr << "tpch_runner: unknown flag " << flag << "\n";
      return 2;
    }
  }
  if (options.queryDirectory.empty() || options.output.empty()) {
    std::cerr << "usage: tpch_runner --queries DIR --output FILE [--scale SF] [--runs N] [--warmup N]"
                 " [--threads N] [--only q01,q06] [--timeout-seconds S] [--tables memory|tpch]\n";
    return 2;
  }
  try {
    return presto::engine::run(options);
  } catch (const std::exception& error) {
    std::cerr << "tpch_runner: " << error.what() << "\n";
    return 1;
  }
}
