#pragma once

#include <memory>
#include <string>

#include "server/coordinator/QueryOutput.h"
#include "server/coordinator/Session.h"

namespace presto::server {

/// What the coordinator needs from whatever runs SQL: start one statement and report through its
/// QueryOutput. The embedded engine (parser, planner, scheduler) implements this; tests use a fake.
///
/// Contract:
///  - `execute` returns quickly; planning and execution happen on the engine's own threads (an
///    engine may report a failure such as a syntax error before returning).
///  - The engine reports PLANNING/STARTING/RUNNING through `output.setState`, the columns before
///    the first page, pages as they are produced (respecting `addPage`'s back-pressure signal),
///    then exactly one of `finish()` or `fail(PrestoException)`. Errors about SQL text carry their
///    location in the exception.
///  - Statements without rows (DDL, SET SESSION, USE) finish with an update type and, as Presto
///    does, one boolean column `result` holding `true`; session changes go to `setSessionUpdates`.
///  - When the coordinator aborts the query (cancel, client gone, time limit), `output.onAbort`
///    callbacks run and `output.isAborted()` turns true; the engine stops and releases resources.
class QueryEngine {
 public:
  virtual ~QueryEngine() = default;

  /// Starts `sql` in `session`.
  virtual void execute(const Session& session, const std::string& sql, std::shared_ptr<QueryOutput> output) = 0;
};

} // namespace presto::server
