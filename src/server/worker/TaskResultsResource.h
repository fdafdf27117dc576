#pragma once

#include <chrono>
#include <memory>

#include "common/Duration.h"
#include "server/http/Router.h"
#include "vector/serde/Compression.h"

namespace presto::exec {
class TaskRegistry;
}

namespace presto::server {
class TimerService;
}

namespace presto::server::worker {

/// Defaults of the results endpoints.
struct TaskResultsConfig {
  /// How long a request with nothing to send is held when it has no `X-Presto-Max-Wait`.
  Duration defaultMaxWait{std::chrono::seconds(1)};
  /// Reply size when a request has no `X-Presto-Max-Size` (Presto's 16MB).
  DataSize defaultMaxSize{16 << 20};
  /// Codec of the pages sent (kept per page only when it saves 20%).
  CompressionCodec compression = CompressionCodec::kNone;
};

/// The data plane of a worker: serves the output buffers of the tasks of a registry to consumers
/// in other processes (HttpExchangeSource), reading them in-process (InProcessExchangeSource).
///
/// - `GET /v1/task/{taskId}/results/{bufferId}/{token}`: acknowledges the pages before `token`
///   and replies with the pages from `token` on (200, body = serialized pages back to back, about
///   `X-Presto-Max-Size` bytes, at least one page), or 204 with none when the buffer is complete
///   or nothing came within `X-Presto-Max-Wait`. Headers: `X-Presto-Task-Instance-Id`,
///   `X-Presto-Page-Sequence-Id` (token asked), `X-Presto-Page-End-Sequence-Id` (next token),
///   `X-Presto-Buffer-Complete`. A failed, canceled or aborted task gets taskFailedResponse()
///   (500), never a complete buffer. Unknown task or buffer: 404.
/// - `GET /v1/task/{taskId}/results/{bufferId}/{token}/acknowledge`: acknowledges only (204).
/// - `DELETE /v1/task/{taskId}/results/{bufferId}`: the consumer gives the buffer up (204).
///   Acknowledging or deleting a buffer of a task that is gone does nothing and succeeds.
///
/// A waiting request holds no thread: it waits on the output buffer's future, with a timer for
/// its deadline.
class TaskResultsResource {
 public:
  /// `timers` runs the long-poll deadlines; it and `tasks` must outlive the routes.
  TaskResultsResource(std::shared_ptr<const exec::TaskRegistry> tasks, TimerService& timers,
      TaskResultsConfig config = {});

  void addRoutes(http::Router& router);

 private:
  void getResults(const http::HttpRequest& request, const http::PathParameters& parameters, http::Responder respond);
  void acknowledge(const http::PathParameters& parameters, http::Responder respond);
  void abortBuffer(const http::PathParameters& parameters, http::Responder respond);

  const std::shared_ptr<const exec::TaskRegistry> tasks_;
  TimerService& timers_;
  const TaskResultsConfig config_;
};

} // namespace presto::server::worker
