#include "server/cluster/ClusterTaskFactory.h"

#include "server/cluster/TaskUpdates.h"
#include "server/protocol/PlanFragmentJson.h"
#include "server/worker/HttpExchangeSource.h"

namespace presto::server::cluster {

ClusterTaskFactory::ClusterTaskFactory(std::shared_ptr<http::AsyncHttpClient> client, engine::WorkerNode self,
    WorkersFunction workers, NodeFailureFunction nodeFailure, ClusterSchedulingConfig config)
    : client_(std::move(client)), self_(std::move(self)), workers_(std::move(workers)),
      nodeFailure_(std::move(nodeFailure)), config_(config) {}

engine::QueryTaskPtr ClusterTaskFactory::createTask(const engine::WorkerNode& node, const engine::RemoteTaskSpec& spec) {
  return HttpRemoteTask::create(client_, node, spec.taskId, taskSessionOf(spec.session, spec.queryId),
      planFragmentToJson(spec.fragment), outputBuffersOf(spec.output), spec.scanCatalogs, config_.task);
}

exec::ExchangeSourceFactory ClusterTaskFactory::exchangeSources(exec::ExchangeSourceFactory inProcess) const {
  return worker::httpExchangeSources(client_, std::move(inProcess));
}

} // namespace presto::server::cluster
