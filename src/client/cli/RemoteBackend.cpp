#include <iostream>

#include <nlohmann/json.hpp>

#include "client/StatementClient.h"
#include "client/cli/StatementBackend.h"
#include "common/PrestoException.h"
#include "server/http/HttpClient.h"

namespace presto::cli {
namespace {

class RemoteBackend : public StatementBackend {
 public:
  RemoteBackend(client::ClientSession& session, const server::http::Url& url)
      : session_(session), http_(url.host, url.port) {}

  StatementOutcome run(const std::string& sql, OutputFormat format, std::ostream& out) override {
    interruptRequested() = false;
    client::StatementClient statement(http_, session_, sql);
    std::unique_ptr<OutputPrinter> printer;
    StatementOutcome outcome;
    while (true) {
      if (interruptRequested()) {
        statement.cancel();
        outcome.queryId = statement.queryId();
        outcome.state = "FAILED";
        outcome.failure = StatementFailure{"Query was canceled", std::nullopt};
        return outcome;
      }
      if (statement.columns() && !printer && !statement.updateType()) {
        printer = createOutputPrinter(format, *statement.columns(), out);
      }
      auto rows = statement.takeRows();
      if (printer && !rows.empty() && !statement.updateType()) {
        printer->printRows(rows);
      }
      if (!statement.advance()) {
        break;
      }
      reportProgress(statement.state(), statement.stats());
    }
    outcome.queryId = statement.queryId();
    outcome.state = statement.state();
    outcome.stats = statement.stats();
    if (statement.failure()) {
      outcome.failure = StatementFailure{statement.failure()->message, statement.failure()->location};
      return outcome;
    }
    if (statement.updateType()) {
      outcome.updateType = statement.updateType();
      outcome.updateCount = statement.updateCount();
    } else if (printer) {
      printer->finish();
    }
    return outcome;
  }

  std::optional<std::vector<std::vector<std::string>>> queryRows(const std::string& sql) override {
    try {
      client::StatementClient statement(http_, session_, sql);
      std::vector<std::vector<std::string>> result;
      while (true) {
        for (const auto& row : statement.takeRows()) {
          std::vector<std::string> values;
          for (size_t i = 0; i < row.size(); ++i) {
            values.push_back(formatValue(row[i], statement.columns() ? statement.columns()->at(i).type : "varchar"));
          }
          result.push_back(std::move(values));
        }
        if (!statement.advance()) {
          break;
        }
      }
      if (statement.failure()) {
        return std::nullopt;
      }
      return result;
    } catch (const PrestoException&) {
      return std::nullopt;
    }
  }

  std::optional<std::string> catalog() const override { return session_.catalog; }
  std::optional<std::string> schema() const override { return session_.schema; }

  std::string banner() const override { return ""; }

 private:
  client::ClientSession& session_;
  server::http::HttpClient http_;
};

} // namespace

std::unique_ptr<StatementBackend> createRemoteBackend(client::ClientSession& session) {
  auto url = server::http::Url::parse(session.server);
  if (!url) {
    throw PrestoException(errors::INVALID_ARGUMENTS, "invalid server URL '" + session.server + "'");
  }
  return std::make_unique<RemoteBackend>(session, *url);
}

std::atomic<bool>& interruptRequested() {
  static std::atomic<bool> requested{false};
  return requested;
}

void printUpdate(const StatementOutcome& outcome) {
  if (!outcome.updateType) {
    return;
  }
  std::cerr << *outcome.updateType;
  if (outcome.updateCount) {
    std::cerr << ": " << *outcome.updateCount << " row" << (*outcome.updateCount == 1 ? "" : "s");
  }
  std::cerr << "\n";
}

} // namespace presto::cli
