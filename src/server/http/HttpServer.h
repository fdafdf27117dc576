#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "common/Duration.h"
#include "server/http/Router.h"

namespace presto::server::http {

/// Limits and addresses of the HTTP server.
struct HttpServerConfig {
  std::string bindAddress = "0.0.0.0";
  /// 0 picks a free port (tests); see HttpServer::port().
  uint16_t port = 8080;
  int threads = 2;
  /// Requests with a larger body get 413.
  uint64_t maxBodyBytes = 16 << 20;
  /// Requests with a larger request line plus headers get 431.
  uint32_t maxHeaderBytes = 64 << 10;
  /// A connection that sends nothing for this long (between or inside requests) is closed.
  Duration idleTimeout{std::chrono::seconds(120)};
};

/// An HTTP/1.1 server (Boost.Beast over Asio): persistent connections, one request at a time per
/// connection in arrival order, absolute-form request targets, `Expect: 100-continue`, size
/// limits. Malformed requests get a 4xx reply and the connection is closed; nothing a client
/// sends can stop the server. Handlers run on the I/O threads and may answer later from any
/// thread (no thread waits for a long poll).
///
/// Shutdown: stop() closes every connection; responders still held by handlers or their threads
/// may be called or released at any time afterwards, even after the server is destroyed (the
/// replies are dropped).
class HttpServer {
 public:
  HttpServer(HttpServerConfig config, std::shared_ptr<const Router> router);
  ~HttpServer();

  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  /// Binds and starts the I/O threads; CONFIGURATION_INVALID if the address cannot be bound.
  void start();
  /// The bound port (after start()).
  uint16_t port() const;
  /// Stops accepting and handling requests and joins the I/O threads. Idempotent.
  void stop();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

} // namespace presto::server::http
