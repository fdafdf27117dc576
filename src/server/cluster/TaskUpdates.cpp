#include "server/cluster/TaskUpdates.h"

namespace presto::server::cluster {

TaskSession taskSessionOf(const sql::Session& session, const std::string& queryId) {
  TaskSession task;
  task.queryId = queryId;
  task.user = session.user();
  task.catalog = session.catalog();
  task.schema = session.schema();
  task.timeZoneKey = session.timeZone();
  task.startTime = session.startTime();
  task.systemProperties = session.properties();
  return task;
}

OutputBuffers outputBuffersOf(const exec::OutputBufferSpec& spec) {
  OutputBuffers buffers;
  switch (spec.kind) {
    case exec::OutputBufferKind::kPartitioned:
      buffers.type = OutputBuffers::Type::kPartitioned;
      break;
    case exec::OutputBufferKind::kBroadcast:
      buffers.type = OutputBuffers::Type::kBroadcast;
      break;
    case exec::OutputBufferKind::kArbitrary:
      buffers.type = OutputBuffers::Type::kArbitrary;
      break;
  }
  buffers.version = 1;
  buffers.noMoreBufferIds = true;
  buffers.numBuffers = spec.numBuffers;
  return buffers;
}

} // namespace presto::server::cluster
