#include "client/cli/InteractiveShell.h"

#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstring>
#include <cstdlib>
#include <iostream>
#include <sstream>
#include <vector>

#include <editline/readline.h>

#include "client/cli/Pager.h"
#include "client/cli/ProgressLine.h"
#include "client/cli/SqlCompleter.h"
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

// libedit calls plain functions; they reach the running shell's completer through these.
StatementBackend* completionBackend = nullptr;
SqlCompleter* completer = nullptr;
std::vector<std::string> pendingMatches;

char* nextMatch(const char* text, int state) {
  if (state == 0) {
    pendingMatches = completer->complete(text, completionBackend->catalog(), completionBackend->schema());
    std::reverse(pendingMatches.begin(), pendingMatches.end());
  }
  if (pendingMatches.empty()) {
    return nullptr;
  }
  char* match = strdup(pendingMatches.back().c_str());
  pendingMatches.pop_back();
  return match;
}

char** completeWord(const char* text, int, int) {
  // Never fall back to completing file names.
  rl_attempted_completion_over = 1;
  return rl_completion_matches(text, nextMatch);
}

void installCompletion(StatementBackend& backend, SqlCompleter& sqlCompleter) {
  completionBackend = &backend;
  completer = &sqlCompleter;
  rl_basic_word_break_characters = " \t\n\"'`@$><=;|&{(),+-*/%";
  rl_attempted_completion_function = completeWord;
}

void printHelp() {
  std::cout << "Supported commands:\n"
               "QUIT or EXIT           leave the shell\n"
               "HELP                   this text\n"
               "Any SQL statement, terminated by ';' (it may span several lines).\n"
               "Tab completes keywords, catalogs, schemas, tables and columns.\n"
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
  SqlCompleter sqlCompleter([&backend](const std::string& sql) { return backend.queryRows(sql); });
  installCompletion(backend, sqlCompleter);
  using_history();
  read_history(history.c_str());

  auto pager = pagerCommand();
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
      StatementOutcome outcome;
      if (pager && format == OutputFormat::kAligned && isatty(STDOUT_FILENO)) {
        // An aligned table is complete only at the end anyway: buffer it to measure it, and show
        // the progress line meanwhile.
        std::ostringstream table;
        std::optional<ProgressLine> progress;
        if (isatty(STDERR_FILENO)) {
          progress.emplace(std::cerr, terminalColumns(STDERR_FILENO));
          backend.setProgressListener(
              [&progress](const std::string& state, const StatementStats& stats) { progress->update(state, stats); });
        }
        outcome = backend.run(statement, format, table);
        backend.setProgressListener(nullptr);
        if (progress) {
          progress->clear();
        }
        showPaged(table.str(), pager);
      } else {
        outcome = backend.run(statement, format, std::cout);
        std::cout.flush();
      }
      printUpdate(outcome);
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
