#pragma once

#include <nlohmann/json_fwd.hpp>

#include "type/Value.h"
#include "vector/Page.h"

namespace presto::server {

/// Encodes one value of `type` the way Presto's client protocol writes it in `data`:
///  - boolean as a JSON bool; tinyint..bigint as numbers; real/double as numbers except NaN and
///    ±Infinity, which are the strings "NaN", "Infinity", "-Infinity";
///  - decimal as a string keeping its scale digits ("123.45");
///  - varchar/char/json as strings; varbinary as base64;
///  - date "2001-08-22", time "01:02:03.456", timestamp "2001-08-22 03:04:05.321", timestamp with
///    time zone "2001-08-22 03:04:05.321 UTC", interval year to month "1-2", interval day to
///    second "2 03:04:05.000";
///  - array as a JSON array, map as a JSON object with keys written as text, row as a JSON array of
///    its field values in order; NULL as null.
nlohmann::json valueToJson(const Value& value, const Type& type);

/// Appends the rows of `page` to `rows`, each a JSON array with one value per column.
void appendPageRows(const Page& page, nlohmann::json& rows);

/// Appends the rows of `page` as JSON text (`[1,"a"],[2,null]`) to `out`, which ends inside a JSON
/// array (with `[` or a previous row). Same values as appendPageRows, written without building a
/// JSON tree: the fast path of result serialization.
void writePageRows(const Page& page, std::string& out);

/// Standard base64 (with padding) of raw bytes.
std::string encodeBase64(std::string_view bytes);

} // namespace presto::server
