#pragma once

#include <memory>

#include "server/coordinator/CoordinatorRuntimeInfo.h"
#include "server/discovery/NodeManager.h"

namespace presto::server {

/// `system.runtime.*` of a coordinator with a discovery server: every node the node manager knows
/// with its state, the coordinator's queries, and the tasks every active node reports
/// (`GET {node}/v1/task`, asked when the table is read; a node that does not answer contributes
/// none).
class ClusterRuntimeInfo : public connector::RuntimeInfoSource {
 public:
  ClusterRuntimeInfo(const QueryManager& queries, connector::NodeInfo self, std::shared_ptr<discovery::NodeManager> nodes)
      : coordinator_(queries, std::move(self)), nodes_(std::move(nodes)) {}

  std::vector<connector::NodeInfo> nodes() const override;
  std::vector<connector::QueryInfoRow> queries() const override { return coordinator_.queries(); }
  std::vector<connector::TaskInfoRow> tasks() const override;

 private:
  const CoordinatorRuntimeInfo coordinator_;
  const std::shared_ptr<discovery::NodeManager> nodes_;
};

} // namespace presto::server
