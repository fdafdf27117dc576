// presto: the command-line client. Batch mode over the REST protocol:
//   presto --server URL [--catalog C] [--schema S] [--user U] [--session k=v]...
//          (--execute SQL | --file F) [--output-format ALIGNED|VERTICAL|CSV|...|NULL]
// Statements are separated by `;`; the first failure stops the batch with exit code 1.

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "client/StatementClient.h"
#include "client/cli/OutputFormat.h"
#include "common/PrestoException.h"
#include "server/http/HttpClient.h"

namespace presto::cli {
namespace {

struct Options {
  client::ClientSession session;
  std::optional<std::string> execute;
  std::optional<std::string> file;
  OutputFormat format = OutputFormat::kCsv;
  bool serverGiven = false;
};

void printUsage(std::ostream& out) {
  out << "usage: presto --server URL [--catalog C] [--schema S] [--user U] [--source S] [--session k=v]...\n"
         "              [--time-zone Z] [--client-info I] (--execute SQL | --file F) [--output-format F]\n"
         "output formats: ALIGNED, VERTICAL, CSV (default), CSV_HEADER, TSV, TSV_HEADER, JSON, MARKDOWN, NULL\n";
}

[[noreturn]] void usageError(const std::string& message) {
  std::cerr << "presto: " << message << "\n";
  printUsage(std::cerr);
  std::exit(2);
}

Options parseOptions(int argc, char** argv) {
  Options options;
  const char* user = std::getenv("USER");
  options.session.user = user ? user : "presto";
  for (int i = 1; i < argc; ++i) {
    std::string argument = argv[i];
    std::string value;
    if (auto equals = argument.find('='); argument.rfind("--", 0) == 0 && equals != std::string::npos) {
      value = argument.substr(equals + 1);
      argument = argument.substr(0, equals);
    } else if (argument == "--help" || argument == "-h") {
      printUsage(std::cout);
      std::exit(0);
    } else if (i + 1 < argc) {
      value = argv[++i];
    } else {
      usageError("missing value for " + argument);
    }
    if (argument == "--server") {
      options.session.server = value.find("://") == std::string::npos ? "http://" + value : value;
      options.serverGiven = true;
    } else if (argument == "--catalog") {
      options.session.catalog = value;
    } else if (argument == "--schema") {
      options.session.schema = value;
    } else if (argument == "--user") {
      options.session.user = value;
    } else if (argument == "--source") {
      options.session.source = value;
    } else if (argument == "--time-zone") {
      options.session.timeZone = value;
    } else if (argument == "--client-info") {
      options.session.clientInfo = value;
    } else if (argument == "--session") {
      auto equals = value.find('=');
      if (equals == std::string::npos || equals == 0) {
        usageError("--session expects name=value, got '" + value + "'");
      }
      options.session.properties[value.substr(0, equals)] = value.substr(equals + 1);
    } else if (argument == "--execute") {
      options.execute = value;
    } else if (argument == "--file" || argument == "-f") {
      options.file = value;
    } else if (argument == "--output-format") {
      auto format = parseOutputFormat(value);
      if (!format) {
        usageError("unknown output format '" + value + "'");
      }
      options.format = *format;
    } else {
      usageError("unknown option " + argument);
    }
  }
  return options;
}

/// Splits a batch into statements at `;` outside quotes and comments.
std::vector<std::string> splitStatements(const std::string& text) {
  std::vector<std::string> statements;
  std::string current;
  char quote = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quote) {
      quote = c == quote ? 0 : quote;
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '-' && i + 1 < text.size() && text[i + 1] == '-') {
      size_t end = text.find('\n', i);
      i = end == std::string::npos ? text.size() : end;
      current += '\n';
      continue;
    } else if (c == ';') {
      statements.push_back(current);
      current.clear();
      continue;
    }
    current += c;
  }
  statements.push_back(current);
  std::vector<std::string> nonEmpty;
  for (auto& statement : statements) {
    if (statement.find_first_not_of(" \t\r\n") != std::string::npos) {
      nonEmpty.push_back(std::move(statement));
    }
  }
  return nonEmpty;
}

/// Runs one statement, printing its rows; returns false if it failed.
bool runStatement(server::http::HttpClient& http, Options& options, const std::string& sql) {
  client::StatementClient statement(http, options.session, sql);
  std::unique_ptr<OutputPrinter> printer;
  while (true) {
    if (statement.columns() && !printer && !statement.updateType()) {
      printer = createOutputPrinter(options.format, *statement.columns(), std::cout);
    }
    auto rows = statement.takeRows();
    if (printer && !rows.empty() && !statement.updateType()) {
      printer->printRows(rows);
    }
    if (!statement.advance()) {
      break;
    }
  }
  if (statement.failure()) {
    std::cerr << "Query " << statement.queryId() << " failed: " << statement.failure()->message << "\n";
    return false;
  }
  if (statement.updateType()) {
    std::cerr << statement.updateType().value();
    if (statement.updateCount()) {
      std::cerr << ": " << *statement.updateCount() << " row" << (*statement.updateCount() == 1 ? "" : "s");
    }
    std::cerr << "\n";
  } else if (printer) {
    printer->finish();
  }
  return true;
}

int run(int argc, char** argv) {
  Options options = parseOptions(argc, argv);
  if (!options.serverGiven) {
    usageError("--server is required (the embedded engine is not available yet)");
  }
  std::string batch;
  if (options.execute) {
    batch = *options.execute;
  } else if (options.file) {
    std::ifstream in(*options.file);
    if (!in) {
      std::cerr << "presto: cannot read " << *options.file << "\n";
      return 2;
    }
    std::stringstream text;
    text << in.rdbuf();
    batch = text.str();
  } else {
    usageError("--execute or --file is required (the interactive shell is not available yet)");
  }
  auto url = server::http::Url::parse(options.session.server);
  if (!url) {
    usageError("invalid server URL '" + options.session.server + "'");
  }
  server::http::HttpClient http(url->host, url->port);
  for (const auto& statement : splitStatements(batch)) {
    if (!runStatement(http, options, statement)) {
      return 1;
    }
  }
  return 0;
}

} // namespace
} // namespace presto::cli

int main(int argc, char** argv) {
  try {
    return presto::cli::run(argc, argv);
  } catch (const presto::PrestoException& e) {
    std::cerr << "presto: " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "presto: " << e.what() << "\n";
    return 1;
  }
}
