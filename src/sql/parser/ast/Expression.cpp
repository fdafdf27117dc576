#include "sql/parser/ast/Expression.h"

namespace presto::sql {

std::string QualifiedName::toString() const {
  std::string result;
  for (const IdentifierPtr& part : parts) {
    if (!result.empty()) {
      result += '.';
    }
    result += part->value;
  }
  return result;
}

} // namespace presto::sql
