#include "server/discovery/DiscoveryResource.h"

#include <nlohmann/json.hpp>

#include "common/PrestoException.h"
#include "server/discovery/NodeManager.h"

namespace presto::server::discovery {
namespace {

using nlohmann::json;

/// `GET /v1/service/presto`: the `presto` services of every announcement, as Airlift's discovery
/// server lists them.
std::string serializePrestoServices(
    const std::string& environment, const std::map<std::string, Announcement>& announcements) {
  json services = json::array();
  for (const auto& [nodeId, announcement] : announcements) {
    for (const auto& service : announcement.services) {
      if (service.type == "presto") {
        services.push_back({{"id", service.id}, {"nodeId", nodeId}, {"type", service.type},
            {"pool", announcement.pool}, {"location", announcement.location}, {"properties", service.properties}});
      }
    }
  }
  return json({{"environment", environment}, {"services", std::move(services)}}).dump();
}

} // namespace

void DiscoveryResource::addRoutes(http::Router& router) const {
  router.add("PUT", "/v1/announcement/{nodeId}",
      [manager = manager_](const http::HttpRequest& request, const http::PathParameters& parameters,
          http::Responder respond) {
        try {
          manager->announce(parameters.at("nodeId"), parseAnnouncement(request.body));
        } catch (const PrestoException& error) {
          // A malformed body or an announcement the coordinator refuses: the request is at fault.
          return respond(http::HttpResponse::text(400, error.what()));
        }
        respond(http::HttpResponse::text(202, ""));
      });
  router.add("DELETE", "/v1/announcement/{nodeId}",
      [manager = manager_](const http::HttpRequest&, const http::PathParameters& parameters, http::Responder respond) {
        manager->unannounce(parameters.at("nodeId"));
        respond(http::HttpResponse::noContent());
      });
  router.add("GET", "/v1/service/presto",
      [manager = manager_](const http::HttpRequest&, const http::PathParameters&, http::Responder respond) {
        respond(http::HttpResponse::json(serializePrestoServices(manager->environment(), manager->announcements())));
      });
  router.add("GET", "/v1/node",
      [manager = manager_](const http::HttpRequest&, const http::PathParameters&, http::Responder respond) {
        respond(http::HttpResponse::json(manager->nodesJson(false)));
      });
  router.add("GET", "/v1/node/failed",
      [manager = manager_](const http::HttpRequest&, const http::PathParameters&, http::Responder respond) {
        respond(http::HttpResponse::json(manager->nodesJson(true)));
      });
}

} // namespace presto::server::discovery
