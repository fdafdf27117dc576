#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "StatementExecutor.h"

namespace presto::integration {

class TestClient;

/// Runs the records of one `.test` file on a cluster's coordinator through the client REST
/// protocol, in a fresh client session (catalog `tpch`, schema `tiny`, no session properties or
/// prepared statements), as the embedded runner does on a fresh engine. Rows arrive as JSON and
/// are rendered by renderJsonValue into the text the embedded runner produces.
class ClusterStatementExecutor : public sql::logic::StatementExecutor {
 public:
  ClusterStatementExecutor(const std::string& coordinatorUrl, std::chrono::seconds timeout);
  ~ClusterStatementExecutor() override;

  /// A statement running past the timeout is cancelled and reported as an ExecutionProblem, as is
  /// a broken connection.
  sql::logic::StatementOutcome execute(const std::string& sql) override;

 private:
  std::chrono::seconds timeout_;
  std::unique_ptr<TestClient> client_;
};

/// Drops every table of the `memory` catalog and every schema but `default`, so that a file starts
/// from the empty catalog a fresh embedded engine has. Throws std::runtime_error if that fails.
void resetMemoryCatalog(const std::string& coordinatorUrl);

} // namespace presto::integration
