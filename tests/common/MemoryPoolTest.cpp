#include <gtest/gtest.h>

#include <thread>

#include "common/PrestoException.h"
#include "common/memory/MemoryPool.h"

namespace presto {
namespace {

TEST(MemoryPoolTest, reservationsRollUpTheTree) {
  auto node = MemoryPool::createRoot("node");
  auto query = node->addChild("query");
  auto task = query->addChild("task");
  auto join = task->addChild("HashBuild");
  auto buffer = task->addChild("OutputBuffer");
  join->reserve(1000, MemoryKind::kUser);
  buffer->reserve(300, MemoryKind::kSystem);
  EXPECT_EQ(task->userBytes(), 1000);
  EXPECT_EQ(task->systemBytes(), 300);
  EXPECT_EQ(node->totalBytes(), 1300);
  join->release(600, MemoryKind::kUser);
  EXPECT_EQ(query->totalBytes(), 700);
  EXPECT_EQ(query->peakBytes(), 1300);
  join->release(400, MemoryKind::kUser);
  buffer->release(300, MemoryKind::kSystem);
  EXPECT_EQ(node->totalBytes(), 0);
  EXPECT_EQ(node->peakBytes(), 1300);
}

TEST(MemoryPoolTest, limitFailsWithoutReservingAndNamesTopConsumers) {
  auto node = MemoryPool::createRoot("node", 10 << 20);
  auto query = node->addChild("query");
  auto agg = query->addChild("HashAggregation");
  auto sort = query->addChild("OrderBy");
  agg->reserve(6 << 20);
  sort->reserve(3 << 20);
  try {
    sort->reserve(2 << 20);
    FAIL() << "expected limit error";
  } catch (const PrestoException& e) {
    EXPECT_EQ(e.errorCode(), errors::EXCEEDED_LOCAL_MEMORY_LIMIT);
    EXPECT_EQ(std::string(e.what()),
        "Query exceeded per-node memory limit of 10MB [Allocated: 9MB, Delta: 2MB, Top Consumers: "
        "{HashAggregation=6MB, OrderBy=3MB}]");
  }
  EXPECT_EQ(node->totalBytes(), 9 << 20);
  EXPECT_EQ(sort->totalBytes(), 3 << 20);
  agg->release(6 << 20);
  sort->release(3 << 20);
}

TEST(MemoryPoolTest, childLimitUsesItsOwnErrorCode) {
  auto node = MemoryPool::createRoot("node");
  auto query = node->addChild("query", 1000, errors::EXCEEDED_GLOBAL_MEMORY_LIMIT);
  auto op = query->addChild("op");
  EXPECT_THROW(
      {
        try {
          op->reserve(1001);
        } catch (const PrestoException& e) {
          EXPECT_EQ(e.errorCode(), errors::EXCEEDED_GLOBAL_MEMORY_LIMIT);
          throw;
        }
      },
      PrestoException);
  EXPECT_EQ(node->totalBytes(), 0);
}

TEST(MemoryPoolTest, closeDetectsLeaksAndReturnsMemory) {
  auto node = MemoryPool::createRoot("node");
  auto op = node->addChild("query")->addChild("leaky");
  op->reserve(64);
  EXPECT_THROW(op->close(), PrestoException);
  EXPECT_EQ(node->totalBytes(), 0);
  auto clean = node->addChild("clean");
  clean->reserve(5);
  clean->release(5);
  EXPECT_NO_THROW(clean->close());
  EXPECT_THROW(clean->reserve(1), PrestoException);
}

TEST(MemoryPoolTest, overReleaseIsAnInternalError) {
  auto node = MemoryPool::createRoot("node");
  node->reserve(10, MemoryKind::kUser);
  EXPECT_THROW(node->release(5, MemoryKind::kSystem), PrestoException);
  EXPECT_THROW(node->release(11, MemoryKind::kUser), PrestoException);
  node->release(10, MemoryKind::kUser);
}

TEST(MemoryPoolTest, reservationFollowsSize) {
  auto node = MemoryPool::createRoot("node", 100);
  {
    MemoryReservation reservation(node, MemoryKind::kUser);
    reservation.resize(60);
    EXPECT_EQ(node->userBytes(), 60);
    reservation.resize(20);
    EXPECT_EQ(node->userBytes(), 20);
    EXPECT_THROW(reservation.resize(101), PrestoException);
    EXPECT_EQ(reservation.bytes(), 20);
  }
  EXPECT_EQ(node->totalBytes(), 0);
}

TEST(MemoryPoolTest, concurrentReservationsBalance) {
  auto node = MemoryPool::createRoot("node");
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      auto pool = node->addChild("op" + std::to_string(t));
      for (int i = 0; i < 10000; ++i) {
        pool->reserve(8);
        pool->release(8);
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(node->totalBytes(), 0);
  EXPECT_GT(node->peakBytes(), 0);
}

} // namespace
} // namespace presto
