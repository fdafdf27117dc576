#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace presto::server::http {

/// Header fields in arrival order; names compare case-insensitively, a name may repeat.
class HttpHeaders {
 public:
  void add(std::string name, std::string value) { fields_.emplace_back(std::move(name), std::move(value)); }
  /// The first value of `name`, if any.
  std::optional<std::string> get(std::string_view name) const;
  /// Every value of `name`, in order.
  std::vector<std::string> getAll(std::string_view name) const;
  bool contains(std::string_view name) const { return get(name).has_value(); }
  const std::vector<std::pair<std::string, std::string>>& fields() const { return fields_; }

 private:
  std::vector<std::pair<std::string, std::string>> fields_;
};

/// An HTTP request as handlers see it, free of any HTTP library type. `path` is the decoded
/// origin-form path even when the client sent an absolute-form target (`http://host:port/path`).
struct HttpRequest {
  std::string method;
  std::string path;
  /// Decoded query-string parameters (the last value wins when one repeats).
  std::map<std::string, std::string> queryParameters;
  HttpHeaders headers;
  std::string body;
  /// `host:port` the client addressed (the Host header, or the authority of an absolute target).
  std::string host;
};

/// A reply to an HttpRequest.
struct HttpResponse {
  int status = 200;
  std::string contentType = "application/json";
  HttpHeaders headers;
  std::string body;

  static HttpResponse json(std::string body, int status = 200);
  static HttpResponse text(int status, std::string body);
  static HttpResponse noContent();
};

/// Sends the response of one request; may be called once, from any thread, at any later time
/// (long polling keeps it until results are ready, without holding a thread).
using Responder = std::function<void(HttpResponse)>;

/// Splits a request target into its decoded path and query parameters. Absolute-form targets
/// (`http://host:port/path?x=1`) are reduced to their path; their authority is returned in
/// `authority`. Returns false for targets that are neither origin-form nor absolute-form.
bool parseRequestTarget(std::string_view target, std::string& path, std::map<std::string, std::string>& parameters,
    std::string& authority);

/// Percent-decoding (`%2F` -> `/`; `+` becomes a space only when `plusAsSpace`). nullopt on bad escapes.
std::optional<std::string> percentDecode(std::string_view text, bool plusAsSpace);
/// Percent-encoding of everything but unreserved characters (RFC 3986), as URLEncoder-compatible
/// clients decode it.
std::string percentEncode(std::string_view text);

} // namespace presto::server::http
