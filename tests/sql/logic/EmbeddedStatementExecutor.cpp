#include "EmbeddedStatementExecutor.h"

#include <exception>
#include <future>
#include <thread>

#include <fmt/format.h>

#include "ResultText.h"
#include "common/PrestoException.h"
#include "engine/LocalQueryRunner.h"

namespace presto::sql::logic {
namespace {

/// Runs `sql` on its own thread, so that the caller can stop waiting for it.
std::future<engine::StatementResult> startStatement(
    const std::shared_ptr<engine::LocalQueryRunner>& runner, const std::string& sql) {
  auto promise = std::make_shared<std::promise<engine::StatementResult>>();
  auto future = promise->get_future();
  std::thread([runner, sql, promise] {
    try {
      promise->set_value(runner->execute(sql));
    } catch (...) {
      promise->set_exception(std::current_exception());
    }
  }).detach();
  return future;
}

} // namespace

EmbeddedStatementExecutor::EmbeddedStatementExecutor(std::chrono::seconds timeout)
    : timeout_(timeout), runner_(std::make_shared<engine::LocalQueryRunner>()) {}

EmbeddedStatementExecutor::~EmbeddedStatementExecutor() = default;

StatementOutcome EmbeddedStatementExecutor::execute(const std::string& sql) {
  engine::StatementResult result;
  try {
    auto future = startStatement(runner_, sql);
    if (future.wait_for(timeout_) != std::future_status::ready) {
      return ExecutionProblem{fmt::format("timed out after {}s", timeout_.count())};
    }
    result = future.get();
  } catch (const PrestoException& error) {
    return StatementFailure{std::string(error.errorCode().name), error.what(), error.rawMessage()};
  } catch (const std::exception& error) {
    return StatementFailure{"(not a PrestoException)", error.what(), error.what()};
  }
  ExecutedStatement executed;
  executed.columnNames = std::move(result.columnNames);
  executed.columnTypes = result.columnTypes;
  executed.updateCount = result.updateCount;
  try {
    executed.rows = renderRows(result);
  } catch (const std::exception& error) {
    executed.renderError = error.what();
  }
  return executed;
}

} // namespace presto::sql::logic
