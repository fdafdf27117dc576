#include "utils/QueryRunner.h"

#include <algorithm>
#include <condition_variable>
#include <thread>

#include <gtest/gtest.h>

#include "common/Check.h"
#include "utils/PlanBuilder.h"
#include "utils/TestAggregates.h"
#include "vector/VectorValues.h"

namespace presto::exec::test {

TaskExecutor& sharedExecutor() {
  static TaskExecutor executor;
  return executor;
}

TaskServices testServices(std::function<connector::ConnectorPtr(const std::string&)> connectors) {
  TaskServices services;
  services.connectors = std::move(connectors);
  services.functions = testFunctions();
  services.aggregates = testAggregates();
  return services;
}

std::vector<PagePtr> QueryRunner::run() {
  static std::atomic<int32_t> nextTaskId{0};
  rootPool_ = MemoryPool::createRoot("query");
  auto* executor = executor_ != nullptr ? executor_ : &sharedExecutor();
  task_ = Task::create("test." + std::to_string(nextTaskId++), plan_, config_, OutputBufferSpec{},
      services_ ? *services_ : testServices(), rootPool_, executor);
  task_->start();
  for (const auto& [planNodeId, splits] : splits_) {
    int64_t sequence = 0;
    for (const auto& split : splits) {
      task_->addSplit(planNodeId, Split{sequence++, split});
    }
    task_->noMoreSplits(planNodeId);
  }
  std::vector<PagePtr> pages;
  int64_t token = 0;
  auto deadline = std::chrono::steady_clock::now() + timeout_;
  for (;;) {
    OutputBuffer::Result result;
    ContinueFuture future;
    if (task_->outputBuffer()->getPages(0, token, 1 << 20, result, &future)) {
      pages.insert(pages.end(), result.pages.begin(), result.pages.end());
      token = result.nextToken;
      if (result.complete) {
        task_->outputBuffer()->acknowledge(0, token);
        break;
      }
      continue;
    }
    if (!waitUntil(future, deadline)) {
      task_->cancel();
      PRESTO_FAIL("query timed out; task state {}\n{}", taskStateName(task_->state()), task_->stats().toString());
    }
  }
  task_->waitForCompletion(std::chrono::milliseconds(10'000));
  if (auto error = task_->error()) {
    std::rethrow_exception(error);
  }
  PRESTO_CHECK(task_->state() == TaskState::kFinished, "task ended {}", taskStateName(task_->state()));
  return pages;
}

bool waitUntil(const ContinueFuture& future, std::chrono::steady_clock::time_point deadline) {
  struct Signal {
    std::mutex mutex;
    std::condition_variable condition;
    bool ready = false;
  };
  auto signal = std::make_shared<Signal>();
  future.then([signal] {
    std::lock_guard<std::mutex> lock(signal->mutex);
    signal->ready = true;
    signal->condition.notify_all();
  });
  std::unique_lock<std::mutex> lock(signal->mutex);
  return signal->condition.wait_until(lock, deadline, [&] { return signal->ready; });
}

bool waitForDrivers(const TaskPtr& task, std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    auto stats = task->stats();
    if (stats.numFinishedDrivers == stats.numDrivers) {
      return true;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return false;
}

std::vector<std::vector<Value>> QueryRunner::rows() {
  return toRows(run());
}

std::vector<std::vector<Value>> toRows(const std::vector<PagePtr>& pages) {
  std::vector<std::vector<Value>> rows;
  for (const auto& page : pages) {
    for (vector_size_t row = 0; row < page->numRows(); ++row) {
      std::vector<Value> values;
      for (const auto& column : page->columns()) {
        values.push_back(valueAt(*column, row));
      }
      rows.push_back(std::move(values));
    }
  }
  return rows;
}

std::vector<std::string> renderRows(const std::vector<TypePtr>& types, const std::vector<std::vector<Value>>& rows) {
  std::vector<std::string> rendered;
  for (const auto& row : rows) {
    std::string text;
    for (size_t i = 0; i < row.size(); ++i) {
      text += (i ? "|" : "") + row[i].toString(*types.at(i));
    }
    rendered.push_back(std::move(text));
  }
  return rendered;
}

void assertSameRows(const std::vector<TypePtr>& types, const std::vector<std::vector<Value>>& actual,
    const std::vector<std::vector<Value>>& expected, bool ordered) {
  auto actualRows = renderRows(types, actual);
  auto expectedRows = renderRows(types, expected);
  if (!ordered) {
    std::sort(actualRows.begin(), actualRows.end());
    std::sort(expectedRows.begin(), expectedRows.end());
  }
  ASSERT_EQ(actualRows.size(), expectedRows.size());
  for (size_t i = 0; i < actualRows.size(); ++i) {
    ASSERT_EQ(actualRows[i], expectedRows[i]) << "row " << i;
  }
}

} // namespace presto::exec::test
