#include <gtest/gtest.h>

#include <map>
#include <set>
#include <thread>

#include "common/PrestoException.h"
#include "connector/spi/CatalogManager.h"
#include "connector/tpch/TpchConnector.h"
#include "exec/RemoteSplit.h"
#include "exec/RowHash.h"
#include "utils/ExchangeHarness.h"
#include "utils/PlanBuilder.h"
#include "utils/QueryRunner.h"
#include "vector/VectorValues.h"

namespace presto::exec::test {
namespace {

using namespace std::chrono_literals;

const std::vector<TypePtr> kKeyValueTypes = {BIGINT(), BIGINT()};

/// Rows (i % numKeys, i) for i in [0, numRows).
std::vector<std::vector<Value>> keyValueRows(int64_t numRows, int64_t numKeys) {
  std::vector<std::vector<Value>> rows;
  for (int64_t i = 0; i < numRows; ++i) {
    rows.push_back({Value(i % numKeys), Value(i)});
  }
  return rows;
}

/// Per key of `rows`: (key, count, sum of values), computed row by row.
std::vector<std::vector<Value>> countAndSumByKey(const std::vector<std::vector<Value>>& rows) {
  std::map<int64_t, std::pair<int64_t, int64_t>> groups;
  for (const auto& row : rows) {
    auto& group = groups[row[0].as<int64_t>()];
    ++group.first;
    group.second += row[1].as<int64_t>();
  }
  std::vector<std::vector<Value>> result;
  for (const auto& [key, group] : groups) {
    result.push_back({Value(key), Value(group.first), Value(group.second)});
  }
  return result;
}

/// A plan producing `rows` of kKeyValueTypes in pages of 1000 rows.
PlanNodePtr valuesPlan(const std::vector<std::vector<Value>>& rows) {
  return PlanBuilder().values(makePages(kKeyValueTypes, rows, 1000)).planNode();
}

/// A plan producing practically endless pages of kKeyValueTypes, in every driver.
PlanNodePtr endlessPlan() {
  return PlanBuilder().values(makePages(kKeyValueTypes, keyValueRows(1000, 10), 1000), true, 1'000'000'000).planNode();
}

/// A consumer reading an exchange of kKeyValueTypes, with `finish` applied on top; returns the plan
/// and the exchange node's id.
std::pair<PlanNodePtr, std::string> consumerPlan(
    const std::function<void(PlanBuilder&)>& finish, bool singleDriver = false) {
  PlanBuilder builder;
  builder.exchange(makeRowType({"key", "value"}, kKeyValueTypes), singleDriver);
  auto exchangeId = builder.planNode()->id();
  finish(builder);
  return {builder.planNode(), exchangeId};
}

void aggregateByKey(PlanBuilder& builder) {
  builder.singleAggregation({0}, {aggregate("count", {}, BIGINT()), aggregate("sum", {1}, BIGINT())});
}

void aggregateAll(PlanBuilder& builder) {
  builder.singleAggregation({}, {aggregate("count", {}, BIGINT()), aggregate("sum", {1}, BIGINT())});
}

const std::vector<TypePtr> kGroupTypes = {BIGINT(), BIGINT(), BIGINT()};

TaskConfig withConcurrency(int32_t concurrency) {
  TaskConfig config;
  config.concurrency = concurrency;
  return config;
}

TEST(ExchangeTest, remoteSplitJsonRoundTrip) {
  RemoteSplit split("q.1.0.2.0", 3, "http://worker-1:8080/v1/task/q.1.0.2.0");
  auto copy = RemoteSplit::fromJson(split.toJson());
  EXPECT_EQ(copy->taskId(), "q.1.0.2.0");
  EXPECT_EQ(copy->bufferId(), 3);
  EXPECT_EQ(copy->location(), split.location());
  EXPECT_EQ(RemoteSplit("t", 1).toString(), "t/1");
}

TEST(ExchangeTest, partitionedShuffleToThreeAggregatingConsumers) {
  ExchangeHarness harness;
  auto rows = keyValueRows(30'000, 97);
  auto producer = harness.start(valuesPlan(rows), {OutputBufferKind::kPartitioned, 3, {0}});
  auto [plan, exchangeId] = consumerPlan(aggregateByKey);
  std::vector<TaskPtr> consumers;
  for (int32_t buffer = 0; buffer < 3; ++buffer) {
    consumers.push_back(harness.start(plan, {}, withConcurrency(2)));
    harness.connect(consumers.back(), exchangeId, {producer}, buffer);
  }
  std::vector<std::vector<Value>> all;
  std::set<int64_t> keys;
  for (const auto& consumer : consumers) {
    auto groups = toRows(harness.results(consumer));
    // Hash partitioning spreads 97 keys over every consumer, each key to exactly one of them.
    EXPECT_GT(groups.size(), 10u);
    for (const auto& group : groups) {
      EXPECT_TRUE(keys.insert(group[0].as<int64_t>()).second) << "key in two partitions";
    }
    all.insert(all.end(), groups.begin(), groups.end());
  }
  assertSameRows(kGroupTypes, all, countAndSumByKey(rows));
  EXPECT_TRUE(producer->waitForCompletion(10s));
  EXPECT_EQ(producer->state(), TaskState::kFinished);
}

TEST(ExchangeTest, smallPagesAreSentCombined) {
  // 300 pages of 10 rows split three ways would be 900 pages of about 3 rows: each buffer gets
  // pages of at least half the preferred page size instead (the last one may be smaller).
  ExchangeHarness harness;
  auto rows = keyValueRows(3'000, 97);
  auto producer = harness.start(PlanBuilder().values(makePages(kKeyValueTypes, rows, 10)).planNode(),
      {OutputBufferKind::kPartitioned, 3, {0}});
  std::vector<std::vector<Value>> all;
  const auto minRows = TaskConfig{}.preferredPageRows / 2;
  for (int32_t buffer = 0; buffer < 3; ++buffer) {
    auto pages = harness.results(producer, buffer);
    ASSERT_FALSE(pages.empty());
    for (size_t i = 0; i + 1 < pages.size(); ++i) {
      EXPECT_GE(pages[i]->numRows(), minRows) << "buffer " << buffer << " page " << i;
    }
    auto part = toRows(pages);
    all.insert(all.end(), part.begin(), part.end());
  }
  assertSameRows(kKeyValueTypes, all, rows);
}

TEST(ExchangeTest, tpchScanShuffledToThreeConsumersMatchesOneTask) {
  connector::ConnectorRegistry connectors;
  connectors.add(std::make_shared<tpch::TpchConnectorFactory>());
  connector::CatalogManager catalogs(connectors, connector::ConnectorContext{});
  catalogs.createCatalog("tpch", PropertiesFile::parse("connector.name=tpch\ntpch.splits-per-node=4\n", "tpch.properties"));
  auto tpch = catalogs.requireConnector("tpch");
  auto handle = tpch->metadata().getTableHandle({"tiny", "orders"});
  // (custkey, orderkey): the key first, as the consumers expect.
  std::vector<connector::ColumnHandlePtr> columns(2);
  for (const auto& column : tpch->metadata().getColumnHandles(*handle)) {
    if (column->name() == "custkey") {
      columns[0] = column;
    } else if (column->name() == "orderkey") {
      columns[1] = column;
    }
  }
  std::vector<connector::ConnectorSplitPtr> splits;
  auto splitSource = tpch->splitManager().getSplits(handle, connector::SplitContext{{"node-1"}});
  while (!splitSource->isFinished()) {
    for (auto& split : splitSource->getNextBatch(10)) {
      splits.push_back(split);
    }
  }
  auto lookup = [&](const std::string& name) { return catalogs.requireConnector(name); };

  // One task: scan and aggregate orders per customer.
  PlanBuilder single;
  single.tableScan("tpch", handle, columns);
  auto singleScanId = single.planNode()->id();
  aggregateByKey(single);
  auto expected = QueryRunner(single.planNode()).services(testServices(lookup)).concurrency(2)
                      .splits(singleScanId, splits).rows();

  // The same over a hash shuffle on custkey: a scanning task, three aggregating tasks.
  ExchangeHarness harness(lookup);
  PlanBuilder scan;
  scan.tableScan("tpch", handle, columns);
  auto producer = harness.start(scan.planNode(), {OutputBufferKind::kPartitioned, 3, {0}}, withConcurrency(2));
  int64_t sequenceId = 0;
  for (const auto& split : splits) {
    producer->addSplit(scan.planNode()->id(), Split{sequenceId++, split});
  }
  producer->noMoreSplits(scan.planNode()->id());
  auto [plan, exchangeId] = consumerPlan(aggregateByKey);
  std::vector<std::vector<Value>> actual;
  std::vector<TaskPtr> consumers;
  for (int32_t buffer = 0; buffer < 3; ++buffer) {
    consumers.push_back(harness.start(plan, {}, withConcurrency(2)));
    harness.connect(consumers.back(), exchangeId, {producer}, buffer);
  }
  for (const auto& consumer : consumers) {
    auto groups = toRows(harness.results(consumer));
    actual.insert(actual.end(), groups.begin(), groups.end());
  }
  EXPECT_GT(expected.size(), 500u);
  assertSameRows(kGroupTypes, actual, expected);
}

TEST(ExchangeTest, remotePartitionIsIndependentOfLocalPartition) {
  // The rows of one remote partition must still spread over every driver of the consumer's local
  // repartition (hash % drivers): count, per remote partition, the rows of each local one.
  std::vector<Value> values;
  for (int64_t i = 0; i < 10'000; ++i) {
    values.push_back(Value(i));
  }
  auto column = vectorFromValues(BIGINT(), values);
  std::vector<uint64_t> hashes(values.size());
  hashColumn(*column, column->size(), false, hashes.data());
  for (int32_t remote : {2, 3, 4}) {
    for (uint64_t local : {2u, 3u, 4u}) {
      std::map<std::pair<int32_t, uint64_t>, int64_t> counts;
      for (auto hash : hashes) {
        ++counts[{remotePartition(hash, remote), hash % local}];
      }
      ASSERT_EQ(counts.size(), static_cast<size_t>(remote) * local) << remote << " x " << local;
      const double expected = 10'000.0 / (remote * static_cast<double>(local));
      for (const auto& [cell, count] : counts) {
        EXPECT_NEAR(static_cast<double>(count), expected, expected * 0.2) << remote << " x " << local;
      }
    }
  }
}

TEST(ExchangeTest, broadcastToTwoConsumers) {
  ExchangeHarness harness;
  auto rows = keyValueRows(10'000, 7);
  auto producer = harness.start(valuesPlan(rows), {OutputBufferKind::kBroadcast, 2, {}}, withConcurrency(2));
  auto [plan, exchangeId] = consumerPlan(aggregateAll);
  std::vector<TaskPtr> consumers;
  for (int32_t buffer = 0; buffer < 2; ++buffer) {
    consumers.push_back(harness.start(plan, {}, withConcurrency(2)));
    harness.connect(consumers.back(), exchangeId, {producer}, buffer);
  }
  int64_t sum = 10'000 * 9'999 / 2;
  for (const auto& consumer : consumers) {
    assertSameRows({BIGINT(), BIGINT()}, toRows(harness.results(consumer)), {{Value(int64_t{10'000}), Value(sum)}});
  }
}

TEST(ExchangeTest, arbitraryBuffersShareThePages) {
  ExchangeHarness harness;
  auto rows = keyValueRows(50'000, 13);
  auto producer = harness.start(valuesPlan(rows), {OutputBufferKind::kArbitrary, 2, {}});
  auto [plan, exchangeId] = consumerPlan(aggregateByKey);
  std::vector<TaskPtr> consumers;
  for (int32_t buffer = 0; buffer < 2; ++buffer) {
    consumers.push_back(harness.start(plan));
    harness.connect(consumers.back(), exchangeId, {producer}, buffer);
  }
  std::map<int64_t, std::pair<int64_t, int64_t>> merged;
  for (const auto& consumer : consumers) {
    for (const auto& group : toRows(harness.results(consumer))) {
      auto& entry = merged[group[0].as<int64_t>()];
      entry.first += group[1].as<int64_t>();
      entry.second += group[2].as<int64_t>();
    }
  }
  std::vector<std::vector<Value>> actual;
  for (const auto& [key, entry] : merged) {
    actual.push_back({Value(key), Value(entry.first), Value(entry.second)});
  }
  assertSameRows(kGroupTypes, actual, countAndSumByKey(rows));
}

TEST(ExchangeTest, gatherTwoProducersIntoOneDriverWhileSplitsArrive) {
  ExchangeHarness harness;
  auto first = keyValueRows(5'000, 11);
  std::vector<std::vector<Value>> second;
  for (int64_t i = 0; i < 3'000; ++i) {
    second.push_back({Value(-i), Value::null()});
  }
  auto [plan, exchangeId] = consumerPlan([](PlanBuilder&) {}, true);
  // The consumer starts before its producers exist and waits for its splits.
  auto consumer = harness.start(plan, {}, withConcurrency(2));
  EXPECT_EQ(consumer->numDrivers(), 1);
  auto producer1 = harness.start(valuesPlan(first));
  consumer->addSplit(exchangeId, Split{0, std::make_shared<RemoteSplit>(producer1->taskId(), 0)});
  std::this_thread::sleep_for(20ms);
  auto producer2 = harness.start(valuesPlan(second), {}, withConcurrency(2));
  consumer->addSplit(exchangeId, Split{1, std::make_shared<RemoteSplit>(producer2->taskId(), 0)});
  // A retried split (same sequence id) is ignored: nothing is read twice.
  consumer->addSplit(exchangeId, Split{1, std::make_shared<RemoteSplit>(producer2->taskId(), 0)});
  consumer->noMoreSplits(exchangeId);
  auto expected = first;
  expected.insert(expected.end(), second.begin(), second.end());
  assertSameRows(kKeyValueTypes, toRows(harness.results(consumer)), expected);
}

/// Counts the requests of every source it made that are waiting for a reply at once.
struct RequestCounter {
  std::mutex mutex;
  std::vector<ContinueFuture> waiting;
  size_t maxWaiting = 0;
};

/// An exchange source that lets a RequestCounter see its requests in flight.
class CountingSource : public ExchangeSource {
 public:
  CountingSource(std::unique_ptr<ExchangeSource> source, std::shared_ptr<RequestCounter> counter)
      : source_(std::move(source)), counter_(std::move(counter)) {}

  bool getPages(int64_t token, int64_t maxBytes, ExchangePages& result, ContinueFuture* future) override {
    bool ready = source_->getPages(token, maxBytes, result, future);
    std::lock_guard<std::mutex> lock(counter_->mutex);
    std::erase_if(counter_->waiting, [](const ContinueFuture& waiting) { return waiting.isReady(); });
    if (!ready) {
      counter_->waiting.push_back(*future);
      counter_->maxWaiting = std::max(counter_->maxWaiting, counter_->waiting.size());
    }
    return ready;
  }
  void acknowledge(int64_t token) override { source_->acknowledge(token); }
  void close() override { source_->close(); }

 private:
  std::unique_ptr<ExchangeSource> source_;
  std::shared_ptr<RequestCounter> counter_;
};

TEST(ExchangeTest, requestsInFlightFitTheExchangeBuffer) {
  ExchangeHarness harness;
  auto inProcess = harness.services().exchangeSources;
  auto counter = std::make_shared<RequestCounter>();
  harness.setTransport(
      [inProcess, counter](const RemoteSplit& split, const std::vector<TypePtr>& types) -> std::unique_ptr<ExchangeSource> {
        return std::make_unique<CountingSource>(inProcess(split, types), counter);
      },
      nullptr);
  auto [plan, exchangeId] = consumerPlan(aggregateAll, true);
  // A buffer too small for two replies: one request at a time.
  TaskConfig config;
  config.maxExchangeBufferBytes = 1;
  auto consumer = harness.start(plan, {}, config);
  std::vector<TaskPtr> producers;
  std::vector<std::vector<Value>> rows;
  for (int64_t i = 0; i < 6; ++i) {
    auto part = keyValueRows(3'000, 7);
    rows.insert(rows.end(), part.begin(), part.end());
    producers.push_back(harness.start(valuesPlan(part)));
  }
  harness.connect(consumer, exchangeId, producers, 0);
  int64_t sum = 0;
  for (const auto& row : rows) {
    sum += row[1].isNull() ? 0 : row[1].as<int64_t>();
  }
  assertSameRows({BIGINT(), BIGINT()}, toRows(harness.results(consumer)),
      {{Value(static_cast<int64_t>(rows.size())), Value(sum)}});
  EXPECT_LE(counter->maxWaiting, 1u);
}

TEST(ExchangeTest, tokensAcknowledgeAndReplay) {
  ExchangeHarness harness;
  auto rows = keyValueRows(10'000, 3);
  auto producer = harness.start(valuesPlan(rows), {OutputBufferKind::kPartitioned, 1, {}});
  ASSERT_TRUE(producer->waitForCompletion(10s));
  auto buffer = producer->outputBuffer();
  auto source = harness.services().exchangeSources(RemoteSplit(producer->taskId(), 0), kKeyValueTypes);

  ExchangePages first;
  ContinueFuture future;
  ASSERT_TRUE(source->getPages(0, 1, first, &future));
  ASSERT_EQ(first.pages.size(), 1u);
  EXPECT_EQ(first.nextToken, 1);
  EXPECT_FALSE(first.complete);
  const auto allBytes = buffer->bufferedBytes();

  // Asking for the same token again replays the same page; nothing was acknowledged.
  ExchangePages replay;
  ASSERT_TRUE(source->getPages(0, 1, replay, &future));
  ASSERT_EQ(replay.pages.size(), 1u);
  EXPECT_EQ(replay.pages[0], first.pages[0]);
  EXPECT_EQ(replay.nextToken, 1);
  EXPECT_EQ(buffer->bufferedBytes(), allBytes);

  // The next token acknowledges the first page (freed upstream) and returns the rest.
  ExchangePages rest;
  ASSERT_TRUE(source->getPages(1, 1 << 30, rest, &future));
  EXPECT_EQ(rest.pages.size(), 9u);
  EXPECT_EQ(rest.nextToken, 10);
  EXPECT_TRUE(rest.complete);
  EXPECT_LT(buffer->bufferedBytes(), allBytes);
  EXPECT_FALSE(buffer->isFinished());

  // Asking again at the end: complete, no pages.
  ExchangePages end;
  ASSERT_TRUE(source->getPages(10, 1 << 30, end, &future));
  EXPECT_TRUE(end.pages.empty());
  EXPECT_TRUE(end.complete);
  source->acknowledge(10);
  EXPECT_EQ(buffer->bufferedBytes(), 0);
  EXPECT_TRUE(buffer->isFinished());
  source->close();

  std::vector<PagePtr> pages = first.pages;
  pages.insert(pages.end(), rest.pages.begin(), rest.pages.end());
  assertSameRows(kKeyValueTypes, toRows(pages), rows, true);
}

TEST(ExchangeTest, slowConsumerBlocksProducerWithoutDeadlock) {
  ExchangeHarness harness;
  auto rows = keyValueRows(200'000, 1000);
  TaskConfig producerConfig = withConcurrency(2);
  producerConfig.maxOutputBufferBytes = 64 << 10;
  auto producer = harness.start(
      PlanBuilder().values(makePages(kKeyValueTypes, rows, 1000), true).planNode(), {OutputBufferKind::kPartitioned, 1, {}},
      producerConfig);
  TaskConfig consumerConfig = withConcurrency(2);
  consumerConfig.maxOutputBufferBytes = 64 << 10;
  consumerConfig.maxExchangeResponseBytes = 32 << 10;
  auto [plan, exchangeId] = consumerPlan([](PlanBuilder&) {});
  auto consumer = harness.start(plan, {}, consumerConfig);
  harness.connect(consumer, exchangeId, {producer}, 0);

  // Nobody reads the consumer: its full output buffer stops it, and then the producer.
  std::this_thread::sleep_for(200ms);
  EXPECT_EQ(producer->state(), TaskState::kRunning);
  EXPECT_EQ(consumer->state(), TaskState::kRunning);
  // Each buffer holds at most its limit plus the page each driver added when it filled up.
  const int64_t pageBytes = 64 << 10;
  EXPECT_LT(producer->outputBuffer()->bufferedBytes(), (64 << 10) + 2 * pageBytes);
  EXPECT_LT(consumer->outputBuffer()->bufferedBytes(), (64 << 10) + 2 * pageBytes);
  EXPECT_LT(producer->stats().pipelines[0].operators[0].outputRows, 400'000);

  auto result = toRows(harness.results(consumer));
  EXPECT_EQ(result.size(), 400'000u);
  int64_t sum = 0;
  for (const auto& row : result) {
    sum += row[1].as<int64_t>();
  }
  EXPECT_EQ(sum, 2 * (200'000LL * 199'999 / 2));
  EXPECT_TRUE(producer->waitForCompletion(10s));
  EXPECT_EQ(producer->state(), TaskState::kFinished);
}

TEST(ExchangeTest, upstreamFailureFailsTheConsumer) {
  ExchangeHarness harness;
  // 1 / (value - 5000) divides by zero on one row of the sixth page.
  PlanBuilder producerBuilder;
  producerBuilder.values(makePages(kKeyValueTypes, keyValueRows(10'000, 10), 1000));
  producerBuilder.project({producerBuilder.field(0),
      PlanBuilder::call("$operator$divide", {PlanBuilder::constant(Value(int64_t{1}), BIGINT()),
          PlanBuilder::call("$operator$subtract", {producerBuilder.field(1), PlanBuilder::constant(Value(int64_t{5000}), BIGINT())})})});
  auto producer = harness.start(producerBuilder.planNode(), {OutputBufferKind::kPartitioned, 1, {}});
  auto [plan, exchangeId] = consumerPlan(aggregateAll);
  auto consumer = harness.start(plan, {}, withConcurrency(2));
  harness.connect(consumer, exchangeId, {producer}, 0);
  try {
    harness.results(consumer);
    FAIL() << "expected DIVISION_BY_ZERO";
  } catch (const PrestoException& e) {
    EXPECT_EQ(e.errorCode().name, "DIVISION_BY_ZERO");
  }
  EXPECT_TRUE(consumer->waitForCompletion(10s));
  EXPECT_EQ(consumer->state(), TaskState::kFailed);
  EXPECT_EQ(producer->state(), TaskState::kFailed);
  ASSERT_TRUE(waitForDrivers(consumer));
  ASSERT_TRUE(waitForDrivers(producer));
}

TEST(ExchangeTest, canceledUpstreamFailsTheConsumer) {
  ExchangeHarness harness;
  auto producer = harness.start(endlessPlan(), {OutputBufferKind::kPartitioned, 1, {}});
  auto [plan, exchangeId] = consumerPlan(aggregateAll);
  auto consumer = harness.start(plan);
  harness.connect(consumer, exchangeId, {producer}, 0);
  std::this_thread::sleep_for(50ms);
  producer->cancel();
  try {
    harness.results(consumer);
    FAIL() << "expected REMOTE_TASK_ERROR";
  } catch (const PrestoException& e) {
    EXPECT_EQ(e.errorCode().name, "REMOTE_TASK_ERROR");
    EXPECT_NE(std::string(e.what()).find("CANCELED"), std::string::npos) << e.what();
  }
}

TEST(ExchangeTest, unknownUpstreamTaskFailsTheConsumer) {
  ExchangeHarness harness;
  auto [plan, exchangeId] = consumerPlan(aggregateAll);
  auto consumer = harness.start(plan);
  consumer->addSplit(exchangeId, Split{0, std::make_shared<RemoteSplit>("no.such.task", 0)});
  consumer->noMoreSplits(exchangeId);
  EXPECT_THROW(harness.results(consumer), PrestoException);
}

TEST(ExchangeTest, consumerCancellationStopsEverythingAndFreesMemory) {
  ExchangeHarness harness;
  TaskConfig producerConfig = withConcurrency(2);
  producerConfig.maxOutputBufferBytes = 256 << 10;
  auto producer = harness.start(endlessPlan(), {OutputBufferKind::kPartitioned, 1, {}}, producerConfig);
  auto [plan, exchangeId] = consumerPlan(aggregateByKey);
  auto consumer = harness.start(plan, {}, withConcurrency(2));
  harness.connect(consumer, exchangeId, {producer}, 0);
  std::this_thread::sleep_for(100ms);
  EXPECT_EQ(consumer->state(), TaskState::kRunning);
  EXPECT_GT(consumer->stats().pipelines[0].operators[0].outputRows, 0);
  consumer->cancel();
  // The consumer's exchange gave up its upstream buffer: with nobody left to read it, the
  // producer stops on its own.
  ASSERT_TRUE(producer->waitForCompletion(10s));
  EXPECT_EQ(producer->state(), TaskState::kFinished);
  ASSERT_TRUE(waitForDrivers(consumer));
  ASSERT_TRUE(waitForDrivers(producer));
  EXPECT_EQ(consumer->pool()->totalBytes(), 0);
  EXPECT_EQ(producer->pool()->totalBytes(), 0);
  EXPECT_EQ(harness.rootPool()->totalBytes(), 0);
}

TEST(ExchangeTest, limitInConsumerStopsProducer) {
  ExchangeHarness harness;
  auto producer = harness.start(endlessPlan(), {OutputBufferKind::kPartitioned, 1, {}}, withConcurrency(2));
  auto [plan, exchangeId] = consumerPlan([](PlanBuilder& builder) { builder.limit(10); });
  auto consumer = harness.start(plan, {}, withConcurrency(2));
  harness.connect(consumer, exchangeId, {producer}, 0);
  EXPECT_EQ(toRows(harness.results(consumer)).size(), 10u);
  ASSERT_TRUE(producer->waitForCompletion(10s));
  EXPECT_EQ(producer->state(), TaskState::kFinished);
  ASSERT_TRUE(waitForDrivers(producer));
  EXPECT_EQ(harness.rootPool()->totalBytes(), 0);
}

} // namespace
} // namespace presto::exec::test
