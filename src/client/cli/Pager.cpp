#include "client/cli/Pager.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iostream>

namespace presto::cli {

std::optional<std::string> pagerCommand() {
  for (const char* variable : {"PRESTO_PAGER", "PAGER"}) {
    if (const char* value = std::getenv(variable)) {
      return *value == '\0' ? std::nullopt : std::optional<std::string>(value);
    }
  }
  return "less -SFX";
}

bool fitsTerminal(const std::string& text, int rows, int columns) {
  int lines = 0;
  int width = 0;
  for (char c : text) {
    if (c == '\n') {
      ++lines;
      width = 0;
    } else if ((c & 0xc0) != 0x80 && ++width > columns) {
      return false;
    }
  }
  return lines + (width > 0 ? 1 : 0) < rows;
}

int terminalColumns(int fd) {
  winsize size{};
  return isatty(fd) && ioctl(fd, TIOCGWINSZ, &size) == 0 && size.ws_col > 0 ? size.ws_col : 80;
}

void showPaged(const std::string& text, const std::optional<std::string>& pager) {
  winsize size{};
  bool terminal = isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_row > 0;
  if (!pager || !terminal || fitsTerminal(text, size.ws_row, size.ws_col)) {
    std::cout << text << std::flush;
    return;
  }
  std::cout.flush();
  FILE* pipe = popen(pager->c_str(), "w");
  if (pipe == nullptr) {
    std::cout << text << std::flush;
    return;
  }
  // The user may leave the pager before reading everything: a closed pipe is not an error.
  auto previous = std::signal(SIGPIPE, SIG_IGN);
  std::fwrite(text.data(), 1, text.size(), pipe);
  pclose(pipe);
  std::signal(SIGPIPE, previous);
}

} // namespace presto::cli
