#pragma once

#include <optional>
#include <stdexcept>
#include <string>

#include "common/ErrorCode.h"

namespace presto {

/// A position in SQL text, 1-based as Presto reports it (`line 3:14`).
struct SourceLocation {
  int32_t line = 1;
  int32_t column = 1;

  bool operator==(const SourceLocation&) const = default;
};

/// The one exception type of the engine. Every failure that reaches a client carries an error code;
/// errors about SQL text also carry the location of the offending token or node, and then the
/// message starts with `line L:C: ` as Presto prints it.
class PrestoException : public std::runtime_error {
 public:
  PrestoException(ErrorCode code, std::string message);
  PrestoException(ErrorCode code, SourceLocation location, std::string message);

  const ErrorCode& errorCode() const { return code_; }
  const std::optional<SourceLocation>& location() const { return location_; }
  /// The message without the `line L:C: ` prefix.
  const std::string& rawMessage() const { return rawMessage_; }
  bool isUserError() const { return code_.type == ErrorType::kUserError; }

 private:
  ErrorCode code_;
  std::optional<SourceLocation> location_;
  std::string rawMessage_;
};

} // namespace presto
