#pragma once

#include <nlohmann/json_fwd.hpp>

#include "type/Type.h"

namespace presto::server {

/// The `typeSignature` object of a result column as Presto's client protocol writes it:
/// `{"rawType":"decimal","arguments":[{"kind":"LONG_LITERAL","value":10},...],"typeArguments":[],
/// "literalArguments":[]}`. Nested types use `TYPE_SIGNATURE` arguments, row fields
/// `NAMED_TYPE_SIGNATURE` arguments (`{"fieldName":{"name":"x","delimited":false},"typeSignature":"bigint"}`),
/// and unbounded varchar carries its length 2147483647. The deprecated `typeArguments` list holds
/// the nested signatures when every argument is a type, as prestodb's client does.
nlohmann::json clientTypeSignature(const Type& type);

} // namespace presto::server
