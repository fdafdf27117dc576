#pragma once

#include "server/coordinator/QueryManager.h"
#include "server/http/Router.h"

namespace presto::server {

/// The client statement protocol: `POST /v1/statement` and `GET`/`DELETE` of the next URIs
/// (`/v1/statement/{queued|executing}/{queryId}/{token}?slug=...&maxWait=...`). Translates
/// requests into QueryManager calls and ResultsBatches into QueryResults JSON plus session headers.
class StatementResource {
 public:
  explicit StatementResource(QueryManager& queries) : queries_(queries) {}

  void addRoutes(http::Router& router);

 private:
  void createQuery(const http::HttpRequest& request, http::Responder respond);
  void fetchResults(const http::HttpRequest& request, const http::PathParameters& parameters, http::Responder respond);
  void cancelQuery(const http::HttpRequest& request, const http::PathParameters& parameters, http::Responder respond);

  QueryManager& queries_;
};

/// The base URI replies point to: `http://{Host header}`.
std::string baseUri(const http::HttpRequest& request);

} // namespace presto::server
