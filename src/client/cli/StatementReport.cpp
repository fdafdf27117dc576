#include "client/cli/StatementReport.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ostream>
#include <vector>

namespace presto::cli {
namespace {

/// Java's DecimalFormat `#.##`, `#.#` or `#` (three significant digits), rounding half up.
std::string threeDigits(double value) {
  int decimals = value < 10 ? 2 : value < 100 ? 1 : 0;
  double scale = std::pow(10.0, decimals);
  double rounded = std::floor(value * scale + 0.5) / scale;
  char text[64];
  std::snprintf(text, sizeof(text), "%.*f", decimals, rounded);
  std::string result = text;
  if (result.find('.') != std::string::npos) {
    result.erase(result.find_last_not_of('0') + 1);
    if (result.back() == '.') {
      result.pop_back();
    }
  }
  return result;
}

double seconds(int64_t millis) {
  return static_cast<double>(millis) / 1000.0;
}

double ratePerSecond(double amount, int64_t millis) {
  double rate = amount / seconds(millis);
  return std::isfinite(rate) ? rate : 0;
}

std::string formatCountRate(int64_t count, int64_t millis) {
  return formatCount(static_cast<int64_t>(ratePerSecond(static_cast<double>(count), millis)));
}

std::string formatDataRate(int64_t bytes, int64_t millis) {
  std::string text = formatDataSize(ratePerSecond(static_cast<double>(bytes), millis));
  if (text.back() != 'B') {
    text += 'B';
  }
  return text + "/s";
}

std::vector<std::string> splitLines(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (true) {
    size_t end = text.find('\n', start);
    lines.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) {
      return lines;
    }
    start = end + 1;
  }
}

} // namespace

std::string formatCount(int64_t count) {
  double fractional = static_cast<double>(count);
  std::string unit;
  for (const char* next : {"K", "M", "B", "T", "Q"}) {
    if (fractional <= 1000) {
      break;
    }
    fractional /= 1000;
    unit = next;
  }
  return threeDigits(fractional) + unit;
}

std::string formatDataSize(double bytes) {
  double fractional = bytes;
  std::string unit;
  for (const char* next : {"K", "M", "G", "T", "P"}) {
    if (fractional < 1024) {
      break;
    }
    fractional /= 1024;
    unit = next;
  }
  return threeDigits(fractional) + (unit.empty() ? "B" : unit + "B");
}

std::string formatFinalTime(int64_t millis) {
  char text[32];
  if (millis >= 60'000) {
    int64_t totalSeconds = millis / 1000;
    std::snprintf(text, sizeof(text), "%lld:%02lld", static_cast<long long>(totalSeconds / 60),
        static_cast<long long>(totalSeconds % 60));
  } else {
    std::snprintf(text, sizeof(text), "%.2f", seconds(millis));
  }
  return text;
}

void printFailure(std::ostream& out, const StatementOutcome& outcome, const std::string* sql) {
  out << "Query " << outcome.queryId << " failed: " << (outcome.failure ? outcome.failure->message : "") << "\n";
  if (sql == nullptr) {
    return;
  }
  if (outcome.failure && outcome.failure->location) {
    auto [line, column] = *outcome.failure->location;
    auto lines = splitLines(*sql);
    if (line >= 1 && static_cast<size_t>(line) <= lines.size()) {
      std::string prefix = "LINE " + std::to_string(line) + ": ";
      out << prefix << lines[line - 1] << "\n";
      out << std::string(prefix.size() + static_cast<size_t>(std::max(column, 1) - 1), ' ') << "^\n";
    }
  }
  out << "\n";
}

void printSummary(std::ostream& out, const StatementOutcome& outcome) {
  const StatementStats& stats = outcome.stats;
  if (!stats.nodes || *stats.nodes == 0 || (stats.totalSplits && *stats.totalSplits == 0)) {
    return;
  }
  out << "\n";
  out << "Query " << outcome.queryId << ", " << outcome.state << ", " << *stats.nodes
      << (*stats.nodes == 1 ? " node" : " nodes") << "\n";
  char line[256];
  if (stats.totalSplits) {
    int64_t completed = stats.completedSplits.value_or(0);
    std::snprintf(line, sizeof(line), "Splits: %lld total, %lld done (%.2f%%)",
        static_cast<long long>(*stats.totalSplits), static_cast<long long>(completed),
        100.0 * static_cast<double>(completed) / static_cast<double>(*stats.totalSplits));
    out << line << "\n";
  }
  if (stats.cpuMillis) {
    int64_t cpu = *stats.cpuMillis;
    std::snprintf(line, sizeof(line), "CPU Time: %.1fs total, %5s rows/s, %8s, %d%% active", seconds(cpu),
        formatCountRate(stats.processedRows, cpu).c_str(),
        formatDataRate(stats.processedBytes.value_or(0), cpu).c_str(),
        static_cast<int>(stats.wallMillis > 0 ? 100.0 * static_cast<double>(cpu) / static_cast<double>(stats.wallMillis)
                                              : 0.0));
    out << line << "\n";
  }
  out << formatFinalTime(stats.wallMillis) << " [" << formatCount(stats.processedRows) << " rows";
  if (stats.processedBytes) {
    out << ", " << formatDataSize(static_cast<double>(*stats.processedBytes));
  }
  out << "] [" << formatCountRate(stats.processedRows, stats.wallMillis) << " rows/s";
  if (stats.processedBytes) {
    out << ", " << formatDataRate(*stats.processedBytes, stats.wallMillis);
  }
  out << "]\n\n";
  out.flush();
}

} // namespace presto::cli
