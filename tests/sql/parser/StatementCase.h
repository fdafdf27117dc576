#pragma once

#include <string_view>

namespace presto::sql {

/// A statement and the canonical one-line SQL the formatter prints for it, written by hand from
/// the formatter's rules (see docs/sql-syntax.md).
struct StatementCase {
  std::string_view sql;
  std::string_view canonical;
};

} // namespace presto::sql
