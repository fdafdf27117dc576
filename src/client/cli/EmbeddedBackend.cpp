#include <iostream>

#include <nlohmann/json.hpp>

#include "client/cli/StatementBackend.h"
#include "common/PrestoException.h"
#include "engine/LocalQueryRunner.h"
#include "server/protocol/QueryId.h"
#include "server/protocol/ValueJson.h"

namespace presto::cli {
namespace {

/// Prints rows as the engine produces them; cancels when the user interrupts.
class PrintingListener : public engine::StatementListener {
 public:
  explicit PrintingListener(OutputFormat format) : format_(format) {}

  void onColumns(const std::vector<std::string>& names, const std::vector<TypePtr>& types) override {
    std::vector<OutputColumn> columns;
    for (size_t i = 0; i < names.size(); ++i) {
      columns.push_back({names[i], types[i]->toString()});
    }
    printer_ = createOutputPrinter(format_, std::move(columns), std::cout);
  }

  void onPage(PagePtr page) override {
    auto rows = nlohmann::json::array();
    server::appendPageRows(*page, rows);
    printer_->printRows(std::vector<nlohmann::json>(rows.begin(), rows.end()));
  }

  bool isCanceled() const override { return interruptRequested(); }

  void finish() {
    if (printer_) {
      printer_->finish();
    }
  }

 private:
  const OutputFormat format_;
  std::unique_ptr<OutputPrinter> printer_;
};

class EmbeddedBackend : public StatementBackend {
 public:
  explicit EmbeddedBackend(const client::ClientSession& options)
      : session_(options.user, options.catalog.value_or("tpch"), options.schema.value_or("tiny")) {
    if (options.timeZone) {
      session_.setTimeZone(*options.timeZone);
    }
    for (const auto& [name, value] : options.properties) {
      session_.setProperty(name, value);
    }
  }

  bool run(const std::string& sql, OutputFormat format) override {
    interruptRequested() = false;
    auto queryId = ids_.next();
    PrintingListener listener(format);
    try {
      auto result = runner_.execute(session_, sql, queryId, &listener);
      if (result.updateType) {
        printUpdate(*result.updateType, result.updateCount);
      } else {
        listener.finish();
      }
      return true;
    } catch (const PrestoException& error) {
      std::cerr << "Query " << queryId << " failed: " << error.what() << "\n";
      return false;
    }
  }

  std::optional<std::string> schema() const override { return session_.schema(); }

  std::string banner() const override {
    std::string catalogs;
    for (const auto& name : runner_.catalogNames()) {
      catalogs += (catalogs.empty() ? "" : ", ") + name;
    }
    return "presto: no --server given; running the embedded engine in this process\n"
           "catalogs: " + catalogs + "; default catalog " + session_.catalog().value_or("(none)") + ", schema " +
           session_.schema().value_or("(none)") + "\n"
           "type 'help' for the commands, 'quit' to leave\n";
  }

 private:
  engine::LocalQueryRunner runner_;
  sql::Session session_;
  server::QueryIdGenerator ids_;
};

} // namespace

std::unique_ptr<StatementBackend> createEmbeddedBackend(client::ClientSession& session) {
  return std::make_unique<EmbeddedBackend>(session);
}

} // namespace presto::cli
