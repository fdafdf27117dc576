#include "sql/analyzer/SymbolAllocator.h"

#include <cctype>

namespace presto::sql {

Symbol SymbolAllocator::newSymbol(const std::string& nameHint, TypePtr type) {
  std::string base;
  for (char c : nameHint) {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '_') {
      base.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    } else if (!base.empty() && base.back() != '_') {
      base.push_back('_');
    }
  }
  while (!base.empty() && base.back() == '_') {
    base.pop_back();
  }
  if (base.empty() || base.front() == '$') {
    base = "expr";
  }
  auto [it, inserted] = nextSuffix_.try_emplace(base, 1);
  std::string name = base;
  if (!inserted) {
    // Skip names a hint like `a_1` has already produced.
    do {
      name = base + "_" + std::to_string(it->second++);
    } while (nextSuffix_.count(name) > 0);
    nextSuffix_.emplace(name, 1);
  }
  return std::make_shared<VariableReferenceExpression>(name, std::move(type));
}

} // namespace presto::sql
