#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "common/ErrorCode.h"

namespace presto::server {

/// The error code another node reported by number, name and type name (`8`, `DIVISION_BY_ZERO`,
/// `USER_ERROR`), whether or not this process knows it; nullopt when the name is empty or the type
/// is not one of Presto's four.
std::optional<ErrorCode> remoteErrorCode(int32_t code, std::string_view name, std::string_view typeName);

} // namespace presto::server
