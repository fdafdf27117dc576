#include "sql/parser/ast/Operators.h"

#include "sql/parser/ast/Query.h"

namespace presto::sql {

bool deepEqual(const QueryPtr& left, const QueryPtr& right) {
  if (left == nullptr || right == nullptr) {
    return left == right;
  }
  return left->equals(*right);
}

std::string_view comparisonOperatorText(ComparisonOperator op) {
  switch (op) {
    case ComparisonOperator::kEqual:
      return "=";
    case ComparisonOperator::kNotEqual:
      return "<>";
    case ComparisonOperator::kLessThan:
      return "<";
    case ComparisonOperator::kLessThanOrEqual:
      return "<=";
    case ComparisonOperator::kGreaterThan:
      return ">";
    case ComparisonOperator::kGreaterThanOrEqual:
      return ">=";
    case ComparisonOperator::kIsDistinctFrom:
      return "IS DISTINCT FROM";
  }
  return "";
}

} // namespace presto::sql
