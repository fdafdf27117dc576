#pragma once

#include <optional>

#include "connector/spi/Domain.h"
#include "expression/RowExpression.h"

namespace presto::sql {

/// The domain one conjunct puts on one symbol, when the conjunct is exactly a domain: `s op c`
/// or `c op s` for a comparison with a non-null constant of the symbol's type, `s BETWEEN c1 AND
/// c2`, `s IN (c1, ...)`, `s IS NULL` and `NOT (s IS NULL)`.
struct SymbolDomain {
  std::string symbol;
  connector::Domain domain;
};

std::optional<SymbolDomain> conjunctDomain(const RowExpression& conjunct);

} // namespace presto::sql
