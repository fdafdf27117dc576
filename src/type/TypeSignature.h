#pragma once

#include <string_view>

#include "type/Type.h"

namespace presto {

/// Parses a Presto type signature such as `bigint`, `varchar(25)`, `decimal(15, 2)`,
/// `timestamp with time zone`, `interval day to second`, `array(row(a bigint, "b c" double))` or
/// `map(varchar, array(bigint))`. Names are case-insensitive; spaces are optional; `decimal` alone is
/// decimal(38,0) and `char` alone is char(1). Unknown names are NOT_FOUND (`Unknown type: foo`);
/// malformed text is INVALID_ARGUMENTS. `parseTypeSignature(t->toString())` equals `t`.
TypePtr parseTypeSignature(std::string_view signature);

} // namespace presto
