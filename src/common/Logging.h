#pragma once

#include <fmt/format.h>

#include <string_view>

namespace presto {

enum class LogLevel { kDebug = 0, kInfo = 1, kWarn = 2, kError = 3 };

/// Process-wide minimum level; set once at start-up (default INFO, or PRESTO_LOG_LEVEL from the
/// environment: DEBUG, INFO, WARN, ERROR).
void setLogLevel(LogLevel level);
LogLevel logLevel();

/// Writes one line `2026-11-22T10:00:00.123Z INFO [thread] message` to stderr.
void logMessage(LogLevel level, std::string_view message);

} // namespace presto

#define PRESTO_LOG(level, ...)                                                    \
  do {                                                                            \
    if (::presto::LogLevel::level >= ::presto::logLevel()) {                      \
      ::presto::logMessage(::presto::LogLevel::level, ::fmt::format(__VA_ARGS__)); \
    }                                                                             \
  } while (false)

#define LOG_DEBUG(...) PRESTO_LOG(kDebug, __VA_ARGS__)
#define LOG_INFO(...) PRESTO_LOG(kInfo, __VA_ARGS__)
#define LOG_WARN(...) PRESTO_LOG(kWarn, __VA_ARGS__)
#define LOG_ERROR(...) PRESTO_LOG(kError, __VA_ARGS__)
