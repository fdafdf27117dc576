#pragma once

#include "expression/RowExpression.h"

namespace presto::sql {

/// A symbol of a logical plan: a named, typed value that one plan node produces and the nodes
/// above it read. Symbols are VariableReferenceExpressions so that plan expressions refer to them
/// directly; names are unique within a plan (see SymbolAllocator).
using Symbol = std::shared_ptr<const VariableReferenceExpression>;

/// Whether two symbols are the same (names are unique within a plan).
inline bool sameSymbol(const Symbol& left, const Symbol& right) {
  return left->name() == right->name();
}

/// `name:type`, as EXPLAIN prints symbols.
inline std::string symbolText(const Symbol& symbol) {
  return symbol->name() + ":" + symbol->type()->toString();
}

} // namespace presto::sql
