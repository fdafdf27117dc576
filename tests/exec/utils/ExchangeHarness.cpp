#include "utils/ExchangeHarness.h"

#include "common/Check.h"
#include "exec/InProcessExchangeSource.h"
#include "exec/RemoteSplit.h"
#include "utils/QueryRunner.h"

namespace presto::exec::test {

ExchangeHarness::ExchangeHarness(std::function<connector::ConnectorPtr(const std::string&)> connectors)
    : registry_(std::make_shared<TaskRegistry>()), services_(testServices(std::move(connectors))),
      rootPool_(MemoryPool::createRoot("query")) {
  services_.exchangeSources = inProcessExchangeSources(registry_);
}

void ExchangeHarness::setTransport(
    ExchangeSourceFactory exchangeSources, std::function<std::string(const std::string&)> location) {
  services_.exchangeSources = std::move(exchangeSources);
  location_ = std::move(location);
}

ExchangeHarness::~ExchangeHarness() {
  cancelAll();
}

TaskPtr ExchangeHarness::start(PlanNodePtr plan, OutputBufferSpec output, TaskConfig config) {
  auto task = Task::create("task." + std::to_string(tasks_.size()), std::move(plan), config, std::move(output),
      services_, rootPool_, &sharedExecutor());
  registry_->add(task);
  tasks_.push_back(task);
  task->start();
  return task;
}

void ExchangeHarness::connect(const TaskPtr& consumer, const std::string& exchangeNodeId,
    const std::vector<TaskPtr>& upstreams, int32_t bufferId) {
  int64_t sequenceId = 0;
  for (const auto& upstream : upstreams) {
    consumer->addSplit(exchangeNodeId, Split{sequenceId++,
        std::make_shared<RemoteSplit>(upstream->taskId(), bufferId, location_ ? location_(upstream->taskId()) : "")});
  }
  consumer->noMoreSplits(exchangeNodeId);
}

std::vector<PagePtr> ExchangeHarness::results(const TaskPtr& task, int32_t bufferId) {
  auto source = services_.exchangeSources(
      RemoteSplit(task->taskId(), bufferId, location_ ? location_(task->taskId()) : ""), task->plan()->outputTypes());
  auto deadline = std::chrono::steady_clock::now() + timeout_;
  std::vector<PagePtr> pages;
  int64_t token = 0;
  for (;;) {
    ExchangePages reply;
    ContinueFuture future;
    if (source->getPages(token, 1 << 20, reply, &future)) {
      pages.insert(pages.end(), reply.pages.begin(), reply.pages.end());
      token = reply.nextToken;
      if (reply.complete) {
        break;
      }
      continue;
    }
    if (!waitUntil(future, deadline)) {
      cancelAll();
      PRESTO_FAIL("query timed out; task {} is {}", task->taskId(), taskStateName(task->state()));
    }
  }
  source->close();
  task->waitForCompletion(std::chrono::milliseconds(10'000));
  if (auto error = task->error()) {
    std::rethrow_exception(error);
  }
  PRESTO_CHECK(task->state() == TaskState::kFinished, "task ended {}", taskStateName(task->state()));
  return pages;
}

void ExchangeHarness::cancelAll() {
  for (const auto& task : tasks_) {
    task->cancel();
  }
}

} // namespace presto::exec::test
