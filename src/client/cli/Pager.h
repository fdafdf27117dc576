#pragma once

#include <optional>
#include <string>

namespace presto::cli {

/// The command the shell pipes results through when they do not fit the terminal: `PRESTO_PAGER`
/// if set, else `PAGER` if set, else `less -SFX`; nullopt when the chosen one is empty (no pager).
std::optional<std::string> pagerCommand();

/// Whether `text` fits a terminal of `rows` x `columns`, leaving a row for the prompt.
bool fitsTerminal(const std::string& text, int rows, int columns);

/// The width of the terminal on file descriptor `fd` (80 when it is not a terminal).
int terminalColumns(int fd);

/// Writes `text` to stdout, through `pager` (run by the shell) when stdout is a terminal and the
/// text does not fit it. Returns once the pager has exited.
void showPaged(const std::string& text, const std::optional<std::string>& pager);

} // namespace presto::cli
