#include "common/Logging.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <mutex>
#include <string>
#include <thread>

namespace presto {
namespace {

LogLevel levelFromEnvironment() {
  const char* value = std::getenv("PRESTO_LOG_LEVEL");
  std::string_view name = value ? value : "INFO";
  if (name == "DEBUG") return LogLevel::kDebug;
  if (name == "WARN") return LogLevel::kWarn;
  if (name == "ERROR") return LogLevel::kError;
  return LogLevel::kInfo;
}

std::atomic<LogLevel>& currentLevel() {
  static std::atomic<LogLevel> level{levelFromEnvironment()};
  return level;
}

constexpr std::string_view kLevelNames[] = {"DEBUG", "INFO", "WARN", "ERROR"};

} // namespace

void setLogLevel(LogLevel level) {
  currentLevel().store(level);
}

LogLevel logLevel() {
  return currentLevel().load(std::memory_order_relaxed);
}

void logMessage(LogLevel level, std::string_view message) {
  auto now = std::chrono::system_clock::now();
  auto seconds = std::chrono::system_clock::to_time_t(now);
  auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char stamp[32];
  std::strftime(stamp, sizeof(stamp), "%Y-%m-%dT%H:%M:%S", &utc);
  auto line = fmt::format("{}.{:03}Z {} [{}] {}\n", stamp, millis, kLevelNames[static_cast<int>(level)],
      std::hash<std::thread::id>{}(std::this_thread::get_id()) % 100000, message);
  static std::mutex mutex;
  std::lock_guard<std::mutex> lock(mutex);
  std::fwrite(line.data(), 1, line.size(), stderr);
}

} // namespace presto
