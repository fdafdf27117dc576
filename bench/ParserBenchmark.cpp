// Parse throughput of the SQL parser on about 1 MB of SQL: the TPC-H and TPC-DS queries repeated
// to about 1 MB and parsed one statement at a time, and the same text as one large statement.
// Also measures the formatter on the parsed trees.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "sql/parser/SqlFormatter.h"
#include "sql/parser/SqlParser.h"

namespace presto::sql {
namespace {

constexpr size_t kTargetBytes = 1 << 20;

std::string readQuery(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string sql = buffer.str();
  while (!sql.empty() && (std::isspace(static_cast<unsigned char>(sql.back())) || sql.back() == ';')) {
    sql.pop_back();
  }
  return sql;
}

/// The TPC-H and TPC-DS queries, repeated until they total about 1 MB.
const std::vector<std::string>& workload() {
  static const std::vector<std::string> queries = [] {
    std::vector<std::string> distinct;
    for (std::string directory : {"/tpch/queries", "/tpcds/queries"}) {
      std::vector<std::filesystem::path> files;
      for (const auto& entry :
           std::filesystem::directory_iterator(std::string(PRESTO_SHARED_DIR) + directory)) {
        files.push_back(entry.path());
      }
      std::sort(files.begin(), files.end());
      for (const auto& file : files) {
        distinct.push_back(readQuery(file));
      }
    }
    std::vector<std::string> all;
    size_t bytes = 0;
    while (bytes < kTargetBytes) {
      for (const std::string& query : distinct) {
        all.push_back(query);
        bytes += query.size();
      }
    }
    return all;
  }();
  return queries;
}

size_t totalBytes(const std::vector<std::string>& queries) {
  size_t bytes = 0;
  for (const std::string& query : queries) {
    bytes += query.size();
  }
  return bytes;
}

void parseWorkload(benchmark::State& state) {
  const std::vector<std::string>& queries = workload();
  for (auto _ : state) {
    for (const std::string& query : queries) {
      benchmark::DoNotOptimize(parseStatement(query));
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * totalBytes(queries)));
  state.counters["statements"] = static_cast<double>(queries.size());
}

/// One statement of about 1 MB: the queries as scalar subqueries in a single select list.
void parseOneLargeStatement(benchmark::State& state) {
  std::string sql = "SELECT ";
  for (const std::string& query : workload()) {
    if (sql.size() > 7) {
      sql += ",\n";
    }
    sql += "(" + query + ")";
    if (sql.size() >= kTargetBytes) {
      break;
    }
  }
  for (auto _ : state) {
    benchmark::DoNotOptimize(parseStatement(sql));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * sql.size()));
}

void formatWorkload(benchmark::State& state) {
  std::vector<StatementPtr> statements;
  for (const std::string& query : workload()) {
    statements.push_back(parseStatement(query));
  }
  size_t bytes = 0;
  for (auto _ : state) {
    bytes = 0;
    for (const StatementPtr& statement : statements) {
      std::string formatted = formatSql(*statement);
      bytes += formatted.size();
      benchmark::DoNotOptimize(formatted);
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}

BENCHMARK(parseWorkload)->Unit(benchmark::kMillisecond);
BENCHMARK(parseOneLargeStatement)->Unit(benchmark::kMillisecond);
BENCHMARK(formatWorkload)->Unit(benchmark::kMillisecond);

} // namespace
} // namespace presto::sql

BENCHMARK_MAIN();
