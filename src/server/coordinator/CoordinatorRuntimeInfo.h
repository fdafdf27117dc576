#pragma once

#include <string>

#include "connector/system/RuntimeInfo.h"
#include "server/coordinator/QueryManager.h"

namespace presto::server {

/// The rows of `system.runtime.nodes` and `system.runtime.queries` for a single-node coordinator:
/// this node, and every query the QueryManager keeps (running and history). Tasks are not tracked
/// yet (no rows). The embedded engine hands this to `connector::createSystemConnector`.
class CoordinatorRuntimeInfo : public connector::RuntimeInfoSource {
 public:
  CoordinatorRuntimeInfo(const QueryManager& queries, connector::NodeInfo node) : queries_(queries), node_(std::move(node)) {}

  std::vector<connector::NodeInfo> nodes() const override;
  std::vector<connector::QueryInfoRow> queries() const override;
  std::vector<connector::TaskInfoRow> tasks() const override { return {}; }

 private:
  const QueryManager& queries_;
  const connector::NodeInfo node_;
};

} // namespace presto::server
