#include "sql/planner/PlanNode.h"

namespace presto::sql {

std::string SortKey::toString() const {
  return symbol->name() + (ascending ? " ASC" : " DESC") + (nullsFirst ? " NULLS FIRST" : " NULLS LAST");
}

std::string sortKeysText(const std::vector<SortKey>& keys) {
  std::string text;
  for (const auto& key : keys) {
    text += (text.empty() ? "" : ", ") + key.toString();
  }
  return text;
}

std::string symbolNames(const std::vector<Symbol>& symbols) {
  std::string text;
  for (const auto& symbol : symbols) {
    text += (text.empty() ? "" : ", ") + symbol->name();
  }
  return text;
}

} // namespace presto::sql
