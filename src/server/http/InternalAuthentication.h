#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "server/http/HttpMessage.h"

namespace presto::server::http {

/// Authentication of the requests nodes of a cluster send each other, when
/// `internal-communication.shared-secret` is set: every internal request carries
/// `X-Presto-Internal-Bearer: {nodeId}.{expiry}.{signature}`, the signature being the hex
/// HMAC-SHA256 of `{nodeId}.{expiry}` under the secret and `expiry` the seconds since the epoch
/// until which the token is valid (5 minutes after it was made). Thread-safe.
class InternalAuthentication {
 public:
  static constexpr std::string_view kHeader = "X-Presto-Internal-Bearer";

  /// REQUIRES: `sharedSecret` is not empty.
  InternalAuthentication(std::string sharedSecret, std::string nodeId);

  /// A fresh token of this node.
  std::string token() const;
  /// Adds the token to `headers`.
  void sign(HttpHeaders& headers) const;
  /// Why `request` is not an authenticated internal request (no token, a malformed, expired or
  /// forged one); nullopt when it is.
  std::optional<std::string> check(const HttpRequest& request) const;

 private:
  std::string signature(std::string_view payload) const;

  const std::string secret_;
  const std::string nodeId_;
};

} // namespace presto::server::http
