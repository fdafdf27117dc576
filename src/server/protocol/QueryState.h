#pragma once

#include <optional>
#include <string_view>

namespace presto::server {

/// The states of a query as the client protocol reports them in `stats.state`. A query moves
/// forward only: QUEUED -> PLANNING -> STARTING -> RUNNING -> FINISHING -> FINISHED, or to FAILED
/// from any state before FINISHED (a canceled query ends FAILED with USER_CANCELED).
enum class QueryState { kQueued, kPlanning, kStarting, kRunning, kFinishing, kFinished, kFailed };

/// The protocol name, e.g. "RUNNING".
std::string_view queryStateName(QueryState state);
/// FINISHED or FAILED.
bool isDone(QueryState state);

} // namespace presto::server
