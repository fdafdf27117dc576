#include "common/ErrorCode.h"

namespace presto {

std::string_view errorTypeName(ErrorType type) {
  switch (type) {
    case ErrorType::kUserError:
      return "USER_ERROR";
    case ErrorType::kInternalError:
      return "INTERNAL_ERROR";
    case ErrorType::kInsufficientResources:
      return "INSUFFICIENT_RESOURCES";
    case ErrorType::kExternal:
      return "EXTERNAL";
  }
  return "INTERNAL_ERROR";
}

bool isCaughtByTry(const ErrorCode& code) {
  return code == errors::INVALID_FUNCTION_ARGUMENT || code == errors::DIVISION_BY_ZERO ||
      code == errors::INVALID_CAST_ARGUMENT || code == errors::NUMERIC_VALUE_OUT_OF_RANGE;
}

bool isRetriable(const ErrorCode& code) {
  return code == errors::TOO_MANY_REQUESTS_FAILED || code == errors::PAGE_TRANSPORT_ERROR ||
      code == errors::PAGE_TRANSPORT_TIMEOUT || code == errors::REMOTE_TASK_ERROR ||
      code == errors::REMOTE_HOST_GONE;
}

} // namespace presto
