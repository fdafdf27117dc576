#include "client/cli/ProgressLine.h"

#include <algorithm>

#include <fmt/format.h>

namespace presto::cli {
namespace {

constexpr size_t kBarWidth = 20;

/// Elapsed time as the progress display shows it: `m:ss`.
std::string formatElapsed(int64_t millis) {
  int64_t totalSeconds = std::max<int64_t>(0, millis) / 1000;
  return fmt::format("{}:{:02}", totalSeconds / 60, totalSeconds % 60);
}

std::string rate(double amount, int64_t millis) {
  return millis > 0 ? formatCount(static_cast<int64_t>(amount * 1000.0 / static_cast<double>(millis))) : "0";
}

std::string dataRate(double bytes, int64_t millis) {
  std::string text = formatDataSize(millis > 0 ? bytes * 1000.0 / static_cast<double>(millis) : 0);
  return (text.back() == 'B' ? text : text + "B") + "/s";
}

std::string dataSize(int64_t bytes) {
  std::string text = formatDataSize(static_cast<double>(bytes));
  return text.back() == 'B' ? text : text + "B";
}

} // namespace

std::string renderProgress(const std::string& state, const StatementStats& stats, size_t width) {
  std::string line = fmt::format("{} {} [{} rows", state, formatElapsed(stats.wallMillis), formatCount(stats.processedRows));
  if (stats.processedBytes) {
    line += ", " + dataSize(*stats.processedBytes);
  }
  line += "] [" + rate(static_cast<double>(stats.processedRows), stats.wallMillis) + " rows/s";
  if (stats.processedBytes) {
    line += ", " + dataRate(static_cast<double>(*stats.processedBytes), stats.wallMillis);
  }
  line += "]";
  if (stats.totalSplits && *stats.totalSplits > 0) {
    int64_t done = stats.completedSplits.value_or(0);
    auto filled = static_cast<size_t>(done * static_cast<int64_t>(kBarWidth) / *stats.totalSplits);
    std::string bar(filled, '=');
    if (filled < kBarWidth) {
      bar += '>';
    }
    bar.resize(kBarWidth, ' ');
    line += fmt::format(" [{}] {}%", bar, done * 100 / *stats.totalSplits);
    line += fmt::format(" splits {}/{}/{}", stats.queuedSplits.value_or(0), stats.runningSplits.value_or(0), done);
  }
  if (line.size() > width) {
    line.resize(width);
  }
  return line;
}

void ProgressLine::update(const std::string& state, const StatementStats& stats) {
  // The last column stays empty: writing it makes some terminals wrap.
  out_ << '\r' << renderProgress(state, stats, width_ > 1 ? width_ - 1 : width_) << "\033[K" << std::flush;
  shown_ = true;
}

void ProgressLine::clear() {
  if (shown_) {
    out_ << "\r\033[K" << std::flush;
    shown_ = false;
  }
}

} // namespace presto::cli
