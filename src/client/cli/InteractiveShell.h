#pragma once

#include "client/cli/StatementBackend.h"

namespace presto::cli {

/// The interactive shell: reads statements with line editing and a history file
/// (`~/.presto_history`), runs each one when its `;` is typed, and prints results in `format`.
/// `quit`, `exit` or end of input leave; `help` lists the commands; Ctrl-C cancels the running
/// statement. Returns the process exit code.
int runInteractiveShell(StatementBackend& backend, OutputFormat format);

} // namespace presto::cli
