// Exchange throughput: one producer task's output buffer read to the end through an exchange
// source, in process (pages handed over as they are) and over HTTP on loopback (pages serialized,
// sent through TaskResultsResource, deserialized by HttpExchangeSource), in the same run. Reports
// MB/s of page data (in-memory bytes) and pages/s, then the HTTP / in-process ratio.

#include <benchmark/benchmark.h>

#include <fmt/format.h>

#include <chrono>
#include <map>

#include "LoopbackWorker.h"
#include "utils/PlanBuilder.h"
#include "vector/FlatVector.h"

namespace presto::server::worker::test {
namespace {

constexpr int32_t kPageRows = 1024;
constexpr int32_t kColumns = 4;
/// 1024 rows x 4 bigint columns = 32 KB a page; 2048 pages = 64 MB a run.
constexpr int32_t kPagesPerRun = 2048;

exec::PlanNodePtr producerPlan() {
  std::vector<VectorPtr> columns;
  for (int32_t column = 0; column < kColumns; ++column) {
    auto values = FlatVector<int64_t>::create(BIGINT(), kPageRows);
    for (int32_t row = 0; row < kPageRows; ++row) {
      // Not too regular, so that compression has some work to do.
      values->set(row, (row * 2654435761LL + column) % 1'000'003);
    }
    columns.push_back(values);
  }
  return exec::test::PlanBuilder().values({exec::test::makePage(columns)}, false, kPagesPerRun).planNode();
}

/// Throughput of the last run of each transport, for the ratio printed at the end.
struct Rate {
  double bytesPerSecond = 0;
  double pagesPerSecond = 0;
};
std::map<std::string, Rate>& rates() {
  static std::map<std::string, Rate> rates;
  return rates;
}

/// Runs a producer in `harness` and reads its buffer to the end, `iterations` times.
void readProducers(benchmark::State& state, exec::test::ExchangeHarness& harness, const std::string& name) {
  auto plan = producerPlan();
  int64_t bytes = 0;
  int64_t pages = 0;
  std::chrono::duration<double> elapsed{0};
  for (auto _ : state) {
    auto start = std::chrono::steady_clock::now();
    auto producer = harness.start(plan, {exec::OutputBufferKind::kPartitioned, 1, {}});
    for (const auto& page : harness.results(producer)) {
      bytes += static_cast<int64_t>(page->retainedBytes());
      ++pages;
    }
    elapsed += std::chrono::steady_clock::now() - start;
  }
  state.SetBytesProcessed(bytes);
  state.SetItemsProcessed(pages);
  rates()[name] = Rate{bytes / elapsed.count(), pages / elapsed.count()};
}

void inProcessExchange(benchmark::State& state) {
  exec::test::ExchangeHarness harness;
  readProducers(state, harness, "in-process");
}

void httpExchange(benchmark::State& state) {
  LoopbackWorker worker;
  readProducers(state, worker.harness(), "http");
}

void httpExchangeLz4(benchmark::State& state) {
  TaskResultsConfig config;
  config.compression = CompressionCodec::kLz4;
  LoopbackWorker worker({}, config);
  readProducers(state, worker.harness(), "http-lz4");
}

BENCHMARK(inProcessExchange)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(httpExchange)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(httpExchangeLz4)->Unit(benchmark::kMillisecond)->UseRealTime();

void printRatios() {
  auto inProcess = rates().find("in-process");
  if (inProcess == rates().end()) {
    return;
  }
  for (const auto& [name, rate] : rates()) {
    fmt::print("{:>10}: {:8.1f} MB/s {:9.0f} pages/s  ({:.2f}x in-process)\n", name, rate.bytesPerSecond / 1e6,
        rate.pagesPerSecond, rate.bytesPerSecond / inProcess->second.bytesPerSecond);
  }
}

} // namespace
} // namespace presto::server::worker::test

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) {
    return 1;
  }
  benchmark::RunSpecifiedBenchmarks();
  presto::server::worker::test::printRatios();
  benchmark::Shutdown();
  return 0;
}
