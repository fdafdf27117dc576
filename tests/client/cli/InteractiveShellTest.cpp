// Drives the `presto` shell on the embedded engine through a pseudo-terminal, as a user would:
// typing statements (one spanning two lines), USE, a failing statement, Tab completion, a result
// too tall for the terminal, and quit.

#include <poll.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <regex>
#include <string>

#include <gtest/gtest.h>

namespace presto::cli {
namespace {

/// One `presto` process on a pseudo-terminal of the given size, with its own HOME (history file).
class ShellSession {
 public:
  ShellSession(unsigned short rows, unsigned short columns, const std::string& pager) {
    home_ = testing::TempDir() + "presto_shell_home_" + std::to_string(getpid()) + "_" + std::to_string(rows);
    std::string mkdir = "mkdir -p '" + home_ + "'";
    EXPECT_EQ(std::system(mkdir.c_str()), 0);
    winsize size{};
    size.ws_row = rows;
    size.ws_col = columns;
    pid_ = forkpty(&terminal_, nullptr, nullptr, &size);
    if (pid_ == 0) {
      setenv("HOME", home_.c_str(), 1);
      setenv("TERM", "xterm", 1);
      setenv("PRESTO_PAGER", pager.c_str(), 1);
      execl(PRESTO_CLI_BINARY, "presto", static_cast<char*>(nullptr));
      _exit(127);
    }
  }

  ~ShellSession() {
    if (pid_ > 0 && !exited_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    close(terminal_);
    std::string remove = "rm -rf '" + home_ + "'";
    EXPECT_EQ(std::system(remove.c_str()), 0);
  }

  void type(const std::string& text) { ASSERT_EQ(write(terminal_, text.data(), text.size()), static_cast<ssize_t>(text.size())); }

  /// Reads until the output since the last `take()` contains `text`; false after 60 seconds.
  bool waitFor(const std::string& text) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (output_.find(text, mark_) == std::string::npos) {
      if (std::chrono::steady_clock::now() > deadline || !readSome()) {
        return false;
      }
    }
    return true;
  }

  /// The output since the last call (control sequences and carriage returns removed).
  std::string take() {
    std::string text = output_.substr(mark_);
    mark_ = output_.size();
    return text;
  }

  /// Everything the terminal received, control sequences included.
  const std::string& raw() const { return raw_; }

  /// Waits for the process to exit and returns its exit code.
  int exitCode() {
    while (readSome()) {
    }
    int status = 0;
    waitpid(pid_, &status, 0);
    exited_ = true;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

 private:
  bool readSome() {
    pollfd poller{terminal_, POLLIN, 0};
    if (poll(&poller, 1, 1000) < 0) {
      return false;
    }
    if (!(poller.revents & (POLLIN | POLLHUP))) {
      return true;
    }
    char buffer[4096];
    ssize_t count = read(terminal_, buffer, sizeof(buffer));
    if (count <= 0) {
      return false;
    }
    append(std::string_view(buffer, static_cast<size_t>(count)));
    return true;
  }

  // Keeps the text a user sees: carriage returns move back to the start of the line, `ESC [ K`
  // erases to the end of the line, other control sequences are dropped.
  void append(std::string_view bytes) {
    raw_.append(bytes);
    for (char c : bytes) {
      pending_ += c;
      if (pending_[0] == '\x1b') {
        // ESC [ parameters final-byte, or ESC and one character.
        if (pending_.size() >= 2 && (pending_[1] != '[' || (pending_.size() >= 3 && c >= 0x40 && c <= 0x7e))) {
          if (pending_ == "\x1b[K") {
            output_.resize(cursor_);
            mark_ = std::min(mark_, output_.size());
          }
          pending_.clear();
        }
        continue;
      }
      pending_.clear();
      if (c == '\r') {
        auto newline = output_.rfind('\n');
        cursor_ = newline == std::string::npos ? 0 : newline + 1;
      } else if (c == '\n' || cursor_ >= output_.size()) {
        output_ += c;
        cursor_ = output_.size();
      } else if (c != '\x07') {
        output_[cursor_++] = c;
      }
    }
  }

  std::string home_;
  int terminal_ = -1;
  pid_t pid_ = -1;
  bool exited_ = false;
  std::string output_;
  std::string raw_;
  std::string pending_;
  size_t cursor_ = 0;
  size_t mark_ = 0;
};

constexpr const char* kPrompt = "presto:tiny> ";

TEST(InteractiveShellTest, statementsUseFailuresCompletionAndQuit) {
  ShellSession shell(50, 200, "");
  ASSERT_TRUE(shell.waitFor(kPrompt)) << shell.take();
  std::string banner = shell.take();
  EXPECT_NE(banner.find("running the embedded engine"), std::string::npos) << banner;
  EXPECT_NE(banner.find("catalogs: memory, tpch; default catalog tpch, schema tiny"), std::string::npos) << banner;

  // A statement over two lines: the second prompt is the continuation prompt.
  shell.type("SELECT n_name, n_regionkey\n");
  ASSERT_TRUE(shell.waitFor("    -> ")) << shell.take();
  shell.take();
  shell.type("FROM nation WHERE n_nationkey < 2 ORDER BY 1;\n");
  ASSERT_TRUE(shell.waitFor(kPrompt)) << shell.take();
  std::string result = shell.take();
  EXPECT_NE(result.find("  n_name   | n_regionkey \n"
                        "-----------+-------------\n"
                        " ALGERIA   |           0 \n"
                        " ARGENTINA |           1 \n"
                        "(2 rows)\n"
                        "\n"
                        "Query "),
      std::string::npos)
      << result;
  // The summary counts what the scans read (25 nations), as Presto's.
  EXPECT_TRUE(std::regex_search(result,
      std::regex(R"(\nQuery \d{8}_\d{6}_\d{5}_[a-z0-9]{5}, FINISHED, 1 node\nSplits: \d+ total, \d+ done \(100\.00%\)\n)"
                 R"(CPU Time: [^\n]*\n\d+\.\d\d \[25 rows, [0-9.]+K?B\] \[[0-9.]+[KMBTQ]? rows/s, [0-9.]+[KM]?B/s\]\n)")))
      << result;

  shell.type("USE tpch.sf1;\n");
  ASSERT_TRUE(shell.waitFor("presto:sf1> ")) << shell.take();
  shell.take();
  shell.type("SELECT count(*) AS suppliers FROM supplier;\n");
  ASSERT_TRUE(shell.waitFor("presto:sf1> ")) << shell.take();
  result = shell.take();
  EXPECT_NE(result.find(" suppliers \n-----------\n     10000 \n(1 row)\n"), std::string::npos) << result;

  shell.type("SELECT nope FROM supplier;\n");
  ASSERT_TRUE(shell.waitFor("presto:sf1> ")) << shell.take();
  result = shell.take();
  EXPECT_TRUE(std::regex_search(result,
      std::regex(R"(\nQuery \d{8}_\d{6}_\d{5}_[a-z0-9]{5} failed: line 1:8: Column 'nope' cannot be resolved\n)"
                 R"(LINE 1: SELECT nope FROM supplier\n               \^\n\n)")))
      << result;

  // Tab completes the qualified table name of the current schema (`nat` -> `nation`).
  shell.type("SELECT count(*) AS nations FROM tpch.sf1.nat\t;\n");
  ASSERT_TRUE(shell.waitFor("presto:sf1> ")) << shell.take();
  result = shell.take();
  EXPECT_NE(result.find(" nations \n---------\n      25 \n(1 row)"), std::string::npos) << result;

  shell.type("quit\n");
  EXPECT_EQ(shell.exitCode(), 0);
}

TEST(InteractiveShellTest, tallResultsGoThroughThePager) {
  ShellSession shell(10, 80, "sed s/^/paged:/");
  ASSERT_TRUE(shell.waitFor(kPrompt)) << shell.take();
  shell.take();
  shell.type("SELECT n_name FROM nation WHERE n_nationkey < 2 ORDER BY 1;\n");
  ASSERT_TRUE(shell.waitFor(kPrompt)) << shell.take();
  std::string result = shell.take();
  EXPECT_NE(result.find("\n  n_name   \n-----------\n ALGERIA   \n ARGENTINA \n(2 rows)\n"), std::string::npos) << result;
  // While it ran, a progress line was drawn on the terminal and erased before the results.
  EXPECT_TRUE(std::regex_search(shell.raw(), std::regex(R"(\rRUNNING 0:\d\d \[25 rows, [0-9.]+K?B\] )"))) << shell.raw();

  shell.type("SELECT n_name FROM nation ORDER BY 1;\n");
  ASSERT_TRUE(shell.waitFor(kPrompt)) << shell.take();
  result = shell.take();
  EXPECT_NE(result.find("paged:     n_name     \npaged:----------------\npaged: ALGERIA        \n"), std::string::npos)
      << result;
  EXPECT_NE(result.find("paged: VIETNAM        \npaged:(25 rows)\n"), std::string::npos) << result;

  shell.type("exit\n");
  EXPECT_EQ(shell.exitCode(), 0);
}

} // namespace
} // namespace presto::cli
