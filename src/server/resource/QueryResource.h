#pragma once

#include "server/coordinator/QueryManager.h"
#include "server/http/Router.h"

namespace presto::server {

/// `GET /v1/query` (every query in memory), `GET /v1/query/{queryId}` and
/// `DELETE /v1/query/{queryId}` (kill: the query fails with USER_CANCELED; 204).
class QueryResource {
 public:
  explicit QueryResource(QueryManager& queries) : queries_(queries) {}

  void addRoutes(http::Router& router);

 private:
  QueryManager& queries_;
};

} // namespace presto::server
