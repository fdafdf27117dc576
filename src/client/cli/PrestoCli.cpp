// presto: the command-line client, over the REST protocol with --server, otherwise on the
// embedded engine (catalogs tpch and memory; default catalog tpch, schema tiny):
//   presto [--server URL] [--catalog C] [--schema S] [--user U] [--session k=v]...
//          [--execute SQL | --file F] [--output-format ALIGNED|VERTICAL|CSV|...|NULL]
// Without --execute and --file it is an interactive shell.
// Statements are separated by `;`; the first failure stops the batch with exit code 1.

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "client/ClientSession.h"
#include "client/cli/OutputFormat.h"
#include "client/cli/InteractiveShell.h"
#include "client/cli/StatementBackend.h"
#include "client/cli/StatementSplitter.h"
#include "common/PrestoException.h"

namespace presto::cli {
namespace {

struct Options {
  client::ClientSession session;
  std::optional<std::string> execute;
  std::optional<std::string> file;
  OutputFormat format = OutputFormat::kCsv;
  bool formatGiven = false;
  bool serverGiven = false;
};

void printUsage(std::ostream& out) {
  out << "usage: presto [--server URL] [--catalog C] [--schema S] [--user U] [--source S] [--session k=v]...\n"
         "              [--time-zone Z] [--client-info I] [--execute SQL | --file F] [--output-format F]\n"
         "without --execute or --file: an interactive shell; without --server: the embedded engine\n"
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
      options.formatGiven = true;
    } else {
      usageError("unknown option " + argument);
    }
  }
  return options;
}

int run(int argc, char** argv) {
  Options options = parseOptions(argc, argv);
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
  }
  auto backend = options.serverGiven ? createRemoteBackend(options.session) : createEmbeddedBackend(options.session);
  if (!options.execute && !options.file) {
    return runInteractiveShell(*backend, options.formatGiven ? options.format : OutputFormat::kAligned);
  }
  auto statements = splitStatements(batch);
  if (!isBlank(statements.remainder)) {
    statements.complete.push_back(stripWhitespace(statements.remainder));
  }
  for (const auto& statement : statements.complete) {
    auto outcome = backend->run(statement, options.format, std::cout);
    printUpdate(outcome);
    if (!outcome.succeeded()) {
      printFailure(std::cerr, outcome);
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
