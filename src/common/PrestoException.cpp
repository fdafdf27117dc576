#include "common/PrestoException.h"

#include <fmt/format.h>

namespace presto {

PrestoException::PrestoException(ErrorCode code, std::string message)
    : std::runtime_error(message), code_(code), rawMessage_(std::move(message)) {}

PrestoException::PrestoException(ErrorCode code, SourceLocation location, std::string message)
    : std::runtime_error(fmt::format("line {}:{}: {}", location.line, location.column, message)),
      code_(code),
      location_(location),
      rawMessage_(std::move(message)) {}

} // namespace presto
