#include "client/cli/InteractiveShell.h"

#include <csignal>
#include <cstdlib>
#include <iostream>

#include <editline/readline.h>

#include "client/cli/StatementSplitter.h"

namespace presto::cli {
namespace {

void onInterrupt(int) {
  interruptRequested() = true;
}

std::string historyPath() {
  const char* home = std::getenv("HOME");
  return std::string(home ? home : ".") + "/.presto_history";
}

std::string trimmed(const std::string& text) {
  auto begin = text.find_first_not_of(" \t\r\n;");
  if (begin == std::string::npos) {
    return "";
  }
  auto end = text.find_last_not_of(" \t\r\n;");
  return text.substr(begin, end - begin + 1);
}

void printHelp() {
  std::cout << "Supported commands:\n"
               "QUIT or EXIT           leave the shell\n"
               "HELP                   this text\n"
               "Any SQL statement, terminated by ';' (it may span several lines).\n"
               "Ctrl-C cancels the running statement.\n";
}

} // namespace

int runInteractiveShell(StatementBackend& backend, OutputFormat format) {
  struct sigaction action {};
  action.sa_handler = onInterrupt;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  auto history = historyPath();
  std::cout << backend.banner() << std::flush;
  using_history();
  read_history(history.c_str());

  std::string buffer;
  while (true) {
    std::string prompt = buffer.empty() ? "presto" + (backend.schema() ? ":" + *backend.schema() : std::string()) + "> "
                                        : std::string("    -> ");
    char* line = readline(prompt.c_str());
    if (line == nullptr) {
      std::cout << "\n";
      break;
    }
    std::string text = line;
    std::free(line);
    if (buffer.empty()) {
      auto command = trimmed(text);
      for (auto& c : command) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      }
      if (command == "quit" || command == "exit") {
        break;
      }
      if (command == "help") {
        printHelp();
        continue;
      }
    }
    buffer += (buffer.empty() ? "" : "\n") + text;
    auto statements = splitStatements(buffer);
    if (statements.complete.empty() && isBlank(statements.remainder)) {
      buffer.clear();
      continue;
    }
    if (statements.complete.empty()) {
      continue;
    }
    add_history(buffer.c_str());
    write_history(history.c_str());
    for (const auto& statement : statements.complete) {
      auto outcome = backend.run(statement, format, std::cout);
      std::cout.flush();
      if (outcome.succeeded()) {
        printSummary(std::cerr, outcome);
      } else {
        printFailure(std::cerr, outcome, &statement);
      }
    }
    buffer = isBlank(statements.remainder) ? "" : statements.remainder;
  }
  return 0;
}

} // namespace presto::cli
