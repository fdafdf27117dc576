#pragma once

#include <chrono>
#include <memory>

#include "common/Duration.h"
#include "server/http/Router.h"

namespace presto::server {
class TimerService;
}

namespace presto::server::worker {

class TaskManager;

/// The control plane of a worker: the task endpoints of the coordinator <-> worker protocol over
/// a TaskManager (docs/dev/task-api.md).
///
/// - `POST /v1/task/{taskId}` with a TaskUpdateRequest: creates or updates the task -> TaskInfo.
///   A body that is not a well-formed update: 400 with the problem as text.
/// - `GET /v1/task/{taskId}` -> TaskInfo; `GET /v1/task/{taskId}/status` -> TaskStatus. With
///   `X-Presto-Current-State` and `X-Presto-Max-Wait` both long-poll: the reply comes at once if
///   the state differs, else when it changes or when the wait is over.
/// - `DELETE /v1/task/{taskId}?abort=true|false`: aborts (default) or cancels -> TaskInfo.
/// - `GET /v1/task` -> every TaskInfo.
/// Unknown tasks: 404. A waiting request holds no thread: the task's state change and a timer
/// answer it.
class TaskResource {
 public:
  /// `manager` and `timers` must outlive the routes.
  TaskResource(std::shared_ptr<TaskManager> manager, TimerService& timers);

  void addRoutes(http::Router& router);

 private:
  void update(const http::HttpRequest& request, const http::PathParameters& parameters, http::Responder respond);
  /// GET of the task info (`statusOnly` false) or status, long-polled when asked to.
  void get(const http::HttpRequest& request, const std::string& taskId, bool statusOnly, http::Responder respond);
  void remove(const http::HttpRequest& request, const http::PathParameters& parameters, http::Responder respond);

  const std::shared_ptr<TaskManager> manager_;
  TimerService& timers_;
};

} // namespace presto::server::worker
