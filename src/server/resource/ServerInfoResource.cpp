#include "server/resource/ServerInfoResource.h"

#include <thread>

#include "server/protocol/ServerInfo.h"
#include "server/resource/StatementResource.h"

namespace presto::server {
namespace {

std::string_view stateName(NodeState state) {
  return state == NodeState::kActive ? "ACTIVE" : "SHUTTING_DOWN";
}

} // namespace

void ServerInfoResource::addSingleNodeListRoute(http::Router& router) {
  router.add("GET", "/v1/node", [](const http::HttpRequest& request, const http::PathParameters&, http::Responder respond) {
    respond(http::HttpResponse::json(serializeNodeList(baseUri(request))));
  });
}

int64_t ServerInfoResource::uptimeMillis() const {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - identity_.startTime)
      .count();
}

void ServerInfoResource::addRoutes(http::Router& router) {
  router.add("GET", "/v1/info", [this](const http::HttpRequest&, const http::PathParameters&, http::Responder respond) {
    ServerInfo info{identity_.version, identity_.environment, identity_.coordinator, false, uptimeMillis()};
    respond(http::HttpResponse::json(serializeServerInfo(info)));
  });
  router.add("GET", "/v1/info/state",
      [this](const http::HttpRequest&, const http::PathParameters&, http::Responder respond) {
        respond(http::HttpResponse::json(serializeJsonString(stateName(queries_.nodeState()))));
      });
  router.add("PUT", "/v1/info/state",
      [this](const http::HttpRequest& request, const http::PathParameters&, http::Responder respond) {
        auto state = parseJsonString(request.body);
        if (!state) {
          return respond(http::HttpResponse::text(400, "Expected a JSON string: \"SHUTTING_DOWN\""));
        }
        if (*state == "SHUTTING_DOWN") {
          queries_.shutDown(onDrained_);
          return respond(http::HttpResponse::noContent());
        }
        if (*state == "ACTIVE" && queries_.nodeState() == NodeState::kActive) {
          return respond(http::HttpResponse::noContent());
        }
        respond(http::HttpResponse::text(400, "Invalid state transition to " + *state));
      });
  router.add("GET", "/v1/status",
      [this](const http::HttpRequest& request, const http::PathParameters&, http::Responder respond) {
        NodeStatus status;
        status.nodeId = identity_.nodeId;
        status.version = identity_.version;
        status.environment = identity_.environment;
        status.coordinator = identity_.coordinator;
        status.internalUri = baseUri(request);
        status.uptimeMillis = uptimeMillis();
        status.processors = static_cast<int32_t>(std::max(1u, std::thread::hardware_concurrency()));
        status.activeQueries = queries_.activeQueryCount();
        respond(http::HttpResponse::json(serializeNodeStatus(status)));
      });
}

} // namespace presto::server
