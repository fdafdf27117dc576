// Throughput of the TPC-H generator: rows generated per second on one core, all columns, as a
// tpch split would produce them (batches of 4096 rows from a TpchReader).

#include <benchmark/benchmark.h>

#include <numeric>
#include <vector>

#include "connector/tpch/LineitemIndex.h"
#include "connector/tpch/TextPool.h"
#include "connector/tpch/TpchColumn.h"
#include "connector/tpch/TpchGenerator.h"
#include "connector/tpch/TpchReader.h"

namespace presto::tpch {
namespace {

constexpr int64_t kBatchRows = 4096;
constexpr int64_t kRowsPerIteration = 1 << 20;

const TpchGenerator& generatorSf1() {
  static const TpchGenerator generator(1);
  return generator;
}

std::vector<int32_t> allColumns(TpchTable table) {
  std::vector<int32_t> ordinals(tableColumns(table).size());
  std::iota(ordinals.begin(), ordinals.end(), 0);
  return ordinals;
}

void generateRows(benchmark::State& state, TpchTable table, const std::vector<int32_t>& columns) {
  const TpchGenerator& generator = generatorSf1();
  // Build the shared text pool and the lineitem index before timing.
  TextPool::get();
  const int64_t rows = std::min(kRowsPerIteration, generator.rowCount(table));
  TpchBatch batch;
  int64_t generated = 0;
  for (auto _ : state) {
    TpchReader reader(generator, table, 0, rows, columns);
    while (reader.next(kBatchRows, batch)) {
      generated += batch.numRows;
      benchmark::DoNotOptimize(batch.columns.data());
    }
  }
  state.counters["rows_per_second"] =
      benchmark::Counter(static_cast<double>(generated), benchmark::Counter::kIsRate);
}

void BM_lineitemAllColumns(benchmark::State& state) {
  generateRows(state, TpchTable::kLineitem, allColumns(TpchTable::kLineitem));
}

void BM_ordersAllColumns(benchmark::State& state) {
  generateRows(state, TpchTable::kOrders, allColumns(TpchTable::kOrders));
}

void BM_partsuppAllColumns(benchmark::State& state) {
  generateRows(state, TpchTable::kPartsupp, allColumns(TpchTable::kPartsupp));
}

void BM_partAllColumns(benchmark::State& state) {
  generateRows(state, TpchTable::kPart, allColumns(TpchTable::kPart));
}

void BM_customerAllColumns(benchmark::State& state) {
  generateRows(state, TpchTable::kCustomer, allColumns(TpchTable::kCustomer));
}

/// The columns of TPC-H query 6: what a scan with projection pushdown generates.
void BM_lineitemQuery6Columns(benchmark::State& state) {
  generateRows(state, TpchTable::kLineitem, {4, 5, 6, 10});
}

/// Building the lineitem row index at SF 1 (1.5 million orders).
void BM_lineitemIndexSf1(benchmark::State& state) {
  for (auto _ : state) {
    LineitemIndex index(1500000);
    benchmark::DoNotOptimize(index.totalLines());
  }
}

BENCHMARK(BM_lineitemAllColumns)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ordersAllColumns)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_partsuppAllColumns)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_partAllColumns)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_customerAllColumns)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_lineitemQuery6Columns)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_lineitemIndexSf1)->Unit(benchmark::kMillisecond);

} // namespace
} // namespace presto::tpch

BENCHMARK_MAIN();
