#include <gtest/gtest.h>

#include <set>
#include <thread>

#include "LoopbackWorker.h"
#include "common/PrestoException.h"
#include "exec/RemoteSplit.h"
#include "utils/PlanBuilder.h"
#include "utils/QueryRunner.h"

namespace presto::server::worker::test {
namespace {

using namespace std::chrono_literals;
using exec::OutputBufferKind;
using exec::test::PlanBuilder;

const std::vector<TypePtr> kTypes = {BIGINT(), BIGINT()};

/// Rows (i % numKeys, i + offset) for i in [0, numRows).
std::vector<std::vector<Value>> rows(int64_t numRows, int64_t numKeys, int64_t offset = 0) {
  std::vector<std::vector<Value>> result;
  for (int64_t i = 0; i < numRows; ++i) {
    result.push_back({Value(i % numKeys), Value(i + offset)});
  }
  return result;
}

exec::PlanNodePtr valuesPlan(const std::vector<std::vector<Value>>& values, bool parallel = false, int32_t repeat = 1) {
  return PlanBuilder().values(exec::test::makePages(kTypes, values, 1000), parallel, repeat).planNode();
}

/// A consumer of an exchange of kTypes with `finish` on top; the plan and the exchange node's id.
std::pair<exec::PlanNodePtr, std::string> consumerPlan(
    const std::function<void(PlanBuilder&)>& finish, bool singleDriver = false) {
  PlanBuilder builder;
  builder.exchange(exec::makeRowType({"key", "value"}, kTypes), singleDriver);
  auto exchangeId = builder.planNode()->id();
  finish(builder);
  return {builder.planNode(), exchangeId};
}

void countAndSum(PlanBuilder& builder, std::vector<int32_t> keys) {
  builder.singleAggregation(
      std::move(keys), {exec::test::aggregate("count", {}, BIGINT()), exec::test::aggregate("sum", {1}, BIGINT())});
}

exec::TaskConfig concurrency(int32_t drivers) {
  exec::TaskConfig config;
  config.concurrency = drivers;
  return config;
}

/// Reads `source` from `token` until it has a reply, or fails the test after 10 s.
exec::ExchangePages nextReply(exec::ExchangeSource& source, int64_t token, int64_t maxBytes = 1 << 20) {
  auto deadline = std::chrono::steady_clock::now() + 10s;
  for (;;) {
    exec::ExchangePages reply;
    exec::ContinueFuture future;
    if (source.getPages(token, maxBytes, reply, &future)) {
      return reply;
    }
    if (!exec::test::waitUntil(future, deadline)) {
      ADD_FAILURE() << "no reply for token " << token;
      return {};
    }
  }
}

/// The error code name `read` fails with (or "none").
std::string errorOf(const std::function<void()>& read) {
  try {
    read();
  } catch (const PrestoException& e) {
    return std::string(e.errorCode().name) + ": " + e.what();
  }
  return "none";
}

TEST(HttpExchangeTest, gatherTwoProducers) {
  LoopbackWorker worker;
  auto& harness = worker.harness();
  auto first = rows(5'000, 11);
  auto second = rows(3'000, 7, 1'000'000);
  auto producer1 = harness.start(valuesPlan(first));
  auto producer2 = harness.start(valuesPlan(second), {}, concurrency(2));
  auto [plan, exchangeId] = consumerPlan([](PlanBuilder&) {}, true);
  auto consumer = harness.start(plan);
  harness.connect(consumer, exchangeId, {producer1, producer2}, 0);
  auto expected = first;
  expected.insert(expected.end(), second.begin(), second.end());
  exec::test::assertSameRows(kTypes, exec::test::toRows(harness.results(consumer)), expected);
  EXPECT_TRUE(producer1->waitForCompletion(10s));
  EXPECT_EQ(producer1->state(), exec::TaskState::kFinished);
}

TEST(HttpExchangeTest, hashShuffleToThreeConsumers) {
  LoopbackWorker worker;
  auto& harness = worker.harness();
  auto input = rows(30'000, 97);
  auto producer = harness.start(valuesPlan(input), {OutputBufferKind::kPartitioned, 3, {0}}, concurrency(2));
  auto [plan, exchangeId] = consumerPlan([](PlanBuilder& builder) { countAndSum(builder, {0}); });
  std::vector<exec::TaskPtr> consumers;
  for (int32_t buffer = 0; buffer < 3; ++buffer) {
    consumers.push_back(harness.start(plan, {}, concurrency(2)));
    harness.connect(consumers.back(), exchangeId, {producer}, buffer);
  }
  std::set<int64_t> keys;
  int64_t count = 0;
  int64_t sum = 0;
  for (const auto& consumer : consumers) {
    auto groups = exec::test::toRows(harness.results(consumer));
    EXPECT_GT(groups.size(), 10u);
    for (const auto& group : groups) {
      EXPECT_TRUE(keys.insert(group[0].as<int64_t>()).second) << "key in two partitions";
      count += group[1].as<int64_t>();
      sum += group[2].as<int64_t>();
    }
  }
  EXPECT_EQ(keys.size(), 97u);
  EXPECT_EQ(count, 30'000);
  EXPECT_EQ(sum, 30'000LL * 29'999 / 2);
}

TEST(HttpExchangeTest, broadcastToTwoConsumers) {
  LoopbackWorker worker;
  auto& harness = worker.harness();
  auto producer = harness.start(valuesPlan(rows(10'000, 7)), {OutputBufferKind::kBroadcast, 2, {}});
  auto [plan, exchangeId] = consumerPlan([](PlanBuilder& builder) { countAndSum(builder, {}); });
  for (int32_t buffer = 0; buffer < 2; ++buffer) {
    auto consumer = harness.start(plan, {}, concurrency(2));
    harness.connect(consumer, exchangeId, {producer}, buffer);
    exec::test::assertSameRows({BIGINT(), BIGINT()}, exec::test::toRows(harness.results(consumer)),
        {{Value(int64_t{10'000}), Value(int64_t{10'000} * 9'999 / 2)}});
  }
}

TEST(HttpExchangeTest, tokenIsReplayedUntilAcknowledged) {
  LoopbackWorker worker;
  auto input = rows(10'000, 3);
  auto producer = worker.harness().start(valuesPlan(input), {OutputBufferKind::kPartitioned, 1, {}});
  ASSERT_TRUE(producer->waitForCompletion(10s));
  auto buffer = producer->outputBuffer();
  const auto allBytes = buffer->bufferedBytes();
  auto source = worker.openSource(producer, 0);

  auto first = nextReply(*source, 0, 1);
  ASSERT_EQ(first.pages.size(), 1u);
  EXPECT_EQ(first.nextToken, 1);
  EXPECT_FALSE(first.complete);
  // The same token again: the same pages, and nothing acknowledged upstream.
  auto replay = nextReply(*source, 0, 1);
  ASSERT_EQ(replay.pages.size(), 1u);
  EXPECT_EQ(replay.pages[0], first.pages[0]);
  EXPECT_EQ(buffer->bufferedBytes(), allBytes);

  auto rest = nextReply(*source, 1, 1 << 30);
  EXPECT_EQ(rest.pages.size(), 9u);
  EXPECT_EQ(rest.nextToken, 10);
  EXPECT_TRUE(rest.complete);
  EXPECT_LT(buffer->bufferedBytes(), allBytes);

  source->acknowledge(10);
  auto deadline = std::chrono::steady_clock::now() + 5s;
  while (buffer->bufferedBytes() > 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(5ms);
  }
  EXPECT_EQ(buffer->bufferedBytes(), 0);
  source->close();

  auto pages = first.pages;
  pages.insert(pages.end(), rest.pages.begin(), rest.pages.end());
  exec::test::assertSameRows(kTypes, exec::test::toRows(pages), input, true);
}

TEST(HttpExchangeTest, slowConsumerKeepsProducerBufferBounded) {
  LoopbackWorker worker;
  exec::TaskConfig config = concurrency(2);
  config.maxOutputBufferBytes = 64 << 10;
  auto producer = worker.harness().start(
      valuesPlan(rows(1'000, 10), true, 1'000'000'000), {OutputBufferKind::kPartitioned, 1, {}}, config);
  auto source = worker.openSource(producer, 0);
  const int64_t pageBytes = 64 << 10;
  int64_t token = 0;
  for (int i = 0; i < 10; ++i) {
    auto reply = nextReply(*source, token, 16 << 10);
    ASSERT_FALSE(reply.pages.empty());
    token = reply.nextToken;
    std::this_thread::sleep_for(20ms);
    // The limit plus the page each driver added when the buffer filled up.
    EXPECT_LT(producer->outputBuffer()->bufferedBytes(), (64 << 10) + 2 * pageBytes);
    EXPECT_EQ(producer->state(), exec::TaskState::kRunning);
  }
  // Giving the buffer up (DELETE) releases the producer: nobody reads it any more.
  source->close();
  ASSERT_TRUE(producer->waitForCompletion(10s));
  EXPECT_EQ(producer->state(), exec::TaskState::kFinished);
}

TEST(HttpExchangeTest, producerFailureSurfacesInConsumer) {
  LoopbackWorker worker;
  auto& harness = worker.harness();
  // 1 / (value - 5000) divides by zero on the sixth page.
  PlanBuilder producerPlan;
  producerPlan.values(exec::test::makePages(kTypes, rows(10'000, 10), 1000));
  producerPlan.project({producerPlan.field(0),
      PlanBuilder::call("$operator$divide", {PlanBuilder::constant(Value(int64_t{1}), BIGINT()),
          PlanBuilder::call("$operator$subtract",
              {producerPlan.field(1), PlanBuilder::constant(Value(int64_t{5000}), BIGINT())})})});
  auto producer = harness.start(producerPlan.planNode(), {OutputBufferKind::kPartitioned, 1, {}});
  auto [plan, exchangeId] = consumerPlan([](PlanBuilder& builder) { countAndSum(builder, {}); });
  auto consumer = harness.start(plan, {}, concurrency(2));
  harness.connect(consumer, exchangeId, {producer}, 0);
  auto error = errorOf([&] { harness.results(consumer); });
  EXPECT_EQ(error.substr(0, error.find(':')), "DIVISION_BY_ZERO") << error;
  EXPECT_TRUE(consumer->waitForCompletion(10s));
  EXPECT_EQ(consumer->state(), exec::TaskState::kFailed);
}

TEST(HttpExchangeTest, canceledProducerIsNeverComplete) {
  LoopbackWorker worker;
  auto producer = worker.harness().start(
      valuesPlan(rows(1'000, 10), true, 1'000'000'000), {OutputBufferKind::kPartitioned, 1, {}});
  auto source = worker.openSource(producer, 0);
  nextReply(*source, 0);
  producer->cancel();
  auto error = errorOf([&] {
    for (int64_t token = 1;; ++token) {
      if (nextReply(*source, token, 1).complete) {
        return;
      }
    }
  });
  EXPECT_NE(error.find("REMOTE_TASK_ERROR"), std::string::npos) << error;
  EXPECT_NE(error.find("CANCELED"), std::string::npos) << error;
}

TEST(HttpExchangeTest, unknownTaskFailsConsumer) {
  LoopbackWorker worker;
  auto& harness = worker.harness();
  auto [plan, exchangeId] = consumerPlan([](PlanBuilder& builder) { countAndSum(builder, {}); });
  auto consumer = harness.start(plan);
  consumer->addSplit(exchangeId, exec::Split{0, std::make_shared<exec::RemoteSplit>(
      "no.such.task", 0, worker.location("no.such.task"))});
  consumer->noMoreSplits(exchangeId);
  auto error = errorOf([&] { harness.results(consumer); });
  EXPECT_NE(error.find("REMOTE_TASK_ERROR"), std::string::npos) << error;
  EXPECT_NE(error.find("Task no.such.task not found"), std::string::npos) << error;
}

TEST(HttpExchangeTest, recreatedTaskFailsWithMismatch) {
  LoopbackWorker worker;
  auto& harness = worker.harness();
  auto producer = harness.start(valuesPlan(rows(10'000, 3)), {OutputBufferKind::kPartitioned, 1, {}});
  auto source = worker.openSource(producer, 0);
  auto first = nextReply(*source, 0, 1);
  // Another task under the same id, as after a worker restart.
  auto again = exec::Task::create(producer->taskId(), valuesPlan(rows(10, 3)), {},
      {OutputBufferKind::kPartitioned, 1, {}}, harness.services(), harness.rootPool(), &exec::test::sharedExecutor());
  harness.registry()->add(again);
  again->start();
  auto error = errorOf([&] { nextReply(*source, first.nextToken); });
  EXPECT_NE(error.find("REMOTE_TASK_MISMATCH"), std::string::npos) << error;
  source->close();
  EXPECT_TRUE(again->waitForCompletion(10s));
}

TEST(HttpExchangeTest, serverGoneFailsWithinSeconds) {
  HttpExchangeOptions options;
  options.maxErrorDuration = Duration(1s);
  LoopbackWorker worker(options);
  auto producer = worker.harness().start(
      valuesPlan(rows(1'000, 10), true, 1'000'000'000), {OutputBufferKind::kPartitioned, 1, {}});
  auto source = worker.openSource(producer, 0, options);
  auto reply = nextReply(*source, 0, 16 << 10);
  ASSERT_FALSE(reply.pages.empty());
  worker.stopServer();
  auto start = std::chrono::steady_clock::now();
  auto error = errorOf([&] {
    for (int64_t token = reply.nextToken;;) {
      auto next = nextReply(*source, token, 16 << 10);
      if (next.pages.empty()) {
        return;
      }
      token = next.nextToken;
    }
  });
  EXPECT_LT(std::chrono::steady_clock::now() - start, 5s);
  EXPECT_TRUE(error.starts_with("REMOTE_HOST_GONE") || error.starts_with("PAGE_TRANSPORT_ERROR")) << error;
  EXPECT_NE(error.find("127.0.0.1:" + std::to_string(worker.port())), std::string::npos) << error;
  source->close();
}

} // namespace
} // namespace presto::server::worker::test
