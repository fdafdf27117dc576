#pragma once

#include "server/coordinator/QueryEngine.h"

namespace presto::server {

/// The engine of `presto-server` until the embedded planner and scheduler exist: every statement
/// fails with NOT_SUPPORTED. It keeps the whole protocol (queue, tokens, errors) usable without
/// ever pretending to run SQL.
class UnavailableQueryEngine : public QueryEngine {
 public:
  void execute(const Session& session, const std::string& sql, std::shared_ptr<QueryOutput> output) override;
};

} // namespace presto::server
