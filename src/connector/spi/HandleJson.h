#pragma once

// JSON parsing for connector handle codecs. Included only by the .cpp files that encode handles,
// so the JSON library stays out of widely included headers.

#include <nlohmann/json.hpp>

#include "common/Check.h"

namespace presto::connector {

/// Parses handle JSON received from another node and builds a handle from it; malformed input is
/// an internal error naming the connector.
template <typename Result, typename Build>
Result parseHandleJson(const std::string& text, std::string_view connectorName, Build build) {
  try {
    return build(nlohmann::json::parse(text));
  } catch (const nlohmann::json::exception& error) {
    PRESTO_FAIL("malformed {} connector handle {}: {}", connectorName, text, error.what());
  }
}

} // namespace presto::connector
