#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "server/http/HttpMessage.h"

namespace presto::server::http {

/// Values of the `{name}` segments of a matched route.
using PathParameters = std::map<std::string, std::string>;

/// Handles one request; must call `respond` exactly once (now or later, from any thread).
using Handler = std::function<void(const HttpRequest& request, const PathParameters& parameters, Responder respond)>;

/// Maps a method and a path pattern (`/v1/query/{queryId}`; each `{name}` matches one non-empty
/// segment) to a handler. Unknown paths get 404, known paths with another method 405. A handler
/// that throws gets a 500 (a PrestoException user error: 400) instead of bringing anything down.
class Router {
 public:
  /// Looks at a request before its route: a response rejects it (authentication), nullopt lets
  /// it through.
  using Filter = std::function<std::optional<HttpResponse>(const HttpRequest& request)>;

  void add(std::string method, const std::string& pattern, Handler handler);
  /// Runs `filter` on every request first. Set before the server starts.
  void setFilter(Filter filter) { filter_ = std::move(filter); }
  /// Dispatches `request`; HEAD falls back to GET routes.
  void route(const HttpRequest& request, Responder respond) const;

 private:
  struct Route {
    std::string method;
    std::vector<std::string> segments;
    Handler handler;
  };

  std::vector<Route> routes_;
  Filter filter_;
};

} // namespace presto::server::http
