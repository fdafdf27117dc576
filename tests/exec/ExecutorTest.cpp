#include <gtest/gtest.h>

#include <algorithm>
#include <thread>

#include "common/PrestoException.h"
#include "connector/spi/CatalogManager.h"
#include "connector/tpch/TpchConnector.h"
#include "exec/MultilevelQueue.h"
#include "exec/OutputBuffer.h"
#include "utils/PlanBuilder.h"
#include "utils/QueryRunner.h"
#include "vector/VectorValues.h"

namespace presto::exec::test {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

/// A page of `rows` bigints 0..rows-1.
PagePtr sequencePage(int64_t rows) {
  std::vector<Value> values;
  for (int64_t i = 0; i < rows; ++i) {
    values.push_back(Value(i));
  }
  return makePage({vectorFromValues(BIGINT(), values)});
}

TEST(ExecutorTest, multilevelQueueLevelsAndShares) {
  MultilevelQueueConfig config;
  config.levelThresholds = {0ns, 10ns, 100ns, 1000ns, 10000ns};
  MultilevelQueue queue(config);
  EXPECT_EQ(queue.levelOf(0), 0);
  EXPECT_EQ(queue.levelOf(10), 1);
  EXPECT_EQ(queue.levelOf(99), 1);
  EXPECT_EQ(queue.levelOf(5000), 3);
  EXPECT_EQ(queue.levelOf(1'000'000), 4);

  auto oldTask = std::make_shared<TaskHandle>("old");
  oldTask->addCpuNanos(50'000);
  auto newTask = std::make_shared<TaskHandle>("new");
  queue.push(nullptr, oldTask);
  queue.recordCpu(4, 1000);
  queue.push(nullptr, newTask);
  // The new task's level has used no CPU: it goes first although queued second.
  EXPECT_EQ(queue.pop().task->name(), "new");
  EXPECT_EQ(queue.pop().task->name(), "old");
  EXPECT_TRUE(queue.empty());
}

TEST(ExecutorTest, outputBufferKinds) {
  auto pool = MemoryPool::createRoot("buffers");
  auto page = sequencePage(10);
  ContinueFuture future;
  OutputBuffer::Result result;

  OutputBuffer partitioned(OutputBufferKind::kPartitioned, 2, 1 << 20, pool);
  partitioned.enqueue(0, page, &future);
  partitioned.enqueue(1, page, &future);
  partitioned.enqueue(1, page, &future);
  partitioned.noMorePages();
  ASSERT_TRUE(partitioned.getPages(1, 0, 1 << 20, result, &future));
  EXPECT_EQ(result.pages.size(), 2u);
  EXPECT_TRUE(result.complete);
  ASSERT_TRUE(partitioned.getPages(0, 0, 1 << 20, result, &future));
  EXPECT_EQ(result.pages.size(), 1u);
  EXPECT_FALSE(partitioned.isFinished());
  partitioned.acknowledge(0, 1);
  partitioned.acknowledge(1, 2);
  EXPECT_TRUE(partitioned.isFinished());
  EXPECT_EQ(pool->totalBytes(), 0);

  OutputBuffer broadcast(OutputBufferKind::kBroadcast, 3, 1 << 20, pool);
  broadcast.enqueue(0, page, &future);
  for (int32_t buffer = 0; buffer < 3; ++buffer) {
    ASSERT_TRUE(broadcast.getPages(buffer, 0, 1 << 20, result, &future));
    EXPECT_EQ(result.pages.size(), 1u);
  }
  // Not complete yet: a consumer asking for more waits.
  EXPECT_FALSE(broadcast.getPages(0, 1, 1 << 20, result, &future));
  EXPECT_FALSE(future.isReady());
  broadcast.noMorePages();
  EXPECT_TRUE(future.isReady());

  OutputBuffer arbitrary(OutputBufferKind::kArbitrary, 2, 1 << 20, pool);
  for (int i = 0; i < 4; ++i) {
    arbitrary.enqueue(0, page, &future);
  }
  arbitrary.noMorePages();
  size_t total = 0;
  for (int32_t buffer = 0; buffer < 2; ++buffer) {
    ASSERT_TRUE(arbitrary.getPages(buffer, 0, 1, result, &future));
    total += result.pages.size();
  }
  EXPECT_EQ(total, 2u);
}

TEST(ExecutorTest, fullOutputBufferBlocksProducer) {
  auto pool = MemoryPool::createRoot("buffers");
  auto page = sequencePage(100);
  OutputBuffer buffer(OutputBufferKind::kArbitrary, 1, 1, pool);
  ContinueFuture future;
  ASSERT_EQ(buffer.enqueue(0, page, &future), BlockingReason::kWaitForConsumer);
  EXPECT_FALSE(future.isReady());
  OutputBuffer::Result result;
  ContinueFuture consumer;
  ASSERT_TRUE(buffer.getPages(0, 0, 1 << 20, result, &consumer));
  buffer.acknowledge(0, result.nextToken);
  EXPECT_TRUE(future.isReady());

  // End to end: a one-byte buffer makes every page wait for the reader; the result is complete.
  TaskConfig config;
  config.maxOutputBufferBytes = 1;
  auto plan = PlanBuilder().values({sequencePage(1000)}, false, 50).planNode();
  QueryRunner runner(plan);
  auto rows = runner.config(config).rows();
  EXPECT_EQ(rows.size(), 50'000u);
}

TEST(ExecutorTest, limitStopsUpstream) {
  auto start = Clock::now();
  // Practically endless input: only LIMIT stopping the values operator ends this query.
  auto plan = PlanBuilder().values({sequencePage(1024)}, true, 1'000'000'000).limit(10).planNode();
  auto rows = QueryRunner(plan).concurrency(2).rows();
  EXPECT_EQ(rows.size(), 10u);
  EXPECT_LT(Clock::now() - start, 10s);
}

TEST(ExecutorTest, unionThroughLocalExchange) {
  auto ids = std::make_shared<PlanNodeIdGenerator>();
  auto first = PlanBuilder(ids).values({sequencePage(300)}, false, 3).planNode();
  auto second = PlanBuilder(ids).values({sequencePage(200)}, true, 2).planNode();
  auto plan = PlanBuilder(ids)
                  .localExchange(LocalExchangeKind::kRoundRobin, {}, {first, second})
                  .singleAggregation({}, {aggregate("count", {}, BIGINT()), aggregate("sum", {0}, BIGINT())})
                  .planNode();
  // 3 x 300 rows, plus 2 drivers x 2 x 200 rows.
  int64_t sum = 3 * (299 * 300 / 2) + 4 * (199 * 200 / 2);
  assertSameRows(plan->outputTypes(), QueryRunner(plan).concurrency(2).rows(), {{Value(int64_t{1700}), Value(sum)}});
}

PlanNodePtr heavyPlan() {
  // Parallel, practically endless aggregation: each driver runs until canceled.
  return PlanBuilder()
      .values({sequencePage(1024)}, true, 1'000'000'000)
      .singleAggregation({0}, {aggregate("sum", {0}, BIGINT())})
      .planNode();
}

TEST(ExecutorTest, cancellationMidStreamFreesEverything) {
  auto root = MemoryPool::createRoot("query");
  TaskConfig config;
  config.concurrency = 2;
  auto task = Task::create("cancel", heavyPlan(), config, OutputBufferSpec{}, testServices(), root, &sharedExecutor());
  task->start();
  std::this_thread::sleep_for(50ms);
  EXPECT_EQ(task->state(), TaskState::kRunning);
  task->cancel();
  EXPECT_EQ(task->state(), TaskState::kCanceled);
  ASSERT_TRUE(waitForDrivers(task));
  EXPECT_GT(task->stats().cpuNanos, 0);
  EXPECT_EQ(task->pool()->totalBytes(), task->outputBuffer()->bufferedBytes());
  OutputBuffer::Result result;
  ContinueFuture future;
  ASSERT_TRUE(task->outputBuffer()->getPages(0, 0, 1 << 20, result, &future));
  EXPECT_TRUE(result.complete);
  EXPECT_EQ(root->totalBytes(), 0);
}

TEST(ExecutorTest, memoryLimitFailsTaskAndFreesEverything) {
  std::vector<Value> keys;
  for (int64_t i = 0; i < 50'000; ++i) {
    keys.push_back(Value("a fairly long grouping key number " + std::to_string(i)));
  }
  auto page = makePage({vectorFromValues(VARCHAR(), keys)});
  auto plan = PlanBuilder().values({page}).singleAggregation({0}, {aggregate("count", {}, BIGINT())}).planNode();
  QueryRunner runner(plan);
  try {
    runner.maxMemory(1 << 20).run();
    FAIL() << "expected EXCEEDED_LOCAL_MEMORY_LIMIT";
  } catch (const PrestoException& e) {
    EXPECT_EQ(e.errorCode().name, "EXCEEDED_LOCAL_MEMORY_LIMIT");
  }
  EXPECT_EQ(runner.task()->state(), TaskState::kFailed);
  ASSERT_TRUE(waitForDrivers(runner.task()));
  EXPECT_EQ(runner.rootPool()->totalBytes(), 0);
  EXPECT_GT(runner.task()->stats().peakMemoryBytes, 0);
}

TEST(ExecutorTest, statisticsRollUp) {
  auto plan = PlanBuilder()
                  .values({sequencePage(1000)}, false, 5)
                  .singleAggregation({}, {aggregate("count", {}, BIGINT())})
                  .planNode();
  QueryRunner runner(plan);
  runner.rows();
  auto stats = runner.task()->stats();
  ASSERT_EQ(stats.pipelines.size(), 1u);
  const auto& operators = stats.pipelines[0].operators;
  ASSERT_EQ(operators.size(), 3u);
  EXPECT_EQ(operators[0].operatorType, "Values");
  EXPECT_EQ(operators[0].outputRows, 5000);
  EXPECT_EQ(operators[1].inputRows, 5000);
  EXPECT_EQ(operators[1].outputRows, 1);
  EXPECT_EQ(operators[2].inputRows, 1);
  EXPECT_GT(operators[1].peakMemoryBytes, 0);
  EXPECT_GT(stats.cpuNanos, 0);
  EXPECT_EQ(stats.numFinishedDrivers, stats.numDrivers);
}

/// Median wall time of `runs` runs of `plan` on `executor`.
std::chrono::nanoseconds medianRunTime(const PlanNodePtr& plan, TaskExecutor& executor, int runs) {
  std::vector<std::chrono::nanoseconds> times;
  for (int i = 0; i < runs; ++i) {
    auto start = Clock::now();
    QueryRunner(plan).executor(&executor).run();
    times.push_back(Clock::now() - start);
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

TEST(ExecutorTest, feedbackQueueLetsShortQueryOvertakeHeavyOne) {
  TaskExecutorConfig executorConfig;
  executorConfig.numThreads = 2;
  executorConfig.queue.levelThresholds = {0ms, 20ms, 100ms, 1s, 10s};
  TaskExecutor executor(executorConfig);

  auto shortPlan = PlanBuilder()
                       .values({sequencePage(1024)}, false, 20)
                       .singleAggregation({0}, {aggregate("count", {}, BIGINT())})
                       .planNode();
  auto solo = medianRunTime(shortPlan, executor, 5);

  auto root = MemoryPool::createRoot("heavy");
  TaskConfig config;
  config.concurrency = 4;
  config.driverQuantum = 50ms;
  auto heavy = Task::create("heavy", heavyPlan(), config, OutputBufferSpec{}, testServices(), root, &executor);
  heavy->start();
  // Let the heavy query saturate both threads and sink to a lower level.
  auto deadline = Clock::now() + 10s;
  while (heavy->handle()->cpuNanos() < 300'000'000 && Clock::now() < deadline) {
    std::this_thread::sleep_for(10ms);
  }
  auto busy = medianRunTime(shortPlan, executor, 5);
  EXPECT_EQ(heavy->state(), TaskState::kRunning);
  heavy->cancel();
  ASSERT_TRUE(waitForDrivers(heavy));
  std::cout << "short query solo " << solo.count() / 1000 << "us, next to a CPU-heavy query "
            << busy.count() / 1000 << "us" << std::endl;
  // Without the feedback queue the short query would wait behind 4 drivers x 50 ms quanta.
  EXPECT_LT(busy, solo * 5 + 20ms);
}

TEST(ExecutorTest, tpchScanWithSplits) {
  connector::ConnectorRegistry registry;
  registry.add(std::make_shared<tpch::TpchConnectorFactory>());
  connector::CatalogManager catalogs(registry, connector::ConnectorContext{});
  catalogs.createCatalog("tpch", PropertiesFile::parse("connector.name=tpch\ntpch.splits-per-node=4\n", "tpch.properties"));
  auto tpch = catalogs.requireConnector("tpch");
  auto handle = tpch->metadata().getTableHandle({"tiny", "orders"});
  ASSERT_NE(handle, nullptr);
  std::vector<connector::ColumnHandlePtr> columns;
  for (const auto& column : tpch->metadata().getColumnHandles(*handle)) {
    if (column->name() == "orderkey" || column->name() == "custkey") {
      columns.push_back(column);
    }
  }
  ASSERT_EQ(columns.size(), 2u);
  std::vector<connector::ConnectorSplitPtr> splits;
  auto source = tpch->splitManager().getSplits(handle, connector::SplitContext{{"node-1"}});
  while (!source->isFinished()) {
    for (auto& split : source->getNextBatch(10)) {
      splits.push_back(split);
    }
  }
  ASSERT_GT(splits.size(), 1u);
  // Reference: read the splits directly through the connector.
  int64_t expectedRows = 0;
  int64_t expectedSum = 0;
  for (const auto& split : splits) {
    auto pages = tpch->pageSourceProvider().createPageSource(split, handle, columns, connector::TupleDomain::all());
    while (!pages->isFinished()) {
      if (auto page = pages->getNextPage()) {
        for (vector_size_t row = 0; row < page->numRows(); ++row) {
          ++expectedRows;
          expectedSum += valueAt(*page->column(0), row).as<int64_t>();
        }
      }
    }
  }
  PlanBuilder builder;
  builder.tableScan("tpch", handle, columns);
  auto scanId = builder.planNode()->id();
  auto plan = builder.partialFinalAggregation({}, {aggregate("count", {}, BIGINT()), aggregate("sum", {0}, BIGINT())})
                  .planNode();
  auto services = testServices([&](const std::string& name) { return catalogs.requireConnector(name); });
  auto rows = QueryRunner(plan).services(services).concurrency(2).splits(scanId, splits).rows();
  assertSameRows(plan->outputTypes(), rows, {{Value(expectedRows), Value(expectedSum)}});
  EXPECT_EQ(expectedRows, 15'000);
}

} // namespace
} // namespace presto::exec::test
