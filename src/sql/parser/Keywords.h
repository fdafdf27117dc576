#pragma once

#include <string_view>

namespace presto::sql {

/// Whether `upperWord` (already upper case) is one of Presto's reserved words. Reserved words can
/// be used as identifiers only when double-quoted.
bool isReservedWord(std::string_view upperWord);

/// Whether `word` (any case) would be read by the parser as something other than a plain
/// identifier in some expression or alias position although it is not reserved, e.g. `array` in
/// `array[1]` or `limit` after a relation. The formatter quotes such identifiers to keep their
/// meaning when the SQL is parsed again.
bool isContextualKeyword(std::string_view word);

} // namespace presto::sql
