#include "server/protocol/QueryState.h"

namespace presto::server {

std::string_view queryStateName(QueryState state) {
  switch (state) {
    case QueryState::kQueued:
      return "QUEUED";
    case QueryState::kPlanning:
      return "PLANNING";
    case QueryState::kStarting:
      return "STARTING";
    case QueryState::kRunning:
      return "RUNNING";
    case QueryState::kFinishing:
      return "FINISHING";
    case QueryState::kFinished:
      return "FINISHED";
    case QueryState::kFailed:
      return "FAILED";
  }
  return "UNKNOWN";
}

bool isDone(QueryState state) {
  return state == QueryState::kFinished || state == QueryState::kFailed;
}

} // namespace presto::server
