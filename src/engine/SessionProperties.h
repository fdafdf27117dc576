#pragma once

#include <string>
#include <vector>

#include "sql/metadata/SessionPropertyMetadata.h"

namespace presto::engine {

using sql::SessionPropertyMetadata;

/// The system session properties the engine understands, sorted by name.
const std::vector<SessionPropertyMetadata>& systemSessionProperties();

/// Checks that `name` is a system session property and `value` is valid for its type
/// (INVALID_SESSION_PROPERTY otherwise).
void validateSessionProperty(const std::string& name, const std::string& value);

} // namespace presto::engine
