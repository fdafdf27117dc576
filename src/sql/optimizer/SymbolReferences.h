#pragma once

#include <set>
#include <string>
#include <unordered_map>

#include "sql/analyzer/Symbol.h"

namespace presto::sql {

/// Symbol names; symbols are identified by name within a plan.
using SymbolNames = std::set<std::string>;
/// Replacement expressions by symbol name.
using SymbolMapping = std::unordered_map<std::string, RowExpressionPtr>;

/// The names of the plan symbols `expression` reads (lambda parameters excluded).
SymbolNames referencedSymbols(const RowExpression& expression);
/// Adds the names of the plan symbols `expression` reads to `names`.
void addReferencedSymbols(const RowExpression& expression, SymbolNames& names);
/// The names of `symbols`.
SymbolNames namesOf(const std::vector<Symbol>& symbols);
/// Whether every name in `names` is in `available`.
bool containsAll(const SymbolNames& available, const SymbolNames& names);

/// `expression` with the plan symbols in `mapping` replaced (lambda parameters shadow symbols).
RowExpressionPtr substituteSymbols(const RowExpressionPtr& expression, const SymbolMapping& mapping);
/// A copy of `expression` (a call, special form or lambda) with new arguments.
RowExpressionPtr withArguments(const RowExpression& expression, std::vector<RowExpressionPtr> arguments);

/// The symbol `expression` is, or null when it is not a plain symbol reference.
Symbol asSymbol(const RowExpressionPtr& expression);

} // namespace presto::sql
