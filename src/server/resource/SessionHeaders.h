#pragma once

#include <string>

#include "server/coordinator/Session.h"
#include "server/http/HttpMessage.h"

namespace presto::server {

/// The header family a client speaks: `X-Presto-*` or `X-Trino-*`. Replies use the request's.
struct HeaderPrefix {
  std::string value = "X-Presto-";

  /// `X-Trino-` if the request carries any `X-Trino-*` header, else `X-Presto-`.
  static HeaderPrefix of(const http::HttpRequest& request);
  std::string operator()(const char* name) const { return value + name; }
};

/// Builds the session of a new query from the request headers (`-User`, `-Source`, `-Catalog`,
/// `-Schema`, `-Time-Zone`, `-Language`, `-Session`, `-Prepared-Statement`, `-Client-Info`,
/// `-Client-Tags`, `-Transaction-Id`). Malformed values throw a user error (INVALID_ARGUMENTS or
/// INVALID_SESSION_PROPERTY) whose message becomes the 400 reply. The user is not checked here.
Session sessionFromHeaders(const http::HttpRequest& request, const HeaderPrefix& prefix);

/// Adds the response headers that carry session changes (`-Set-Catalog`, `-Set-Schema`,
/// `-Set-Session`, `-Clear-Session`, `-Added-Prepare`, `-Deallocated-Prepare`).
void addSessionUpdateHeaders(const SessionUpdates& updates, const HeaderPrefix& prefix, http::HttpHeaders& headers);

} // namespace presto::server
