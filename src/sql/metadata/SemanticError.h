#pragma once

#include <fmt/format.h>

#include "common/PrestoException.h"

namespace presto::sql {

/// Throws a semantic error about the SQL text at `location`. As in prestodb, analyzer errors
/// (missing column, type mismatch, must be aggregate, ...) reach clients as SYNTAX_ERROR with the
/// location of the offending node; the message reads `line L:C: what`.
template <typename... Args>
[[noreturn]] void semanticError(SourceLocation location, fmt::format_string<Args...> format, Args&&... args) {
  throw PrestoException(errors::SYNTAX_ERROR, location, fmt::format(format, std::forward<Args>(args)...));
}

/// Throws a user error with its own code (NOT_SUPPORTED, FUNCTION_NOT_FOUND, ...) at `location`.
template <typename... Args>
[[noreturn]] void userError(
    ErrorCode code, SourceLocation location, fmt::format_string<Args...> format, Args&&... args) {
  throw PrestoException(code, location, fmt::format(format, std::forward<Args>(args)...));
}

} // namespace presto::sql
