#include "TestCoordinator.h"

#include <atomic>
#include <condition_variable>
#include <map>

#include <fmt/format.h>

#include "common/PrestoException.h"
#include "engine/PlanTranslator.h"
#include "exec/RemoteSplit.h"
#include "server/cluster/TaskUpdates.h"
#include "server/http/HttpClient.h"
#include "server/protocol/PlanFragmentJson.h"
#include "server/protocol/TaskUpdateRequest.h"
#include "server/worker/HttpExchangeSource.h"
#include "sql/optimizer/PlanFragmenter.h"

namespace presto::server::worker::test {
namespace {

using namespace std::chrono_literals;

/// Sends `method target` to the worker at `uri`; throws unless the reply is 200.
http::HttpResponse send(const std::string& uri, const std::string& method, const std::string& target,
    const std::string& body = "") {
  auto url = http::Url::parse(uri + target);
  http::HttpClient client(url->host, url->port);
  http::HttpHeaders headers;
  headers.add("Content-Type", "application/json");
  auto response = client.send(method, url->target, headers, body);
  if (response.status != 200) {
    throw PrestoException(errors::GENERIC_INTERNAL_ERROR,
        fmt::format("{} {} answered {}: {}", method, uri + target, response.status, response.body));
  }
  return response;
}

/// Blocks until `future` completes; fails after a minute.
void wait(const exec::ContinueFuture& future) {
  auto mutex = std::make_shared<std::mutex>();
  auto condition = std::make_shared<std::condition_variable>();
  auto ready = std::make_shared<bool>(false);
  future.then([=] {
    std::lock_guard<std::mutex> lock(*mutex);
    *ready = true;
    condition->notify_all();
  });
  std::unique_lock<std::mutex> lock(*mutex);
  if (!condition->wait_for(lock, 60s, [&] { return *ready; })) {
    throw PrestoException(errors::GENERIC_INTERNAL_ERROR, "no result from the root task for a minute");
  }
}

} // namespace

TestCoordinator::TestCoordinator(engine::LocalQueryRunner& planner, std::vector<std::string> workers)
    : planner_(planner), workers_(std::move(workers)) {}

engine::StatementResult TestCoordinator::execute(const std::string& sql) {
  auto query = start(sql);
  try {
    auto result = results(query);
    deleteTasks(query, /*abort=*/false);
    return result;
  } catch (...) {
    deleteTasks(query, /*abort=*/true);
    throw;
  }
}

ScheduledQuery TestCoordinator::start(const std::string& sql) {
  auto session = planner_.session();
  session.setStartTime(std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::system_clock::now().time_since_epoch()).count());
  auto plan = planner_.planDistributed(session, sql);
  auto services = planner_.executionServices();
  auto physical = engine::PlanTranslator(*services.metadata, *services.functions).translate(plan);

  ScheduledQuery query;
  // Workers keep the tasks of earlier queries for a while: ids must differ from every coordinator's.
  static std::atomic<int32_t> nextQuery{0};
  query.queryId = fmt::format("test_{}", nextQuery++);
  query.columnNames = physical.columnNames;
  query.columnTypes = physical.columnTypes;
  // Tasks per fragment, each on a worker.
  std::vector<std::vector<ScheduledTask>> tasks(plan.fragments.size());
  size_t nextWorker = 0;
  for (const auto& fragment : plan.fragments) {
    int32_t count = 1;
    if (fragment.partitioning == sql::PlanFragment::Partitioning::kSource &&
        !physical.fragments[static_cast<size_t>(fragment.id)].scans.empty()) {
      count = static_cast<int32_t>(workers_.size());
    } else if (fragment.partitioning == sql::PlanFragment::Partitioning::kHash) {
      count = plan.hashPartitionCount;
    }
    for (int32_t i = 0; i < count; ++i) {
      tasks[static_cast<size_t>(fragment.id)].push_back(
          {fmt::format("{}.{}.0.{}.0", query.queryId, fragment.id, i), fragment.id, workers_[nextWorker++ % workers_.size()]});
    }
  }
  auto consumerTasks = [&](int32_t producer) {
    for (const auto& fragment : plan.fragments) {
      const auto& sources = fragment.sourceFragments;
      if (std::find(sources.begin(), sources.end(), producer) != sources.end()) {
        return static_cast<int32_t>(tasks[static_cast<size_t>(fragment.id)].size());
      }
    }
    return 1;
  };

  // Every task exists before any split names it.
  for (const auto& fragment : plan.fragments) {
    const auto& translated = physical.fragments[static_cast<size_t>(fragment.id)];
    TaskUpdateRequest create;
    create.session = cluster::taskSessionOf(session, query.queryId);
    create.fragment = planFragmentToJson(fragment);
    create.outputIds = cluster::outputBuffersOf(exec::OutputBufferSpec{
        translated.outputKind, fragment.id == plan.rootFragment ? 1 : consumerTasks(fragment.id), {}});
    for (const auto& task : tasks[static_cast<size_t>(fragment.id)]) {
      send(task.worker, "POST", "/v1/task/" + task.taskId, serializeTaskUpdateRequest(create));
      query.tasks.push_back(task);
    }
  }
  query.root = tasks[static_cast<size_t>(plan.rootFragment)].at(0);

  for (const auto& fragment : physical.fragments) {
    const auto& fragmentTasks = tasks[static_cast<size_t>(fragment.id)];
    std::vector<TaskUpdateRequest> updates(fragmentTasks.size());
    for (auto& update : updates) {
      update.session = cluster::taskSessionOf(session, query.queryId);
    }
    for (const auto& scan : fragment.scans) {
      std::string catalog;
      for (const auto& [name, connector] : physical.connectors) {
        catalog = connector == scan.connector ? name : catalog;
      }
      for (auto& update : updates) {
        update.sources.push_back({scan.planNodeId, {}, false});
      }
      auto splits = scan.connector->splitManager().getSplits(scan.table, connector::SplitContext{workers_});
      int64_t sequenceId = 0;
      while (!splits->isFinished()) {
        for (const auto& split : splits->getNextBatch(100)) {
          auto& update = updates[static_cast<size_t>(sequenceId) % updates.size()];
          update.sources.back().splits.push_back({sequenceId++, scan.planNodeId, catalog, split->toJson()});
        }
      }
    }
    for (const auto& input : fragment.remoteInputs) {
      for (size_t consumer = 0; consumer < updates.size(); ++consumer) {
        TaskSource source{input.planNodeId, {}, false};
        for (auto producerFragment : input.sourceFragments) {
          for (const auto& producer : tasks[static_cast<size_t>(producerFragment)]) {
            exec::RemoteSplit split(
                producer.taskId, input.bufferPerConsumer ? static_cast<int32_t>(consumer) : 0, producer.location());
            source.splits.push_back({static_cast<int64_t>(source.splits.size()), input.planNodeId,
                std::string(kRemoteConnectorId), split.toJson()});
          }
        }
        updates[consumer].sources.push_back(std::move(source));
      }
    }
    for (size_t i = 0; i < updates.size(); ++i) {
      const auto& target = "/v1/task/" + fragmentTasks[i].taskId;
      send(fragmentTasks[i].worker, "POST", target, serializeTaskUpdateRequest(updates[i]));
      // The retry of a lost reply, closing the sources: the splits seen are ignored.
      for (auto& source : updates[i].sources) {
        source.noMoreSplits = true;
      }
      send(fragmentTasks[i].worker, "POST", target, serializeTaskUpdateRequest(updates[i]));
    }
  }
  return query;
}

engine::StatementResult TestCoordinator::results(const ScheduledQuery& query) {
  engine::StatementResult result;
  result.columnNames = query.columnNames;
  result.columnTypes = query.columnTypes;
  HttpExchangeSource source(client_, exec::RemoteSplit(query.root.taskId, 0, query.root.location()), query.columnTypes);
  int64_t token = 0;
  for (;;) {
    exec::ExchangePages reply;
    exec::ContinueFuture future;
    if (!source.getPages(token, 1 << 20, reply, &future)) {
      wait(future);
      continue;
    }
    for (auto& page : reply.pages) {
      result.pages.push_back(std::move(page));
    }
    token = reply.nextToken;
    if (reply.complete) {
      break;
    }
  }
  source.close();
  return result;
}

void TestCoordinator::deleteTasks(const ScheduledQuery& query, bool abort) {
  for (const auto& task : query.tasks) {
    send(task.worker, "DELETE", fmt::format("/v1/task/{}?abort={}", task.taskId, abort));
  }
}

} // namespace presto::server::worker::test
