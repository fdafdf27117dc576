#pragma once

#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "type/Type.h"

namespace presto::integration {

/// Renders a value as the client protocol carries it (a JSON value of a row in `data`) in the text
/// of `.test` files, exactly as ResultText's renderValue renders the engine's value of the same
/// type: doubles with 12 significant digits, decimals and temporal values from their protocol
/// strings, varbinary decoded from base64 to hex bytes, interval year to month (`1-2` on the wire)
/// as its number of months, rows from their field arrays with the field names of `type`.
///
/// What the protocol loses: map entries arrive as a JSON object, whose members the JSON library
/// orders by key text, so a map with several entries renders in key-text order rather than in the
/// engine's entry order.
std::string renderJsonValue(const Type& type, const nlohmann::json& value);

/// One row (a JSON array with a value per column) as one line, cells joined by `|`.
std::string renderJsonRow(const std::vector<TypePtr>& types, const nlohmann::json& row);

} // namespace presto::integration
