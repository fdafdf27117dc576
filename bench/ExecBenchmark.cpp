// Micro-benchmarks of the execution core, run as whole plans in a Task on a one-thread executor
// (so rows/s is per core): hash aggregation and hash join by key shape, and the driver loop's
// overhead per page; and a join table built in one or in parallel partitions.

#include <benchmark/benchmark.h>

#include <chrono>
#include <thread>

#include "exec/HashJoinBridge.h"
#include "exec/TaskExecutor.h"
#include "utils/PlanBuilder.h"
#include "utils/QueryRunner.h"
#include "vector/FlatVector.h"

namespace presto::exec::test {
namespace {

constexpr vector_size_t kPageRows = 1024;

TaskExecutor& singleThreadExecutor() {
  static TaskExecutor executor(TaskExecutorConfig{1, {}});
  return executor;
}

/// Key shapes: `numKeys` bigint columns, or one varchar column.
struct KeyShape {
  int32_t numBigintKeys;
  bool varchar;
};

/// `numRows` rows of keys drawn from `numDistinct` combinations, plus a bigint value column.
std::vector<PagePtr> makeInput(KeyShape shape, int64_t numRows, int64_t numDistinct, uint64_t seed) {
  std::vector<PagePtr> pages;
  uint64_t state = seed;
  for (int64_t start = 0; start < numRows; start += kPageRows) {
    auto size = static_cast<vector_size_t>(std::min<int64_t>(kPageRows, numRows - start));
    std::vector<VectorPtr> columns;
    std::vector<int64_t> draws(static_cast<size_t>(size));
    for (auto& draw : draws) {
      state = state * 6364136223846793005ULL + 1442695040888963407ULL;
      draw = static_cast<int64_t>((state >> 33) % static_cast<uint64_t>(numDistinct));
    }
    if (shape.varchar) {
      auto keys = FlatVector<StringView>::create(VARCHAR(), size);
      for (vector_size_t i = 0; i < size; ++i) {
        keys->setString(i, "customer#" + std::to_string(draws[static_cast<size_t>(i)] * 7919));
      }
      columns.push_back(keys);
    }
    for (int32_t key = 0; key < shape.numBigintKeys; ++key) {
      auto keys = FlatVector<int64_t>::create(BIGINT(), size);
      for (vector_size_t i = 0; i < size; ++i) {
        // Spread the combinations over the key columns; wide values defeat the array mode.
        int64_t part = key == 0 ? draws[static_cast<size_t>(i)] : draws[static_cast<size_t>(i)] % (7 + key);
        keys->set(i, part * 1'000'003 + key);
      }
      columns.push_back(keys);
    }
    auto values = FlatVector<int64_t>::create(BIGINT(), size);
    for (vector_size_t i = 0; i < size; ++i) {
      values->set(i, start + i);
    }
    columns.push_back(values);
    pages.push_back(std::make_shared<Page>(size, std::move(columns)));
  }
  return pages;
}

KeyShape shapeOf(const benchmark::State& state) {
  return state.range(0) == 0 ? KeyShape{0, true} : KeyShape{static_cast<int32_t>(state.range(0)), false};
}

int32_t numKeyColumns(KeyShape shape) {
  return shape.varchar ? 1 : shape.numBigintKeys;
}

/// Runs `plan` and reports the task's CPU time (all driver quanta on the executor thread) as the
/// iteration time, so that items/s is per core even on a busy machine.
void runPlan(benchmark::State& state, const PlanNodePtr& plan, int64_t rowsPerRun) {
  for (auto _ : state) {
    QueryRunner runner(plan);
    auto pages = runner.executor(&singleThreadExecutor()).run();
    benchmark::DoNotOptimize(pages);
    state.SetIterationTime(static_cast<double>(runner.task()->handle()->cpuNanos()) / 1e9);
  }
  state.SetItemsProcessed(state.iterations() * rowsPerRun);
}

/// sum(value), count(*) GROUP BY keys over 1M rows, 100K groups.
void hashAggregation(benchmark::State& state) {
  auto shape = shapeOf(state);
  constexpr int64_t kRows = 1'000'000;
  auto input = makeInput(shape, kRows, 100'000, 42);
  std::vector<int32_t> keys;
  for (int32_t i = 0; i < numKeyColumns(shape); ++i) {
    keys.push_back(i);
  }
  auto valueChannel = numKeyColumns(shape);
  auto plan = PlanBuilder()
                  .values(input)
                  .singleAggregation(keys, {aggregate("sum", {valueChannel}, BIGINT()), aggregate("count", {}, BIGINT())})
                  .planNode();
  runPlan(state, plan, kRows);
}

/// Inner join of 1M probe rows with 100K build rows (unique keys; ~every probe row matches).
void hashJoin(benchmark::State& state) {
  auto shape = shapeOf(state);
  constexpr int64_t kProbeRows = 1'000'000;
  constexpr int64_t kBuildRows = 100'000;
  auto probe = makeInput(shape, kProbeRows, kBuildRows, 7);
  // Build side: every key combination once.
  std::vector<PagePtr> build;
  {
    auto all = makeInput(shape, kBuildRows * 4, kBuildRows, 7);
    build = all;
  }
  std::vector<int32_t> keys;
  for (int32_t i = 0; i < numKeyColumns(shape); ++i) {
    keys.push_back(i);
  }
  auto ids = std::make_shared<PlanNodeIdGenerator>();
  // Deduplicate the build side first so the join sees unique keys.
  auto buildPlan = PlanBuilder(ids).values(build).singleAggregation(keys, {aggregate("count", {}, BIGINT())}).planNode();
  auto buildPages = QueryRunner(buildPlan).executor(&singleThreadExecutor()).run();
  auto rightPlan = PlanBuilder(ids).values(buildPages).planNode();
  auto plan = PlanBuilder(ids)
                  .values(probe)
                  .hashJoin(JoinType::kInner, keys, keys, rightPlan)
                  .singleAggregation({}, {aggregate("count", {}, BIGINT())})
                  .planNode();
  runPlan(state, plan, kProbeRows + static_cast<int64_t>(kBuildRows));
}

/// Building a join table over 1M build rows (unique bigint keys, wide enough for the hash mode)
/// in `partitions` partitions, each built on its own thread as the build drivers of a
/// partitioned HashJoinBridge do (1: the last build driver builds the whole table). Wall time;
/// the speed-up is bounded by the free cores.
void joinBuild(benchmark::State& state) {
  const auto partitions = static_cast<int32_t>(state.range(0));
  constexpr int64_t kBuildRows = 1'000'000;
  auto pages = makeInput(KeyShape{1, false}, kBuildRows, kBuildRows * 1000, 11);
  std::vector<TypePtr> types{BIGINT(), BIGINT()};
  auto pool = MemoryPool::createRoot("join-build");
  for (auto _ : state) {
    auto start = std::chrono::steady_clock::now();
    HashJoinBridge bridge(types, {0}, partitions, 1, pool, partitions);
    for (int32_t driver = 0; driver < partitions; ++driver) {
      std::vector<PagePtr> share;
      for (size_t i = static_cast<size_t>(driver); i < pages.size(); i += static_cast<size_t>(partitions)) {
        share.push_back(pages[i]);
      }
      bridge.addBuildPages(std::move(share));
    }
    if (partitions > 1) {
      std::vector<std::thread> builders;
      for (int32_t driver = 0; driver < partitions; ++driver) {
        builders.emplace_back([&bridge] { bridge.buildPartition(); });
      }
      for (auto& builder : builders) {
        builder.join();
      }
    }
    ContinueFuture future;
    benchmark::DoNotOptimize(bridge.buildResult(&future));
    state.SetIterationTime(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    bridge.probeClosed();
  }
  state.SetItemsProcessed(state.iterations() * kBuildRows);
}

/// Pages of one row through values -> limit -> offset (pass-through) -> global count: the cost
/// per page of the driver loop (operator calls, blocking checks, statistics and timing).
void driverOverheadPerPage(benchmark::State& state) {
  constexpr int32_t kPages = 200'000;
  auto page = makeInput(KeyShape{1, false}, 1, 1, 1)[0];
  auto plan = PlanBuilder()
                  .values({page}, false, kPages)
                  .limit(1'000'000'000)
                  .offset(0)
                  .singleAggregation({}, {aggregate("count", {}, BIGINT())})
                  .planNode();
  runPlan(state, plan, kPages);
}

} // namespace

BENCHMARK(hashAggregation)->Arg(1)->Arg(2)->Arg(4)->Arg(0)->Unit(benchmark::kMillisecond)->ArgName("bigintKeys(0=varchar)")->UseManualTime();
BENCHMARK(hashJoin)->Arg(1)->Arg(2)->Arg(4)->Arg(0)->Unit(benchmark::kMillisecond)->ArgName("bigintKeys(0=varchar)")->UseManualTime();
BENCHMARK(joinBuild)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->ArgName("partitions")->UseManualTime();
BENCHMARK(driverOverheadPerPage)->Unit(benchmark::kMillisecond)->UseManualTime();

} // namespace presto::exec::test

BENCHMARK_MAIN();
