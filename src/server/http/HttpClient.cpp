#include "server/http/HttpClient.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <charconv>

#include "common/Check.h"

namespace presto::server::http {
namespace {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

} // namespace

std::optional<Url> Url::parse(std::string_view text) {
  constexpr std::string_view kScheme = "http://";
  if (text.substr(0, kScheme.size()) != kScheme) {
    return std::nullopt;
  }
  text.remove_prefix(kScheme.size());
  size_t slash = text.find_first_of("/?");
  std::string_view authority = text.substr(0, slash);
  Url url;
  url.target = slash == std::string_view::npos ? "/" : std::string(text.substr(slash));
  if (url.target[0] == '?') {
    url.target = "/" + url.target;
  }
  size_t colon = authority.rfind(':');
  if (colon != std::string_view::npos && authority.find(']', colon) == std::string_view::npos) {
    std::string_view port = authority.substr(colon + 1);
    unsigned value = 0;
    auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
    if (ec != std::errc() || end != port.data() + port.size() || value == 0 || value > 65535) {
      return std::nullopt;
    }
    url.port = static_cast<uint16_t>(value);
    authority = authority.substr(0, colon);
  }
  if (authority.size() > 2 && authority.front() == '[' && authority.back() == ']') {
    authority = authority.substr(1, authority.size() - 2);
  }
  if (authority.empty()) {
    return std::nullopt;
  }
  url.host = std::string(authority);
  return url;
}

class HttpClient::Impl {
 public:
  Impl(std::string host, uint16_t port, Duration timeout)
      : host_(std::move(host)), port_(port), timeout_(timeout), stream_(io_) {}

  HttpResponse send(const std::string& method, const std::string& target, const HttpHeaders& headers,
      const std::string& body) {
    bool reused = connected_;
    try {
      return attempt(method, target, headers, body);
    } catch (const beast::system_error& e) {
      disconnect();
      if (!reused || e.code() == beast::error::timeout) {
        throwError(e.code());
      }
    }
    // The server may have closed a connection that sat idle: one retry on a fresh one.
    try {
      return attempt(method, target, headers, body);
    } catch (const beast::system_error& e) {
      disconnect();
      throwError(e.code());
    }
  }

  void disconnect() {
    if (connected_) {
      beast::error_code ignored;
      stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
      stream_.close();
      connected_ = false;
    }
  }

 private:
  [[noreturn]] void throwError(const beast::error_code& ec) {
    if (ec == beast::error::timeout) {
      PRESTO_USER_FAIL(errors::PAGE_TRANSPORT_TIMEOUT, "Request to {}:{} timed out after {}", host_, port_,
          timeout_.toString());
    }
    PRESTO_USER_FAIL(errors::REMOTE_HOST_GONE, "Error talking to {}:{}: {}", host_, port_, ec.message());
  }

  HttpResponse attempt(const std::string& method, const std::string& target, const HttpHeaders& headers,
      const std::string& body) {
    if (!connected_) {
      tcp::resolver resolver(io_);
      stream_.expires_after(timeout_.toChrono());
      stream_.connect(resolver.resolve(host_, std::to_string(port_)));
      stream_.socket().set_option(tcp::no_delay(true));
      connected_ = true;
    }
    bhttp::request<bhttp::string_body> request(bhttp::string_to_verb(method), target, 11);
    request.set(bhttp::field::host, host_ + ":" + std::to_string(port_));
    request.set(bhttp::field::user_agent, "presto-cpp");
    for (const auto& [name, value] : headers.fields()) {
      request.insert(name, value);
    }
    if (bhttp::string_to_verb(method) == bhttp::verb::unknown) {
      request.method_string(method);
    }
    request.body() = body;
    request.prepare_payload();
    stream_.expires_after(timeout_.toChrono());
    bhttp::write(stream_, request);

    bhttp::response_parser<bhttp::string_body> parser;
    parser.body_limit(std::numeric_limits<uint64_t>::max());
    if (method == "HEAD") {
      parser.skip(true);
    }
    bhttp::read(stream_, buffer_, parser);
    auto& message = parser.get();
    HttpResponse response;
    response.status = static_cast<int>(message.result_int());
    response.contentType = std::string(message[bhttp::field::content_type]);
    for (const auto& field : message) {
      response.headers.add(std::string(field.name_string()), std::string(field.value()));
    }
    response.body = std::move(message.body());
    if (!message.keep_alive()) {
      disconnect();
    }
    return response;
  }

  const std::string host_;
  const uint16_t port_;
  const Duration timeout_;
  net::io_context io_;
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  bool connected_ = false;
};

HttpClient::HttpClient(std::string host, uint16_t port, Duration timeout)
    : impl_(std::make_unique<Impl>(std::move(host), port, timeout)) {}

HttpClient::~HttpClient() = default;

HttpResponse HttpClient::send(
    const std::string& method, const std::string& target, const HttpHeaders& headers, const std::string& body) {
  return impl_->send(method, target, headers, body);
}

void HttpClient::disconnect() {
  impl_->disconnect();
}

} // namespace presto::server::http
