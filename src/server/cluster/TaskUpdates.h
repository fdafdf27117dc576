#pragma once

#include <string>

#include "exec/Task.h"
#include "server/protocol/TaskUpdateRequest.h"
#include "sql/metadata/Session.h"

namespace presto::server::cluster {

/// The session a coordinator sends with the task updates of query `queryId`.
TaskSession taskSessionOf(const sql::Session& session, const std::string& queryId);

/// The output buffers of a task update for buffers laid out as `spec`.
OutputBuffers outputBuffersOf(const exec::OutputBufferSpec& spec);

} // namespace presto::server::cluster
