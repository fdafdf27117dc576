#include "server/worker/TaskResource.h"

#include <atomic>

#include "common/PrestoException.h"
#include "server/coordinator/TimerService.h"
#include "server/protocol/TaskInfo.h"
#include "server/worker/TaskManager.h"

namespace presto::server::worker {
namespace {

constexpr std::string_view kCurrentState = "X-Presto-Current-State";
constexpr std::string_view kMaxWait = "X-Presto-Max-Wait";

http::HttpResponse taskNotFound(const std::string& taskId) {
  return http::HttpResponse::text(404, "Task " + taskId + " not found");
}

/// The current info or status of a task as a reply (404 once it is gone).
http::HttpResponse render(const std::shared_ptr<TaskManager>& manager, const std::string& taskId, bool statusOnly) {
  if (!manager) {
    return http::HttpResponse::text(503, "The worker is shutting down");
  }
  if (statusOnly) {
    auto status = manager->taskStatus(taskId);
    return status ? http::HttpResponse::json(serializeTaskStatus(*status)) : taskNotFound(taskId);
  }
  auto info = manager->taskInfo(taskId);
  return info ? http::HttpResponse::json(serializeTaskInfo(*info)) : taskNotFound(taskId);
}

/// A long-polling GET: answered once, when the task's state changes or at the deadline, from the
/// timer thread (a state change only schedules the answer, it may come with locks held). Holds the
/// manager weakly: a timer must not be what keeps it alive.
class PendingTaskReply : public std::enable_shared_from_this<PendingTaskReply> {
 public:
  PendingTaskReply(std::weak_ptr<TaskManager> manager, std::string taskId, bool statusOnly, TimerService& timers,
      http::Responder respond)
      : manager_(std::move(manager)), taskId_(std::move(taskId)), statusOnly_(statusOnly), timers_(timers),
        respond_(std::move(respond)) {}

  void start(TaskStatus::State current, TimerService::Clock::time_point deadline) {
    deadlineTimer_ = timers_.schedule(deadline, [self = shared_from_this()] { self->answer(); });
    auto manager = manager_.lock();
    bool known = manager && manager->onStateChange(taskId_, current, [weak = weak_from_this(), &timers = timers_] {
      timers.schedule(TimerService::Clock::now(), [weak] {
        if (auto self = weak.lock()) {
          self->answer();
        }
      });
    });
    if (!known) {
      answer();
    }
  }

 private:
  void answer() {
    if (answered_.exchange(true)) {
      return;
    }
    timers_.cancel(deadlineTimer_.load());
    respond_(render(manager_.lock(), taskId_, statusOnly_));
  }

  const std::weak_ptr<TaskManager> manager_;
  const std::string taskId_;
  const bool statusOnly_;
  TimerService& timers_;
  const http::Responder respond_;
  std::atomic<bool> answered_{false};
  std::atomic<uint64_t> deadlineTimer_{0};
};

} // namespace

TaskResource::TaskResource(std::shared_ptr<TaskManager> manager, TimerService& timers)
    : manager_(std::move(manager)), timers_(timers) {}

void TaskResource::addRoutes(http::Router& router) {
  router.add("POST", "/v1/task/{taskId}",
      [this](const http::HttpRequest& request, const http::PathParameters& parameters, http::Responder respond) {
        update(request, parameters, std::move(respond));
      });
  router.add("GET", "/v1/task/{taskId}",
      [this](const http::HttpRequest& request, const http::PathParameters& parameters, http::Responder respond) {
        get(request, parameters.at("taskId"), false, std::move(respond));
      });
  router.add("GET", "/v1/task/{taskId}/status",
      [this](const http::HttpRequest& request, const http::PathParameters& parameters, http::Responder respond) {
        get(request, parameters.at("taskId"), true, std::move(respond));
      });
  router.add("DELETE", "/v1/task/{taskId}",
      [this](const http::HttpRequest& request, const http::PathParameters& parameters, http::Responder respond) {
        remove(request, parameters, std::move(respond));
      });
  router.add("GET", "/v1/task", [this](const http::HttpRequest&, const http::PathParameters&, http::Responder respond) {
    respond(http::HttpResponse::json(serializeTaskInfos(manager_->allTasks())));
  });
}

void TaskResource::update(
    const http::HttpRequest& request, const http::PathParameters& parameters, http::Responder respond) {
  TaskInfo info;
  try {
    info = manager_->updateTask(parameters.at("taskId"), parseTaskUpdateRequest(request.body));
  } catch (const PrestoException& error) {
    // The manager throws only for updates it cannot apply: the request is at fault.
    return respond(http::HttpResponse::text(400, error.what()));
  }
  respond(http::HttpResponse::json(serializeTaskInfo(info)));
}

void TaskResource::get(
    const http::HttpRequest& request, const std::string& taskId, bool statusOnly, http::Responder respond) {
  auto currentState = request.headers.get(kCurrentState);
  auto maxWait = request.headers.get(kMaxWait);
  if (!currentState || !maxWait) {
    return respond(render(manager_, taskId, statusOnly));
  }
  auto state = parseTaskState(*currentState);
  if (!state) {
    return respond(http::HttpResponse::text(400, "Invalid " + std::string(kCurrentState) + ": " + *currentState));
  }
  Duration wait;
  try {
    wait = Duration::parse(*maxWait);
  } catch (const PrestoException& error) {
    return respond(http::HttpResponse::text(400, error.what()));
  }
  auto pending = std::make_shared<PendingTaskReply>(manager_, taskId, statusOnly, timers_, std::move(respond));
  pending->start(*state, TimerService::Clock::now() + wait.toChrono());
}

void TaskResource::remove(
    const http::HttpRequest& request, const http::PathParameters& parameters, http::Responder respond) {
  bool abort = true;
  if (auto it = request.queryParameters.find("abort"); it != request.queryParameters.end()) {
    if (it->second != "true" && it->second != "false") {
      return respond(http::HttpResponse::text(400, "Invalid abort: " + it->second + " (true or false)"));
    }
    abort = it->second == "true";
  }
  respond(http::HttpResponse::json(serializeTaskInfo(manager_->deleteTask(parameters.at("taskId"), abort))));
}

} // namespace presto::server::worker
