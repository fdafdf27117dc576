#pragma once

#include <string>

#include "common/ErrorCode.h"

namespace presto {

/// The outcome of one call of a scalar function on one row: a value, NULL, or a user error. Simple
/// functions that can fail return it instead of throwing, so that TRY() and CASE pay no exception
/// per failing row; the framework records errors per row in the EvalContext.
class CallStatus {
 public:
  enum class Kind : uint8_t { kValue, kNull, kError };

  static CallStatus value() { return CallStatus(Kind::kValue); }
  static CallStatus null() { return CallStatus(Kind::kNull); }
  static CallStatus error(const ErrorCode& code, std::string message) {
    CallStatus status(Kind::kError);
    status.code_ = &code;
    status.message_ = std::move(message);
    return status;
  }

  Kind kind() const { return kind_; }
  bool isValue() const { return kind_ == Kind::kValue; }
  bool isError() const { return kind_ == Kind::kError; }
  /// REQUIRES: isError().
  const ErrorCode& code() const { return *code_; }
  std::string& message() { return message_; }

 private:
  explicit CallStatus(Kind kind) : kind_(kind) {}

  Kind kind_;
  const ErrorCode* code_ = nullptr;
  std::string message_;
};

} // namespace presto
