#include "server/resource/QueryResource.h"

#include "server/protocol/QueryId.h"
#include "server/resource/StatementResource.h"

namespace presto::server {

void QueryResource::addRoutes(http::Router& router) {
  router.add("GET", "/v1/query", [this](const http::HttpRequest& request, const http::PathParameters&, http::Responder respond) {
    auto infos = queries_.listQueries();
    for (auto& info : infos) {
      info.self = baseUri(request) + "/v1/query/" + info.queryId;
    }
    respond(http::HttpResponse::json(serializeQueryInfoList(infos)));
  });
  router.add("GET", "/v1/query/{queryId}",
      [this](const http::HttpRequest& request, const http::PathParameters& parameters, http::Responder respond) {
        const auto& queryId = parameters.at("queryId");
        auto info = isValidQueryId(queryId) ? queries_.queryInfo(queryId) : std::nullopt;
        if (!info) {
          return respond(http::HttpResponse::text(404, "Query not found"));
        }
        info->self = baseUri(request) + "/v1/query/" + info->queryId;
        respond(http::HttpResponse::json(serializeQueryInfo(*info)));
      });
  router.add("DELETE", "/v1/query/{queryId}",
      [this](const http::HttpRequest&, const http::PathParameters& parameters, http::Responder respond) {
        const auto& queryId = parameters.at("queryId");
        if (!isValidQueryId(queryId) || !queries_.cancelQuery(queryId)) {
          return respond(http::HttpResponse::text(404, "Query not found"));
        }
        respond(http::HttpResponse::noContent());
      });
}

} // namespace presto::server
