#include "server/http/HttpServer.h"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <vector>

#include "common/Check.h"
#include "common/Logging.h"

namespace presto::server::http {
namespace {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

class Connection;

/// The server's open connections. It owns them while they wait for a handler's reply (no I/O is
/// pending then), so a responder needs only a weak reference; once the server stops, responders
/// called from other threads drop their replies instead of touching a dead io_context, and no
/// connection is destroyed outside the server's lifetime.
struct OpenConnections {
  std::mutex mutex;
  bool stopped = false;
  std::unordered_map<const Connection*, std::shared_ptr<Connection>> connections;

  void add(const std::shared_ptr<Connection>& connection) {
    std::lock_guard lock(mutex);
    if (!stopped) {
      connections.emplace(connection.get(), connection);
    }
  }

  /// Returns the connection so the caller, not this lock, destroys it.
  std::shared_ptr<Connection> remove(const Connection* connection) {
    std::lock_guard lock(mutex);
    auto it = connections.find(connection);
    if (it == connections.end()) {
      return nullptr;
    }
    auto removed = std::move(it->second);
    connections.erase(it);
    return removed;
  }
};

/// One client connection: reads a request, hands it to the router, writes the reply whenever the
/// handler produces it, then reads the next request (persistent connections).
class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(tcp::socket socket, const HttpServerConfig& config, std::shared_ptr<const Router> router,
      std::shared_ptr<OpenConnections> openConnections)
      : stream_(std::move(socket)),
        config_(config),
        router_(std::move(router)),
        openConnections_(std::move(openConnections)) {}

  void start() {
    openConnections_->add(shared_from_this());
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->readHeader(); });
  }

  /// Closes the socket, so that the client sees the connection end. Only once no I/O thread runs
  /// (the server's stop()): the pending operations are never completed then.
  void closeSocket() {
    beast::error_code ignored;
    stream_.socket().close(ignored);
  }

 private:
  void readHeader() {
    parser_.emplace();
    parser_->header_limit(config_.maxHeaderBytes);
    parser_->body_limit(config_.maxBodyBytes);
    stream_.expires_after(config_.idleTimeout.toChrono());
    bhttp::async_read_header(stream_, buffer_, *parser_,
        [self = shared_from_this()](beast::error_code ec, size_t) { self->onHeader(ec); });
  }

  void onHeader(beast::error_code ec) {
    if (ec) {
      return failRead(ec);
    }
    if (beast::iequals(parser_->get()[bhttp::field::expect], "100-continue")) {
      // curl sends this before bodies over 1 KB and waits for the go-ahead.
      static const std::string kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
      net::async_write(stream_, net::buffer(kContinue), [self = shared_from_this()](beast::error_code ec, size_t) {
        if (ec) {
          return self->close();
        }
        self->readBody();
      });
      return;
    }
    readBody();
  }

  void readBody() {
    stream_.expires_after(config_.idleTimeout.toChrono());
    bhttp::async_read(stream_, buffer_, *parser_,
        [self = shared_from_this()](beast::error_code ec, size_t) { self->onRequest(ec); });
  }

  void failRead(beast::error_code ec) {
    if (ec == bhttp::error::end_of_stream || ec == net::error::eof || ec == beast::error::timeout ||
        ec == net::error::operation_aborted || ec == net::error::connection_reset) {
      return close();
    }
    keepAlive_ = false;
    version_ = 11;
    if (ec == bhttp::error::body_limit) {
      return write(HttpResponse::text(413, "Request body too large"));
    }
    if (ec == bhttp::error::header_limit) {
      return write(HttpResponse::text(431, "Request header fields too large"));
    }
    if (ec.category() == bhttp::make_error_code(bhttp::error::bad_target).category()) {
      return write(HttpResponse::text(400, "Malformed HTTP request: " + ec.message()));
    }
    close();
  }

  void onRequest(beast::error_code ec) {
    if (ec) {
      return failRead(ec);
    }
    // A handler may take as long as it likes (long polls); the client just waits.
    stream_.expires_never();
    auto& message = parser_->get();
    keepAlive_ = message.keep_alive();
    version_ = message.version();
    head_ = message.method() == bhttp::verb::head;

    HttpRequest request;
    request.method = std::string(message.method_string());
    std::string authority;
    auto target = message.target();
    if (!parseRequestTarget(std::string_view(target.data(), target.size()), request.path, request.queryParameters, authority)) {
      keepAlive_ = false;
      return write(HttpResponse::text(400, "Malformed request target"));
    }
    for (const auto& field : message) {
      request.headers.add(std::string(field.name_string()), std::string(field.value()));
    }
    request.host = authority.empty() ? std::string(message[bhttp::field::host]) : authority;
    request.body = std::move(message.body());
    parser_.reset();

    std::weak_ptr<Connection> weak = shared_from_this();
    router_->route(request, [weak, open = openConnections_](HttpResponse response) {
      std::lock_guard lock(open->mutex);
      if (open->stopped) {
        return;
      }
      if (auto self = weak.lock()) {
        net::post(self->stream_.get_executor(),
            [self, response = std::move(response)]() mutable { self->write(std::move(response)); });
      }
    });
  }

  void write(HttpResponse response) {
    auto reply = std::make_shared<bhttp::response<bhttp::string_body>>(
        static_cast<bhttp::status>(response.status), version_);
    reply->set(bhttp::field::server, "presto-cpp");
    if (!response.contentType.empty()) {
      reply->set(bhttp::field::content_type, response.contentType);
    }
    for (const auto& [name, value] : response.headers.fields()) {
      reply->insert(name, value);
    }
    reply->keep_alive(keepAlive_);
    if (head_) {
      reply->content_length(response.body.size());
    } else {
      reply->body() = std::move(response.body);
      reply->prepare_payload();
    }
    stream_.expires_after(config_.idleTimeout.toChrono());
    bhttp::async_write(stream_, *reply, [self = shared_from_this(), reply](beast::error_code ec, size_t) {
      if (ec || !self->keepAlive_) {
        return self->close();
      }
      self->readHeader();
    });
  }

  void close() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
    stream_.close();
    openConnections_->remove(this);
  }

  beast::tcp_stream stream_;
  const HttpServerConfig& config_;
  const std::shared_ptr<const Router> router_;
  const std::shared_ptr<OpenConnections> openConnections_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  bool keepAlive_ = true;
  bool head_ = false;
  unsigned version_ = 11;
};

} // namespace

class HttpServer::Impl {
 public:
  Impl(HttpServerConfig config, std::shared_ptr<const Router> router)
      : config_(std::move(config)), router_(std::move(router)), acceptor_(net::make_strand(io_)) {}

  ~Impl() { stop(); }

  void start() {
    beast::error_code ec;
    auto address = net::ip::make_address(config_.bindAddress, ec);
    PRESTO_USER_CHECK(!ec, errors::CONFIGURATION_INVALID, "Invalid bind address '{}'", config_.bindAddress);
    tcp::endpoint endpoint(address, config_.port);
    acceptor_.open(endpoint.protocol(), ec);
    if (!ec) {
      acceptor_.set_option(net::socket_base::reuse_address(true), ec);
      acceptor_.bind(endpoint, ec);
    }
    if (!ec) {
      acceptor_.listen(net::socket_base::max_listen_connections, ec);
    }
    PRESTO_USER_CHECK(!ec, errors::CONFIGURATION_INVALID, "Cannot listen on {}:{}: {}", config_.bindAddress,
        config_.port, ec.message());
    port_ = acceptor_.local_endpoint().port();
    accept();
    for (int i = 0; i < std::max(1, config_.threads); ++i) {
      threads_.emplace_back([this] { io_.run(); });
    }
  }

  uint16_t port() const { return port_; }

  void stop() {
    if (stopped_) {
      return;
    }
    stopped_ = true;
    {
      std::lock_guard lock(openConnections_->mutex);
      openConnections_->stopped = true;
    }
    net::post(acceptor_.get_executor(), [this] {
      beast::error_code ignored;
      acceptor_.close(ignored);
    });
    io_.stop();
    for (auto& thread : threads_) {
      thread.join();
    }
    threads_.clear();
    // The posted close may not have run before the I/O threads stopped: close here, so that the
    // port refuses connections from now on instead of leaving them unanswered in the backlog.
    beast::error_code ignored;
    acceptor_.close(ignored);
    // Destroyed here, while the io_context they are registered with still exists.
    std::unordered_map<const Connection*, std::shared_ptr<Connection>> connections;
    {
      std::lock_guard lock(openConnections_->mutex);
      connections.swap(openConnections_->connections);
    }
    // Idle connections are also held by their pending reads, which now never complete.
    for (const auto& [key, connection] : connections) {
      connection->closeSocket();
    }
  }

 private:
  void accept() {
    acceptor_.async_accept(net::make_strand(io_), [this](beast::error_code ec, tcp::socket socket) {
      if (!acceptor_.is_open()) {
        return;
      }
      if (!ec) {
        beast::error_code ignored;
        socket.set_option(tcp::no_delay(true), ignored);
        std::make_shared<Connection>(std::move(socket), config_, router_, openConnections_)->start();
      } else {
        LOG_WARN("accept failed: {}", ec.message());
      }
      accept();
    });
  }

  const HttpServerConfig config_;
  const std::shared_ptr<const Router> router_;
  net::io_context io_;
  const std::shared_ptr<OpenConnections> openConnections_ = std::make_shared<OpenConnections>();
  tcp::acceptor acceptor_;
  std::vector<std::thread> threads_;
  uint16_t port_ = 0;
  bool stopped_ = false;
};

HttpServer::HttpServer(HttpServerConfig config, std::shared_ptr<const Router> router)
    : impl_(std::make_unique<Impl>(std::move(config), std::move(router))) {}

HttpServer::~HttpServer() = default;

void HttpServer::start() {
  impl_->start();
}

uint16_t HttpServer::port() const {
  return impl_->port();
}

void HttpServer::stop() {
  impl_->stop();
}

} // namespace presto::server::http
