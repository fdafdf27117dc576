#include "server/http/Router.h"

#include <atomic>
#include <memory>

#include "common/Logging.h"
#include "common/PrestoException.h"

namespace presto::server::http {
namespace {

std::vector<std::string> splitPath(const std::string& path) {
  std::vector<std::string> segments;
  size_t start = 1;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string::npos) {
      slash = path.size();
    }
    segments.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  // A trailing slash (`/v1/query/`) is the same resource as without it.
  if (!segments.empty() && segments.back().empty()) {
    segments.pop_back();
  }
  return segments;
}

bool isParameter(const std::string& segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

} // namespace

void Router::add(std::string method, const std::string& pattern, Handler handler) {
  routes_.push_back(Route{std::move(method), splitPath(pattern), std::move(handler)});
}

void Router::route(const HttpRequest& request, Responder respond) const {
  if (filter_) {
    if (auto rejection = filter_(request)) {
      return respond(std::move(*rejection));
    }
  }
  auto segments = splitPath(request.path);
  bool pathKnown = false;
  for (std::string method : {request.method, std::string(request.method == "HEAD" ? "GET" : "")}) {
    for (const auto& route : routes_) {
      if (route.segments.size() != segments.size()) {
        continue;
      }
      PathParameters parameters;
      bool matches = true;
      for (size_t i = 0; i < segments.size() && matches; ++i) {
        if (isParameter(route.segments[i])) {
          matches = !segments[i].empty();
          parameters[route.segments[i].substr(1, route.segments[i].size() - 2)] = segments[i];
        } else {
          matches = route.segments[i] == segments[i];
        }
      }
      if (!matches) {
        continue;
      }
      pathKnown = true;
      if (route.method != method) {
        continue;
      }
      // The responder may be called once; a handler that throws after responding must not respond twice.
      auto responded = std::make_shared<std::atomic<bool>>(false);
      Responder once = [respond, responded](HttpResponse response) {
        if (!responded->exchange(true)) {
          respond(std::move(response));
        }
      };
      try {
        route.handler(request, parameters, once);
      } catch (const PrestoException& e) {
        once(HttpResponse::text(e.isUserError() ? 400 : 500, e.what()));
      } catch (const std::exception& e) {
        LOG_ERROR("{} {} failed: {}", request.method, request.path, e.what());
        once(HttpResponse::text(500, "Internal error"));
      }
      return;
    }
  }
  respond(pathKnown ? HttpResponse::text(405, "Method not allowed") : HttpResponse::text(404, "Not found"));
}

} // namespace presto::server::http
