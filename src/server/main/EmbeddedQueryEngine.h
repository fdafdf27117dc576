#pragma once

#include <list>
#include <mutex>
#include <thread>

#include "engine/LocalQueryRunner.h"
#include "server/coordinator/QueryEngine.h"

namespace presto::server {

/// Runs the coordinator's queries on the embedded engine, one thread per running query: the
/// client's session becomes the statement's session, result pages stream into the query's
/// output as they are produced (blocking while its buffer is full), and session changes (USE,
/// SET SESSION, PREPARE, ...) travel back as SessionUpdates.
class EmbeddedQueryEngine : public QueryEngine {
 public:
  explicit EmbeddedQueryEngine(engine::LocalQueryRunner& runner) : runner_(runner) {}
  /// Waits for the queries still running (they are aborted by the coordinator first).
  ~EmbeddedQueryEngine() override;

  void execute(const Session& session, const std::string& sql, std::shared_ptr<QueryOutput> output) override;

 private:
  void run(const Session& session, const std::string& sql, const std::shared_ptr<QueryOutput>& output);

  engine::LocalQueryRunner& runner_;
  std::mutex mutex_;
  std::list<std::thread> threads_;
  std::list<std::thread::id> finished_;
};

} // namespace presto::server
