#pragma once

#include <chrono>
#include <memory>
#include <vector>

#include "common/Duration.h"
#include "exec/ExchangeSource.h"

namespace presto::exec {
class RemoteSplit;
}

namespace presto::server::http {
class AsyncHttpClient;
}

namespace presto::server::worker {

/// Timing of an HttpExchangeSource.
struct HttpExchangeOptions {
  /// How long the server may hold a request with no pages before answering 204 (`X-Presto-Max-Wait`).
  Duration maxWait{std::chrono::seconds(1)};
  /// Bound on one request beyond `maxWait` (connecting, transferring the reply).
  Duration requestTimeout{std::chrono::seconds(10)};
  /// Transport errors are retried with backoff (50 ms doubling to 1 s) until they have lasted this
  /// long; then the source fails.
  Duration maxErrorDuration{std::chrono::seconds(10)};
};

/// Reads one output buffer of a task on another worker over the results protocol
/// (`GET {location}/results/{bufferId}/{token}`, see TaskResultsResource), asynchronously:
/// getPages() starts the request and returns a future while it is in flight; the reply's pages are
/// kept (serialized) until the consumer asks for that token, deserialized on the consumer's thread,
/// and handed out again if the same token is asked again. A reply without pages that is not
/// complete (the server's wait ran out) is simply asked again. Asking for the next token
/// acknowledges the pages before it upstream.
///
/// Failures: the upstream task's error travels back as that error (its code and message); a
/// task the server does not know fails with REMOTE_TASK_ERROR; a change of
/// `X-Presto-Task-Instance-Id` (the task was recreated) with REMOTE_TASK_MISMATCH; transport errors
/// are retried for HttpExchangeOptions::maxErrorDuration, then fail with REMOTE_HOST_GONE (the
/// host could not be reached) or PAGE_TRANSPORT_ERROR, naming the host.
class HttpExchangeSource : public exec::ExchangeSource {
 public:
  /// REQUIRES: `split.location()` is `http://host:port/v1/task/{taskId}`.
  HttpExchangeSource(std::shared_ptr<http::AsyncHttpClient> client, const exec::RemoteSplit& split,
      std::vector<TypePtr> types, HttpExchangeOptions options = {});
  ~HttpExchangeSource() override;

  bool getPages(int64_t token, int64_t maxBytes, exec::ExchangePages& result, exec::ContinueFuture* future) override;
  /// Sends `GET …/{token}/acknowledge` without waiting for its reply.
  void acknowledge(int64_t token) override;
  /// Sends `DELETE {location}/results/{bufferId}` without waiting for its reply.
  void close() override;

 private:
  /// Shared with the callbacks of requests in flight, which hold it weakly.
  class State;
  std::shared_ptr<State> state_;
};

/// A factory for TaskServices::exchangeSources: HttpExchangeSources sharing `client` for splits
/// with a location, `inProcess` (if given) for splits without one.
exec::ExchangeSourceFactory httpExchangeSources(std::shared_ptr<http::AsyncHttpClient> client,
    exec::ExchangeSourceFactory inProcess = nullptr, HttpExchangeOptions options = {});

} // namespace presto::server::worker
