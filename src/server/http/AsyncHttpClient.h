#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "common/Duration.h"
#include "server/http/HttpMessage.h"

namespace presto::server::http {

/// One request of an AsyncHttpClient.
struct AsyncHttpRequest {
  std::string host;
  uint16_t port = 80;
  std::string method = "GET";
  /// Path and query (`/v1/task/t/results/0/3`).
  std::string target;
  /// Host, User-Agent and Content-Length are added.
  HttpHeaders headers;
  std::string body;
  /// Bounds the whole request: connecting, sending, the server's wait and reading the reply.
  Duration timeout{std::chrono::seconds(60)};
};

/// What became of a request: its response, or the transport error that prevented one.
struct AsyncHttpResult {
  std::optional<HttpResponse> response;
  /// Without a response: what went wrong (connection refused, reset, timed out, malformed reply).
  std::string error;
  /// Without a response: no connection to the server could be made at all.
  bool unreachable = false;
};

/// Receives the result of a request, on an I/O thread of the client: must be short and must not
/// block. Never called from inside AsyncHttpClient::send().
using AsyncHttpCallback = std::function<void(AsyncHttpResult result)>;

/// An asynchronous HTTP/1.1 client (Boost.Beast) running on its own I/O threads, shared by every
/// user in a process: no thread waits for a reply, however many requests are outstanding. Keeps
/// idle persistent connections per server and reuses them; a request that fails on a reused
/// connection before any byte of the reply arrived is retried once on a new connection (the server
/// may have closed it while it sat idle). Thread-safe.
///
/// Destruction stops the I/O threads; callbacks of requests still in flight are dropped uncalled,
/// so a callback must not own the client (hold it weakly).
class AsyncHttpClient {
 public:
  /// Changes every request before it is sent (adds authentication headers).
  using RequestDecorator = std::function<void(AsyncHttpRequest& request)>;

  explicit AsyncHttpClient(int32_t threads = 1, RequestDecorator decorate = nullptr);
  ~AsyncHttpClient();

  AsyncHttpClient(const AsyncHttpClient&) = delete;
  AsyncHttpClient& operator=(const AsyncHttpClient&) = delete;

  /// Starts `request`; `callback` gets its result later.
  void send(AsyncHttpRequest request, AsyncHttpCallback callback);

  /// Runs `callback` on an I/O thread once `delay` has passed (retry backoff).
  void runAfter(std::chrono::milliseconds delay, std::function<void()> callback);

 private:
  class Impl;
  /// Shared with the I/O threads, which may outlive this object by the handler they are running.
  std::shared_ptr<Impl> impl_;
  std::vector<std::thread> threads_;
  const RequestDecorator decorate_;
};

} // namespace presto::server::http
