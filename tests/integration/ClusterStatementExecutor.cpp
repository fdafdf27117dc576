#include "ClusterStatementExecutor.h"

#include <exception>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "JsonResultText.h"
#include "TestClient.h"
#include "type/TypeSignature.h"

namespace presto::integration {
namespace {

using sql::logic::ExecutedStatement;
using sql::logic::ExecutionProblem;
using sql::logic::StatementFailure;

/// A failure with a location carries the message with its `line L:C: ` prefix; the raw message is
/// the rest, as PrestoException::rawMessage() has it.
StatementFailure failureOf(const client::QueryFailure& failure) {
  std::string raw = failure.message;
  if (failure.location) {
    std::string prefix = fmt::format("line {}:{}: ", failure.location->first, failure.location->second);
    if (raw.rfind(prefix, 0) == 0) {
      raw = raw.substr(prefix.size());
    }
  }
  return StatementFailure{failure.errorName, failure.message, raw};
}

/// Quotes an identifier for SQL text.
std::string quotedIdentifier(const std::string& name) {
  std::string text = "\"";
  for (char c : name) {
    text += c == '"' ? "\"\"" : std::string(1, c);
  }
  return text + "\"";
}

} // namespace

ClusterStatementExecutor::ClusterStatementExecutor(const std::string& coordinatorUrl, std::chrono::seconds timeout)
    : timeout_(timeout), client_(std::make_unique<TestClient>(coordinatorUrl, "tpch", "tiny")) {}

ClusterStatementExecutor::~ClusterStatementExecutor() = default;

sql::logic::StatementOutcome ClusterStatementExecutor::execute(const std::string& sql) {
  ClientResult result;
  try {
    result = client_->execute(sql, timeout_);
  } catch (const std::exception& error) {
    return ExecutionProblem{std::string("the coordinator did not answer: ") + error.what()};
  }
  if (result.timedOut) {
    return ExecutionProblem{fmt::format("timed out after {}s (query {} cancelled)", timeout_.count(), result.queryId)};
  }
  if (result.failure) {
    return failureOf(*result.failure);
  }
  ExecutedStatement executed;
  executed.updateCount = result.updateCount;
  try {
    for (const auto& column : result.columns) {
      executed.columnNames.push_back(column.name);
      executed.columnTypes.push_back(parseTypeSignature(column.type));
    }
    for (const auto& row : result.rows) {
      executed.rows.push_back(renderJsonRow(executed.columnTypes, row));
    }
  } catch (const std::exception& error) {
    executed.renderError = error.what();
  }
  return executed;
}

void resetMemoryCatalog(const std::string& coordinatorUrl) {
  TestClient client(coordinatorUrl, "memory", "default");
  for (const auto& schemaRow : client.query("SHOW SCHEMAS FROM memory")) {
    std::string schema = schemaRow.at(0).get<std::string>();
    if (schema == "information_schema") {
      continue;
    }
    for (const auto& tableRow : client.query(fmt::format("SHOW TABLES FROM memory.{}", quotedIdentifier(schema)))) {
      client.query(fmt::format("DROP TABLE memory.{}.{}", quotedIdentifier(schema), quotedIdentifier(tableRow.at(0).get<std::string>())));
    }
    if (schema != "default") {
      client.query(fmt::format("DROP SCHEMA memory.{}", quotedIdentifier(schema)));
    }
  }
}

} // namespace presto::integration
