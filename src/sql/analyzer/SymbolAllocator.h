#pragma once

#include <map>
#include <string>

#include "sql/analyzer/Symbol.h"

namespace presto::sql {

/// Hands out plan symbols with unique names derived from a hint: the first `sum` is `sum`, the
/// next ones `sum_1`, `sum_2`, ... Hints are lower-cased and reduced to identifier characters so
/// that plans print readably.
class SymbolAllocator {
 public:
  Symbol newSymbol(const std::string& nameHint, TypePtr type);
  /// Marks `name` as taken, so that no symbol handed out later has it (a rewrite of an existing
  /// plan reserves every name the plan uses).
  void reserve(const std::string& name) { nextSuffix_.try_emplace(name, 1); }

 private:
  std::map<std::string, int32_t> nextSuffix_;
};

} // namespace presto::sql
