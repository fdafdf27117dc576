#include "server/http/AsyncHttpClient.h"

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <limits>
#include <mutex>
#include <unordered_map>

#include "common/Logging.h"

namespace presto::server::http {
namespace {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

class ConnectionPool;

/// One persistent connection to one server, running one request at a time on its strand.
class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(net::io_context& io, ConnectionPool& pool, std::string key)
      : pool_(pool), key_(std::move(key)), stream_(net::make_strand(io)), resolver_(stream_.get_executor()) {
    // Beast reads at most the buffer's free capacity (512 bytes at least): a small buffer would
    // read a large reply a few hundred bytes per system call.
    buffer_.reserve(kReadBufferBytes);
  }

  const std::string& key() const { return key_; }

  void send(AsyncHttpRequest request, AsyncHttpCallback callback) {
    net::post(stream_.get_executor(),
        [self = shared_from_this(), request = std::move(request), callback = std::move(callback)]() mutable {
          self->request_ = std::move(request);
          self->callback_ = std::move(callback);
          self->start();
        });
  }

 private:
  void start() {
    stream_.expires_after(request_.timeout.toChrono());
    reused_ = connected_;
    if (connected_) {
      write();
    } else {
      connect();
    }
  }

  void connect() {
    resolver_.async_resolve(request_.host, std::to_string(request_.port),
        [self = shared_from_this()](beast::error_code ec, const tcp::resolver::results_type& endpoints) {
          if (ec) {
            return self->fail(ec, true);
          }
          self->stream_.async_connect(endpoints, [self](beast::error_code ec, const tcp::endpoint&) {
            if (ec) {
              return self->fail(ec, true);
            }
            beast::error_code ignored;
            self->stream_.socket().set_option(tcp::no_delay(true), ignored);
            self->connected_ = true;
            self->write();
          });
        });
  }

  void write() {
    message_ = {};
    auto verb = bhttp::string_to_verb(request_.method);
    message_.version(11);
    if (verb == bhttp::verb::unknown) {
      message_.method_string(request_.method);
    } else {
      message_.method(verb);
    }
    message_.target(request_.target);
    message_.set(bhttp::field::host, request_.host + ":" + std::to_string(request_.port));
    message_.set(bhttp::field::user_agent, "presto-cpp");
    for (const auto& [name, value] : request_.headers.fields()) {
      message_.insert(name, value);
    }
    message_.body() = request_.body;
    message_.prepare_payload();
    bhttp::async_write(stream_, message_, [self = shared_from_this()](beast::error_code ec, size_t) {
      if (ec) {
        return self->fail(ec, false);
      }
      self->read();
    });
  }

  void read() {
    parser_.emplace();
    parser_->body_limit(std::numeric_limits<uint64_t>::max());
    if (request_.method == "HEAD") {
      parser_->skip(true);
    }
    bhttp::async_read(stream_, buffer_, *parser_, [self = shared_from_this()](beast::error_code ec, size_t) {
      if (ec) {
        return self->fail(ec, false);
      }
      self->finish();
    });
  }

  void finish() {
    auto& message = parser_->get();
    AsyncHttpResult result;
    auto& response = result.response.emplace();
    response.status = static_cast<int>(message.result_int());
    response.contentType = std::string(message[bhttp::field::content_type]);
    for (const auto& field : message) {
      response.headers.add(std::string(field.name_string()), std::string(field.value()));
    }
    response.body = std::move(message.body());
    bool keepAlive = message.keep_alive();
    parser_.reset();
    if (!keepAlive) {
      close();
    }
    deliver(std::move(result));
  }

  void fail(beast::error_code ec, bool unreachable) {
    bool gotReply = parser_.has_value() && parser_->got_some();
    parser_.reset();
    close();
    if (reused_ && !unreachable && !gotReply && ec != beast::error::timeout) {
      // The server may have closed the connection while it sat idle: try once on a new one.
      reused_ = false;
      stream_.expires_after(request_.timeout.toChrono());
      return connect();
    }
    AsyncHttpResult result;
    result.error = ec == beast::error::timeout ? "timed out after " + request_.timeout.toString() : ec.message();
    result.unreachable = unreachable;
    deliver(std::move(result));
  }

  void close() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
    stream_.close();
    buffer_.consume(buffer_.size());
    connected_ = false;
  }

  void deliver(AsyncHttpResult result);

  static constexpr size_t kReadBufferBytes = 256 << 10;

  ConnectionPool& pool_;
  const std::string key_;
  beast::tcp_stream stream_;
  tcp::resolver resolver_;
  beast::flat_buffer buffer_;
  AsyncHttpRequest request_;
  AsyncHttpCallback callback_;
  bhttp::request<bhttp::string_body> message_;
  std::optional<bhttp::response_parser<bhttp::string_body>> parser_;
  bool connected_ = false;
  bool reused_ = false;
};

/// Idle persistent connections by server (`host:port`).
class ConnectionPool {
 public:
  explicit ConnectionPool(net::io_context& io) : io_(io) {}

  /// An idle connection to the server, or a new one.
  std::shared_ptr<Connection> acquire(const std::string& host, uint16_t port) {
    std::string key = host + ":" + std::to_string(port);
    {
      std::lock_guard lock(mutex_);
      auto& idle = idle_[key];
      if (!idle.empty()) {
        auto connection = std::move(idle.back());
        idle.pop_back();
        return connection;
      }
    }
    return std::make_shared<Connection>(io_, *this, std::move(key));
  }

  /// Keeps a connection whose request is done for the next request to its server.
  void release(std::shared_ptr<Connection> connection) {
    std::lock_guard lock(mutex_);
    auto& idle = idle_[connection->key()];
    if (idle.size() < kMaxIdlePerServer) {
      idle.push_back(std::move(connection));
    }
  }

 private:
  static constexpr size_t kMaxIdlePerServer = 64;

  net::io_context& io_;
  std::mutex mutex_;
  std::unordered_map<std::string, std::vector<std::shared_ptr<Connection>>> idle_;
};

void Connection::deliver(AsyncHttpResult result) {
  auto callback = std::move(callback_);
  callback_ = nullptr;
  if (connected_) {
    pool_.release(shared_from_this());
  }
  callback(std::move(result));
}

} // namespace

class AsyncHttpClient::Impl {
 public:
  // Declared first: destroyed last, after the connections registered with it.
  net::io_context io;
  net::executor_work_guard<net::io_context::executor_type> work = net::make_work_guard(io);
  ConnectionPool pool{io};
};

AsyncHttpClient::AsyncHttpClient(int32_t threads, RequestDecorator decorate)
    : impl_(std::make_shared<Impl>()), decorate_(std::move(decorate)) {
  for (int32_t i = 0; i < std::max(1, threads); ++i) {
    threads_.emplace_back([impl = impl_] {
      for (;;) {
        try {
          impl->io.run();
          return;
        } catch (const std::exception& e) {
          LOG_ERROR("HTTP client callback failed: {}", e.what());
        }
      }
    });
  }
}

AsyncHttpClient::~AsyncHttpClient() {
  impl_->work.reset();
  impl_->io.stop();
  for (auto& thread : threads_) {
    if (thread.get_id() == std::this_thread::get_id()) {
      // The last owner let go inside a callback: this thread ends when the callback returns.
      thread.detach();
    } else {
      thread.join();
    }
  }
}

void AsyncHttpClient::send(AsyncHttpRequest request, AsyncHttpCallback callback) {
  if (decorate_) {
    decorate_(request);
  }
  impl_->pool.acquire(request.host, request.port)->send(std::move(request), std::move(callback));
}

void AsyncHttpClient::runAfter(std::chrono::milliseconds delay, std::function<void()> callback) {
  auto timer = std::make_shared<net::steady_timer>(impl_->io, delay);
  timer->async_wait([timer, callback = std::move(callback)](beast::error_code ec) {
    if (!ec) {
      callback();
    }
  });
}

} // namespace presto::server::http
