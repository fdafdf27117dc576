#pragma once

#include <fmt/format.h>

#include "common/PrestoException.h"

/// Two families of checks make blame visible at the call site:
///  - PRESTO_USER_CHECK / PRESTO_USER_FAIL: the user's SQL or data is wrong; the error code says how.
///  - PRESTO_CHECK / PRESTO_FAIL: an engine invariant is broken (GENERIC_INTERNAL_ERROR).
/// Messages are fmt format strings, formatted only when the check fails.

#define PRESTO_USER_FAIL(code, ...) \
  throw ::presto::PrestoException((code), ::fmt::format(__VA_ARGS__))

#define PRESTO_USER_CHECK(condition, code, ...) \
  do {                                          \
    if (!(condition)) [[unlikely]] {            \
      PRESTO_USER_FAIL(code, __VA_ARGS__);      \
    }                                           \
  } while (false)

#define PRESTO_FAIL(...)                                                                   \
  throw ::presto::PrestoException(                                                         \
      ::presto::errors::GENERIC_INTERNAL_ERROR,                                            \
      ::fmt::format("{} ({}:{})", ::fmt::format(__VA_ARGS__), __FILE__, __LINE__))

#define PRESTO_CHECK(condition, ...)                                       \
  do {                                                                     \
    if (!(condition)) [[unlikely]] {                                       \
      PRESTO_FAIL("Check failed: {}: {}", #condition, ::fmt::format(__VA_ARGS__)); \
    }                                                                      \
  } while (false)

/// Debug-only invariant checks for hot paths.
#ifndef NDEBUG
#define PRESTO_DCHECK(condition, ...) PRESTO_CHECK(condition, __VA_ARGS__)
#else
#define PRESTO_DCHECK(condition, ...) \
  do {                                \
  } while (false)
#endif
