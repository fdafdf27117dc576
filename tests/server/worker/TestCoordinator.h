#pragma once

#include <memory>
#include <string>
#include <vector>

#include "engine/LocalQueryRunner.h"
#include "server/http/AsyncHttpClient.h"

namespace presto::server::worker::test {

/// One task of a query scheduled by TestCoordinator.
struct ScheduledTask {
  std::string taskId;
  int32_t fragmentId = 0;
  /// The worker running it (`http://host:port`).
  std::string worker;

  /// `{worker}/v1/task/{taskId}`.
  std::string location() const { return worker + "/v1/task/" + taskId; }
};

/// A query whose tasks run on the workers.
struct ScheduledQuery {
  std::string queryId;
  std::vector<ScheduledTask> tasks;
  /// The task producing the result (buffer 0).
  ScheduledTask root;
  std::vector<std::string> columnNames;
  std::vector<TypePtr> columnTypes;
};

/// The scheduling a coordinator does, over the task API only, for tests: plans a query with an
/// embedded engine (its distributed plan, as LocalQueryRunner runs it), creates every
/// fragment's tasks on the workers (`POST /v1/task/{id}`: leaf fragments one task per worker
/// with the table's splits spread over them, hash fragments `hashPartitionCount` tasks spread
/// over the workers, the others one task), points each exchange at its producers' buffers with
/// RemoteSplits carrying their `location`, and reads the root task's buffer 0 over HTTP.
/// Every update is sent twice (the second closing the sources), as a retrying coordinator would.
class TestCoordinator {
 public:
  /// `planner` plans queries (its catalogs enumerate the splits); it must outlive the coordinator.
  TestCoordinator(engine::LocalQueryRunner& planner, std::vector<std::string> workers);

  /// Runs `sql` to completion; throws the query's error. Deletes the tasks afterwards.
  engine::StatementResult execute(const std::string& sql);
  /// Creates the tasks of `sql` and hands out every split, without reading the result.
  ScheduledQuery start(const std::string& sql);
  /// Reads the result of a started query.
  engine::StatementResult results(const ScheduledQuery& query);
  /// `DELETE {location}?abort=...` of every task of the query.
  void deleteTasks(const ScheduledQuery& query, bool abort);

 private:
  engine::LocalQueryRunner& planner_;
  const std::vector<std::string> workers_;
  const std::shared_ptr<http::AsyncHttpClient> client_ = std::make_shared<http::AsyncHttpClient>();
};

} // namespace presto::server::worker::test
