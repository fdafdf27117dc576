#pragma once

#include <memory>

#include "server/coordinator/CoordinatorRuntimeInfo.h"
#include "server/discovery/NodeManager.h"
#include "server/http/InternalAuthentication.h"

namespace presto::server {

/// `system.runtime.*` of a coordinator with a discovery server: every node the node manager knows
/// with its state, the coordinator's queries, and the tasks every active node reports
/// (`GET {node}/v1/task`, asked when the table is read; a node that does not answer contributes
/// none).
class ClusterRuntimeInfo : public connector::RuntimeInfoSource {
 public:
  /// `authentication` (may be null) signs the requests to the nodes.
  ClusterRuntimeInfo(const QueryManager& queries, connector::NodeInfo self, std::shared_ptr<discovery::NodeManager> nodes,
      std::shared_ptr<const http::InternalAuthentication> authentication)
      : coordinator_(queries, std::move(self)), nodes_(std::move(nodes)), authentication_(std::move(authentication)) {}

  std::vector<connector::NodeInfo> nodes() const override;
  std::vector<connector::QueryInfoRow> queries() const override { return coordinator_.queries(); }
  std::vector<connector::TaskInfoRow> tasks() const override;

 private:
  const CoordinatorRuntimeInfo coordinator_;
  const std::shared_ptr<discovery::NodeManager> nodes_;
  const std::shared_ptr<const http::InternalAuthentication> authentication_;
};

} // namespace presto::server
