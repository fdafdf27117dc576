#pragma once

#include <ostream>
#include <string>

#include "client/cli/StatementReport.h"

namespace presto::cli {

/// The one-line progress display of a running statement, e.g.
/// `RUNNING 0:03 [6M rows, 45.8MB] [2M rows/s, 15.3MB/s] [=====>    ] 35% splits 0/12/21`
/// (state, elapsed, rows and bytes processed, their rates, a bar of completed splits, then splits
/// queued/running/done), cut to `width` characters. Counters the backend does not know are left out.
std::string renderProgress(const std::string& state, const StatementStats& stats, size_t width);

/// Draws the progress line on a terminal, redrawing it in place, and erases it when asked.
class ProgressLine {
 public:
  /// `width`: the terminal's columns.
  ProgressLine(std::ostream& out, size_t width) : out_(out), width_(width) {}

  void update(const std::string& state, const StatementStats& stats);
  /// Erases the line if one is shown (before results or messages are printed).
  void clear();

 private:
  std::ostream& out_;
  const size_t width_;
  bool shown_ = false;
};

} // namespace presto::cli
