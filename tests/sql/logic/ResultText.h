#pragma once

#include <string>
#include <vector>

#include "type/Type.h"
#include "type/Value.h"

namespace presto::engine {
struct StatementResult;
}

namespace presto::sql::logic {

/// Renders result values in the canonical text of `.test` files (docs/dev/sql-logic-tests.md):
/// `NULL`, `true`/`false`, varchar raw (the empty string as `(empty)`), decimals with their scale,
/// dates `2020-01-01`, doubles with up to 12 significant digits (reals 6), and arrays, maps and rows
/// as Presto's CLI prints them (`[1, 2]`, `{a=1}`, `{x=1, y=a}`).
std::string renderValue(const Type& type, const Value& value);

/// A double as renderValue shows it: 12 significant digits, `NaN`, `Infinity`, `-Infinity`, and
/// `0` for both zeros.
std::string renderDouble(double value);

/// A real as renderValue shows it: 6 significant digits, otherwise as renderDouble.
std::string renderReal(float value);

/// Every row of `result` as one line, cells joined by `|`.
std::vector<std::string> renderRows(const engine::StatementResult& result);

/// Rewrites a hand-written expected row into the canonical text: cells of double and real columns
/// are parsed and rendered like results (`1.0`, `1.0E0` and `1` all become `1`). Rows whose cell
/// count does not match `types` are returned unchanged (the comparison then reports them).
std::string canonicalExpectedRow(const std::vector<TypePtr>& types, const std::string& row);

} // namespace presto::sql::logic
