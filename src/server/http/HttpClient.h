#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "common/Duration.h"
#include "server/http/HttpMessage.h"

namespace presto::server::http {

/// The parts of an `http://host:port/path?query` URL.
struct Url {
  std::string host;
  uint16_t port = 80;
  /// Path and query, `/` at least.
  std::string target;

  /// nullopt unless `text` is an http URL (https is not supported).
  static std::optional<Url> parse(std::string_view text);
};

/// A blocking HTTP/1.1 client over one persistent connection to one server (Boost.Beast). Each
/// call sends one request and reads its reply; if the server closed an idle connection, the
/// request is retried once on a new one. Errors (connection refused, timeout, malformed reply)
/// throw PrestoException with code REMOTE_HOST_GONE or PAGE_TRANSPORT_TIMEOUT. Not thread-safe:
/// use one client per thread.
class HttpClient {
 public:
  HttpClient(std::string host, uint16_t port, Duration timeout = Duration(std::chrono::seconds(60)));
  ~HttpClient();

  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  /// Sends `method target` with `headers` (Host, User-Agent and Content-Length are added) and `body`.
  HttpResponse send(const std::string& method, const std::string& target, const HttpHeaders& headers = {},
      const std::string& body = "");

  /// Drops the connection (the next request opens a new one).
  void disconnect();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

} // namespace presto::server::http
