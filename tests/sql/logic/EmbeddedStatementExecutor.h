#pragma once

#include <chrono>
#include <memory>

#include "StatementExecutor.h"

namespace presto::engine {
class LocalQueryRunner;
}

namespace presto::sql::logic {

/// Runs statements on a fresh embedded engine (LocalQueryRunner with the catalogs `tpch` and
/// `memory`; session catalog `tpch`, schema `tiny`), so nothing one file creates is seen by another.
class EmbeddedStatementExecutor : public StatementExecutor {
 public:
  explicit EmbeddedStatementExecutor(std::chrono::seconds timeout);
  ~EmbeddedStatementExecutor() override;

  /// A statement that runs longer than the timeout is left running (the engine cannot be
  /// interrupted from here), holding its share of the runner, and reported as an ExecutionProblem
  /// instead of hanging the suite.
  StatementOutcome execute(const std::string& sql) override;

 private:
  std::chrono::seconds timeout_;
  std::shared_ptr<engine::LocalQueryRunner> runner_;
};

} // namespace presto::sql::logic
